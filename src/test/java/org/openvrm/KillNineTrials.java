package org.openvrm;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged hub killed with SIGKILL while 8 clients create and edit records through
 * the API, then started again on the same data: every write it acknowledged (2xx) must be
 * there, at the acknowledged value or at a later one that was in flight at the kill, and
 * the person's audit chain must verify. On the embedded default (the hub's own working
 * directory holds {@code ./data}, as shipped) or, with
 * {@code SPRING_PROFILES_ACTIVE=postgres}, on PostgreSQL in a schema of its own.
 */
public final class KillNineTrials {

	/** What one trial saw. */
	public record Trial(int number, long acknowledged, long records, long missing, long older, boolean chainIntact,
			long chainEntries) {

		public boolean lostNothing() {
			return missing == 0 && older == 0 && chainIntact;
		}

		@Override
		public String toString() {
			return "trial %d: %d writes acknowledged, %d records checked, %d missing, %d at an older value, audit chain %s (%d entries)"
				.formatted(number, acknowledged, records, missing, older, chainIntact ? "intact" : "BROKEN",
						chainEntries);
		}
	}

	static final int WRITERS = 8;

	private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final Path jar;

	private final Path home;

	private final PrintStream log;

	private final boolean postgres = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");

	private final String schema = "crash_" + System.currentTimeMillis();

	private final Random random;

	/** Acknowledged value of each record, and the value of a change in flight for it. */
	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	private final Map<String, String> inFlight = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process hub;

	private int port;

	private String token;

	public KillNineTrials(Path jar, long seed, PrintStream log) throws IOException {
		this.jar = jar.toAbsolutePath();
		this.home = Files.createTempDirectory("openvrm-crash");
		this.random = new Random(seed);
		this.log = log;
	}

	public List<Trial> run(int trials) throws Exception {
		List<Trial> results = new ArrayList<>();
		try {
			start();
			token = Hub.personalAccessToken(Hub.person(port));
			for (int trial = 1; trial <= trials; trial++) {
				long acked = writeUntilKilled(Duration.ofMillis(1500 + random.nextInt(2500)));
				start();
				Trial result = check(trial, acked);
				log.println(result);
				results.add(result);
			}
		}
		finally {
			if (hub != null) {
				hub.destroyForcibly().waitFor();
			}
			dropSchema();
			deleteHome();
		}
		return results;
	}

	private void start() throws Exception {
		port = freePort();
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=" + port)
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("hub.log").toFile()));
		builder.environment().put("OPENVRM_OPERATOR_SETUP_CODE", "crash-trial-setup-code-0123456789");
		if (postgres) {
			builder.environment().put("OPENVRM_DB_SCHEMA", schema);
		}
		hub = builder.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			if (!hub.isAlive()) {
				throw new IllegalStateException("the hub did not start; see " + home.resolve("hub.log"));
			}
			try {
				if (get("/").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the hub was not ready within 180 s");
	}

	/**
	 * Writes from 8 clients, kills the hub after {@code before}, and returns how many
	 * writes it acknowledged.
	 */
	private long writeUntilKilled(Duration before) throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		AtomicLong acked = new AtomicLong();
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> running = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			List<String> own = new ArrayList<>(acknowledged.keySet()
				.stream()
				.filter(id -> Math.floorMod(id.hashCode(), WRITERS) == writer)
				.toList());
			running.add(writers.submit(() -> write(writer, own, killed, acked)));
		}
		Thread.sleep(before.toMillis());
		killed.set(true);
		hub.destroyForcibly().waitFor();
		for (Future<?> writer : running) {
			writer.get();
		}
		writers.shutdown();
		return acked.get();
	}

	private void write(int writer, List<String> own, AtomicBoolean killed, AtomicLong acked) {
		Random mine = new Random(random.nextLong());
		long sequence = 0;
		while (true) {
			String value = writer + "-" + System.nanoTime() + "-" + sequence++;
			try {
				if (own.isEmpty() || mine.nextInt(10) < 3) {
					HttpResponse<String> created = send("POST", "/api/v1/me/records",
							"{\"kind\":\"PHONE\",\"fields\":{\"number\":\"" + value + "\"}}");
					if (created.statusCode() == 201) {
						Matcher id = ID.matcher(created.body());
						if (id.find()) {
							own.add(id.group(1));
							acknowledged.put(id.group(1), value);
							acked.incrementAndGet();
						}
					}
					else if (!killed.get()) {
						throw new IllegalStateException(
								"creating a record: " + created.statusCode() + " " + created.body());
					}
				}
				else {
					String id = own.get(mine.nextInt(own.size()));
					inFlight.put(id, value);
					HttpResponse<String> changed = send("PUT", "/api/v1/me/records/" + id,
							"{\"fields\":{\"number\":\"" + value + "\"}}");
					if (changed.statusCode() == 200) {
						acknowledged.put(id, value);
						inFlight.remove(id);
						acked.incrementAndGet();
					}
					else if (!killed.get()) {
						throw new IllegalStateException(
								"changing a record: " + changed.statusCode() + " " + changed.body());
					}
				}
			}
			catch (IOException connectionLost) {
				if (killed.get()) {
					return;
				}
				throw new IllegalStateException("the hub failed before it was killed", connectionLost);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (killed.get() && !hub.isAlive()) {
				return;
			}
		}
	}

	private Trial check(int trial, long acked) throws Exception {
		long missing = 0;
		long older = 0;
		for (Map.Entry<String, String> record : acknowledged.entrySet()) {
			HttpResponse<String> read = send("GET", "/api/v1/me/records/" + record.getKey(), null);
			Matcher number = NUMBER.matcher(read.body());
			if (read.statusCode() == 404 || !number.find()) {
				missing++;
				log.println("  missing after restart: " + record.getKey() + " (" + read.statusCode() + ")");
				// Counted once: later trials go on without it.
				acknowledged.remove(record.getKey());
				continue;
			}
			String found = number.group(1);
			String pending = inFlight.remove(record.getKey());
			if (found.equals(pending)) {
				record.setValue(found);
			}
			else if (!found.equals(record.getValue())) {
				older++;
				log.println("  older value after restart: " + record.getKey() + " has " + found + ", acknowledged "
						+ record.getValue());
				record.setValue(found);
			}
		}
		inFlight.clear();
		String verification = send("GET", "/api/v1/me/audit/verify", null).body();
		boolean intact = verification.contains("\"intact\":true");
		Matcher entries = Pattern.compile("\"entries\"\\s*:\\s*(\\d+)").matcher(verification);
		return new Trial(trial, acked, acknowledged.size(), missing, older, intact,
				entries.find() ? Long.parseLong(entries.group(1)) : -1);
	}

	private HttpResponse<String> send(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(
				request
					.method(method,
							json == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(json))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void dropSchema() {
		if (!postgres) {
			return;
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				""); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			log.println("could not drop schema " + schema + ": " + ex.getMessage());
		}
	}

	private void deleteHome() throws IOException {
		try (var paths = Files.walk(home)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

}
