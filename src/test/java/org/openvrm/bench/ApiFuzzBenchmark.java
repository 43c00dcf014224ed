package org.openvrm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.openvrm.ApiFuzzer;
import org.openvrm.OpenVrmApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The API fuzzer at volume: {@code bench/fuzz.sh [requests [seed [port]]]}. Without a
 * port it starts the whole hub in this JVM (an H2 file in a new temporary directory, or
 * PostgreSQL with {@code SPRING_PROFILES_ACTIVE=postgres}, a schema of its own); with one
 * it fuzzes a hub already running there. Prints the requests sent, the answers by status
 * and every finding (5xx, internals shown, an /api/ error that is not a problem), and
 * exits 1 if there is any.
 */
public final class ApiFuzzBenchmark {

	private ApiFuzzBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		long seed = args.length > 1 && !args[1].isBlank() ? Long.parseLong(args[1])
				: ThreadLocalRandom.current().nextLong();
		ConfigurableApplicationContext context = null;
		int port;
		if (args.length > 2) {
			port = Integer.parseInt(args[2]);
		}
		else {
			context = startHub();
			port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		}
		try {
			long started = System.nanoTime();
			ApiFuzzer fuzzer = new ApiFuzzer(port, seed);
			int operations = fuzzer.operationCount();
			// Whole rounds over every operation, at least the requests asked for.
			ApiFuzzer.Report report = fuzzer.run(ApiFuzzer.callers(port),
					Math.max(1, (requests + operations - 1) / operations));
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("seed %d: %d operations, %s in %.0f s%n", seed, operations, report.summary(), seconds);
			Map<String, Integer> kinds = new TreeMap<>();
			report.findings()
				.forEach(f -> kinds.merge(f.status() + " " + f.method() + " "
						+ f.target().replaceAll("\\?.*", "").replaceAll("/[0-9a-f-]{36}", "/{id}") + " [" + f.mutation()
						+ "]", 1, Integer::sum));
			kinds.forEach((kind, count) -> System.out.println(count + " x " + kind));
			report.findings().stream().limit(50).forEach(System.out::println);
			System.out.println("5xx: " + report.serverErrors() + ", findings: " + report.findings().size());
			if (!report.findings().isEmpty()) {
				System.exit(1);
			}
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
	}

	private static ConfigurableApplicationContext startHub() throws Exception {
		SpringApplicationBuilder app = new SpringApplicationBuilder(OpenVrmApplication.class);
		app.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"openvrm.operator.setup-code=benchmark-setup-code-0123456789");
		if (String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres")) {
			String schema = "bench_fuzz_" + System.currentTimeMillis();
			System.setProperty("spring.flyway.default-schema", schema);
			System.setProperty("spring.flyway.schemas", schema);
			System.setProperty("spring.datasource.hikari.schema", schema);
		}
		else {
			Path directory = Files.createTempDirectory("openvrm-fuzz");
			System.setProperty("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("openvrm")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
		}
		return app.run();
	}

}
