package org.openvrm;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the hub's OpenAPI document, sent malformed input by a person, a
 * vendor and anonymous (see {@link ApiFuzzer}): no 5xx, no internals in any body, and
 * every {@code /api/} error a problem. A fixed seed and about 20 requests an operation
 * keep it repeatable and short; {@code bench/fuzz.sh} runs the same fuzzer with a random
 * seed at 100,000 requests and more.
 */
@HubTest
class ApiFuzzIntegrationTest {

	static final long SEED = 20261206L;

	@LocalServerPort
	int port;

	@Test
	void malformedRequestsGetProblemsNeverServerErrorsOrInternals() {
		ApiFuzzer.Report report = new ApiFuzzer(port, SEED).run(ApiFuzzer.callers(port), 20);

		Map<String, ApiFuzzer.Finding> distinct = new LinkedHashMap<>();
		report.findings()
			.forEach(
					f -> distinct.putIfAbsent(f.method() + " " + f.target().replaceAll("\\?.*", "") + f.mutation(), f));
		assertThat(report.requests()).isGreaterThan(3000);
		assertThat(distinct.values()).as(report.summary()).isEmpty();
	}

}
