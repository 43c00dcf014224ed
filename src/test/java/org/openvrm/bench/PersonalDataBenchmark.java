package org.openvrm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.sun.management.OperatingSystemMXBean;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.OpenVrmApplication;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The personal data API under load (DESIGN §8: on 2 cores, at least 3,500 authorised
 * reads/s and 1,200 durable writes/s; figures in bench/README.md). The whole hub runs on
 * the embedded default, an H2 file database in a new directory, or on PostgreSQL with
 * {@code SPRING_PROFILES_ACTIVE=postgres} (in a schema of its own, dropped at the end).
 * {@value #PEOPLE} people sign up, each makes a personal access token and
 * {@value #RECORDS} records. Then client threads in the same JVM, as many as the second
 * argument, call the API with those tokens for the seconds of the first argument (after
 * as long again to warm up):
 * <ul>
 * <li><b>reads</b>: {@code GET /api/v1/me/records/{id}} of a random person's random
 * record: the token checked (SHA-256, one row), the vault opened with it, the record read
 * and decrypted;</li>
 * <li><b>writes</b>: {@code PUT /api/v1/me/records/{id}}: the same, then a new version
 * encrypted and committed (with its audit entry) before the answer.</li>
 * </ul>
 * Every answer is checked (status and record id). The load generator shares the machine's
 * two cores with the hub, so the figures are what the hub does with what the clients
 * leave it. Run with {@code bench/personal-data.sh}.
 */
public final class PersonalDataBenchmark {

	static final int PEOPLE = 20;

	static final int RECORDS = 25;

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private record Answer(int status, String body) {
	}

	/** One person's token and record ids. */
	private record Person(String token, List<String> records) {
	}

	/**
	 * What one phase measured: requests per second over the measured time, and each
	 * request's time.
	 */
	private record Phase(String operation, double perSecond, long[] nanos, long hubCpuNanos, long processCpuNanos) {

		/**
		 * CPU time of the hub's request threads per request: what two cores of its own
		 * would allow.
		 */
		double hubCpuMicros() {
			return hubCpuNanos / 1e3 / nanos.length;
		}

		double processCpuMicros() {
			return processCpuNanos / 1e3 / nanos.length;
		}

		double millis(double quantile) {
			return nanos[(int) Math.min(nanos.length - 1, Math.floor(quantile * nanos.length))] / 1e6;
		}
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		boolean postgres = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");
		String schema = "bench_personal_data_" + System.currentTimeMillis();
		Path directory = Files.createTempDirectory("openvrm-bench");
		SpringApplicationBuilder app = new SpringApplicationBuilder(OpenVrmApplication.class);
		app.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"openvrm.operator.setup-code=benchmark-setup-code-0123456789");
		// System properties, because the application's (and the tests') property files
		// override the builder's.
		if (postgres) {
			System.setProperty("spring.flyway.default-schema", schema);
			System.setProperty("spring.flyway.schemas", schema);
			System.setProperty("spring.datasource.hikari.schema", schema);
		}
		else {
			System.setProperty("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("openvrm")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
		}
		// Apache's blocking client: the load generator shares the hub's two cores, and
		// with the JDK's
		// HttpClient the rest of the JVM (clients, GC, JIT) took about as much CPU per
		// request as the
		// hub's request threads.
		try (ConfigurableApplicationContext context = app.run();
				CloseableHttpClient http = HttpClients.custom()
					.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
						.setMaxConnPerRoute(threads)
						.setMaxConnTotal(threads)
						.build())
					.build()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			String base = "http://localhost:" + port + "/api/v1/me/records/";
			List<Person> people = new ArrayList<>();
			for (int p = 0; p < PEOPLE; p++) {
				people.add(person(port));
			}
			List<Phase> phases = new ArrayList<>();
			phases.add(run("reads", threads, seconds, people, (person, id, random) -> {
				HttpGet read = new HttpGet(base + id);
				read.setHeader("Authorization", "Bearer " + person.token());
				read.setHeader("Accept", "application/json");
				return read;
			}, http));
			phases.add(run("writes", threads, seconds, people, (person, id, random) -> {
				HttpPut write = new HttpPut(base + id);
				write.setHeader("Authorization", "Bearer " + person.token());
				write.setEntity(new StringEntity("{\"fields\":{\"address\":\"ann" + random.nextInt(1_000_000)
						+ "@example.org\",\"label\":\"home\"}}", ContentType.APPLICATION_JSON));
				return write;
			}, http));
			System.out.printf(Locale.ROOT,
					"%n%s (%s), %d people x %d records, %d client threads, %d s measured after %d s warm-up, %d cores%n",
					postgres ? "PostgreSQL" : "H2 file (embedded default)",
					context.getEnvironment().getProperty("spring.datasource.url")
							+ (postgres ? ", schema " + schema : ""),
					PEOPLE, RECORDS, threads, seconds, seconds, Runtime.getRuntime().availableProcessors());
			System.out.println(
					"| operation | requests/s | p50 ms | p99 ms | request threads' CPU µs/request | whole JVM's CPU µs/request |");
			System.out.println("|---|---|---|---|---|---|");
			for (Phase phase : phases) {
				System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %,.0f | %,.0f |%n", phase.operation(),
						phase.perSecond(), phase.millis(0.5), phase.millis(0.99), phase.hubCpuMicros(),
						phase.processCpuMicros());
			}
			if (postgres) {
				new JdbcTemplate(context.getBean(DataSource.class)).execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	/** A request for the person's record with this id. */
	private interface Call {

		ClassicHttpRequest request(Person person, String id, SplittableRandom random);

	}

	private static Person person(int port) {
		HubClient client = Hub.person(port);
		String token = Hub.personalAccessToken(client);
		List<String> records = new ArrayList<>();
		for (int r = 0; r < RECORDS; r++) {
			HubClient.Response created = client.sendJson("POST", "/api/v1/me/records",
					"{\"kind\":\"EMAIL\",\"fields\":{\"address\":\"person" + r + "@example.org\",\"label\":\"home\"}}");
			Matcher id = ID.matcher(created.body());
			if (created.status() != 201 || !id.find()) {
				throw new IllegalStateException("record answered " + created.status() + ": " + created.body());
			}
			records.add(id.group(1));
		}
		return new Person(token, records);
	}

	/**
	 * CPU time used so far by the whole JVM (hub, clients, JIT and GC), and by each of
	 * Tomcat's request threads: on a shared 2-core VM throughput swings by a third or
	 * more from run to run, and these say how much of the machine the hub itself took per
	 * request.
	 */
	private record CpuTimes(long process, Map<Long, Long> requestThreads) {

		static CpuTimes now() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<Long, Long> requestThreads = new HashMap<>();
			for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (thread != null && thread.getThreadName().startsWith("http-nio-")
						&& thread.getThreadName().contains("-exec-")) {
					requestThreads.put(thread.getThreadId(), threads.getThreadCpuTime(thread.getThreadId()));
				}
			}
			long process = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
			return new CpuTimes(process, requestThreads);
		}

		long requestThreadsSince(CpuTimes before) {
			return requestThreads.entrySet()
				.stream()
				.mapToLong(thread -> thread.getValue() - before.requestThreads().getOrDefault(thread.getKey(), 0L))
				.sum();
		}
	}

	/**
	 * Warms up, then measures: each thread sends one call after another until the time is
	 * up.
	 */
	private static Phase run(String operation, int threads, int seconds, List<Person> people, Call call,
			CloseableHttpClient http) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long warmUpEnd = System.nanoTime() + seconds * 1_000_000_000L;
			long end = warmUpEnd + seconds * 1_000_000_000L;
			List<Future<long[]>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				SplittableRandom random = new SplittableRandom(t);
				results.add(pool.submit(() -> client(call, people, random, http, warmUpEnd, end)));
			}
			Thread.sleep(Math.max(0, (warmUpEnd - System.nanoTime()) / 1_000_000));
			CpuTimes before = CpuTimes.now();
			Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
			CpuTimes after = CpuTimes.now();
			long[] nanos = {};
			for (Future<long[]> result : results) {
				long[] some = result.get();
				int from = nanos.length;
				nanos = Arrays.copyOf(nanos, from + some.length);
				System.arraycopy(some, 0, nanos, from, some.length);
			}
			Arrays.sort(nanos);
			return new Phase(operation, nanos.length / (double) seconds, nanos, after.requestThreadsSince(before),
					after.process() - before.process());
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * One client thread: the times of the calls it started after the warm-up and finished
	 * in time.
	 */
	private static long[] client(Call call, List<Person> people, SplittableRandom random, CloseableHttpClient http,
			long warmUpEnd, long end) throws Exception {
		long[] nanos = new long[1024];
		int count = 0;
		while (true) {
			Person person = people.get(random.nextInt(people.size()));
			String id = person.records().get(random.nextInt(person.records().size()));
			long start = System.nanoTime();
			Answer answer = http.execute(call.request(person, id, random),
					response -> new Answer(response.getCode(), EntityUtils.toString(response.getEntity())));
			long finished = System.nanoTime();
			if (answer.status() != 200 || !answer.body().contains(id)) {
				throw new IllegalStateException("answered " + answer.status() + ": " + answer.body());
			}
			if (finished > end) {
				return Arrays.copyOf(nanos, count);
			}
			if (start >= warmUpEnd) {
				if (count == nanos.length) {
					nanos = Arrays.copyOf(nanos, count * 2);
				}
				nanos[count++] = finished - start;
			}
		}
	}

}
