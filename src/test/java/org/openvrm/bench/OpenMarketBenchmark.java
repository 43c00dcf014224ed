package org.openvrm.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.intent.Market;
import org.openvrm.intent.Market.Bidder;
import org.openvrm.market.BecknPeer;
import org.openvrm.market.TwoHubs;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 26's benchmark: the open market between two whole hubs in this JVM
 * ({@link TwoHubs}: A and B, each the other's Beckn peer, in-memory H2 or a PostgreSQL
 * schema each with {@code SPRING_PROFILES_ACTIVE=postgres}). Figures in bench/README.md.
 * <ol>
 * <li><em>Publish on A to offers on A.</em> {@code vendors} vendors on B (signed up
 * through the pages, each with an API client token) all subscribe to {@code travel}, so
 * every holiday intent matches each of them. Each has a webhook endpoint for
 * {@code intent.matched} at a receiver in this JVM; its "agent" answers every webhook at
 * once (on a pool of 16 threads, the vendors' integrations) by accepting the intent's
 * terms and offering, through B's API. A person on A publishes the seed's holiday to the
 * open market; the time runs from the publishing request's answer until the first and
 * until the {@code vendors}-th offer is in A's database (polled every 2 ms; the list is
 * then read once through A's API and must hold them all). Side by side, alternating with
 * it, the same intent published by a person on B itself (local vendors, local offers, the
 * same agents), so the federation hop's cost is the difference.</li>
 * <li><em>Inbound {@code search} on B.</em> With the agents off, {@code clients} threads
 * post signed searches of a trusted BAP ({@link BecknPeer}), each a new transaction, for
 * {@code seconds} each: first a category no vendor subscribes to (the door and the intent
 * alone: signature, rate, context, replay record, intent row), then a holiday every
 * vendor matches (the same, plus {@code vendors} feed rows, events and webhook deliveries
 * in the same transaction). Requests per second, ACK latency, and every answer that is
 * not 200 counted. Webhooks are delivered by B's relay meanwhile and after; the bench
 * waits for them and says how long that took.</li>
 * </ol>
 * Both hubs take 10^6 messages a minute from a peer for this run (the default of 120
 * would throttle both parts) and have Hikari's default pool of 10 connections (the
 * fixture's 5 is for tests). The wires between the hubs keep every exchange in memory (a
 * few thousand here). Run with
 * {@code bench/market.sh [vendors] [intents] [seconds] [clients]}.
 */
public final class OpenMarketBenchmark {

	static final BecknPeer BAP = BecknPeer.named("bap.example");

	private static final Pattern INTENT_REF = Pattern.compile("\"intentRef\":\"(int_[A-Za-z0-9]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Map<String, Boolean> FIT = Map.of("transport", true, "border-crossing", true, "accommodation",
			true, "near-sea", true);

	private static final int WARM_UP = 5;

	private static volatile boolean agentsOn = true;

	private static final AtomicLong webhooks = new AtomicLong();

	private static final AtomicLong agentFailures = new AtomicLong();

	private static volatile String firstAgentFailure;

	/** One publication: its request, and from its answer to the first and last offer. */
	record Sample(long publishing, long first, long all) {
	}

	/** One throughput round. */
	record Round(String name, double seconds, List<Long> latencies, Map<Integer, Integer> statuses, long fannedOut) {

		long ok() {
			return statuses.getOrDefault(200, 0);
		}

		long refused() {
			return latencies.size() - ok();
		}

	}

	public static void main(String[] args) throws Exception {
		int vendors = args.length > 0 ? Integer.parseInt(args[0]) : 100;
		int intents = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
		boolean postgres = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");
		// the JDK's HttpServer (the wires between the hubs, the webhook receiver) writes
		// an
		// answer's head and body apart; without TCP_NODELAY each answer waits for the
		// other side's delayed ACK (40 ms on Linux), which Tomcat, a real peer, does not
		System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
		List<Bidder> bidders = new ArrayList<>();
		ExecutorService agents = Executors.newFixedThreadPool(16);
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		receiver.setExecutor(Executors.newFixedThreadPool(8));
		receiver.createContext("/hook/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			Matcher ref = INTENT_REF.matcher(body);
			if (body.contains("\"intent.matched\"") && ref.find()) {
				webhooks.incrementAndGet();
				if (agentsOn) {
					String path = exchange.getRequestURI().getPath();
					int vendor = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
					agents.execute(() -> answer(bidders.get(vendor), ref.group(1), 2000 + vendor));
				}
			}
		});
		receiver.start();
		TwoHubs hubs = TwoHubs.start(List.of(BAP), "bench_market",
				Map.of("openvrm.market.messages-per-minute", "1000000", "openvrm.webhooks.allow-private-addresses",
						"true", "spring.datasource.hikari.maximum-pool-size", "10", "logging.level.root", "WARN",
						"logging.level.org.openvrm", "WARN", "spring.main.banner-mode", "off"));
		try {
			int portA = hubs.portA();
			int portB = hubs.portB();
			long started = System.nanoTime();
			for (int v = 0; v < vendors; v++) {
				Bidder bidder = Market.bidder(portB, "Vendor " + v);
				bidder.subscribe(Market.subscription("All travel", List.of("travel"), List.of(), List.of()));
				HttpResponse<String> endpoint = call(bidder, "POST", "/api/v1/vendor/webhooks",
						Market.JSON.writeValueAsString(
								Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + v,
										"events", List.of("intent.matched"))));
				check(endpoint, 201);
				bidders.add(bidder);
			}
			System.out.printf("%s, %d vendors on B subscribed to travel with webhooks in %.1f s%n",
					postgres ? "PostgreSQL" : "in-memory H2", vendors, (System.nanoTime() - started) / 1e9);

			// 1. publish → offers visible, federated (A) and local (B), alternating
			System.out.println(Instant.now() + " publishing");
			HubClient personA = Hub.person(portA);
			HubClient personB = Hub.person(portB);
			JdbcClient jdbcA = hubs.hubA().getBean(JdbcClient.class);
			JdbcClient jdbcB = hubs.hubB().getBean(JdbcClient.class);
			List<Sample> federated = new ArrayList<>();
			List<Sample> local = new ArrayList<>();
			for (int i = 0; i < WARM_UP + intents; i++) {
				Sample a = publish(personA, jdbcA, true, vendors);
				Sample b = publish(personB, jdbcB, false, vendors);
				if (i >= WARM_UP) {
					federated.add(a);
					local.add(b);
				}
			}
			System.out.println();
			System.out.printf("%d intents each way (after %d for warm-up), %d offers each; agent failures: %d%s%n",
					intents, WARM_UP, vendors, agentFailures.get(),
					firstAgentFailure == null ? "" : " (first: " + firstAgentFailure + ")");
			System.out.println("| from the publishing request's answer | p50 ms | p99 ms | max ms |");
			System.out.println("|---|---|---|---|");
			row("published on A, open market: first offer from B visible on A", federated, Sample::first);
			row("published on A, open market: all " + vendors + " offers from B visible on A", federated, Sample::all);
			row("published on B, local: first offer visible on B", local, Sample::first);
			row("published on B, local: all " + vendors + " offers visible on B", local, Sample::all);
			row("(the publishing request on A, open market)", federated, Sample::publishing);
			row("(the publishing request on B, local)", local, Sample::publishing);

			// 2. inbound search throughput on B
			agentsOn = false;
			waitForWebhooks(webhooks.get(), Duration.ofSeconds(5));
			run(portB, jdbcB, "warm-up", "telecom.mobile.prepaid", 5, clients);
			Round none = run(portB, jdbcB, "no vendor matches", "telecom.mobile.prepaid", seconds, clients);
			long before = webhooks.get();
			Round all = run(portB, jdbcB, "all " + vendors + " vendors match", "travel.package-holidays.beach", seconds,
					clients);
			System.out.println(Instant.now() + " waiting for the webhooks");
			long drainStart = System.nanoTime();
			long expected = before + all.fannedOut();
			long duringWindow = webhooks.get() - before;
			boolean drained = waitForWebhooks(expected, Duration.ofMinutes(5));
			double drain = (System.nanoTime() - drainStart) / 1e9;
			System.out.println();
			System.out.printf("inbound search on B, %d clients, %d s a round%n", clients, seconds);
			System.out.println(
					"| searches that match | ACKed/s | p50 ms | p99 ms | max ms | not 200 | feed entries made per search |");
			System.out.println("|---|---|---|---|---|---|---|");
			for (Round round : List.of(none, all)) {
				List<Long> sorted = new ArrayList<>(round.latencies());
				Collections.sort(sorted);
				System.out.printf("| %s | %.0f | %.1f | %.1f | %.1f | %d %s | %.1f |%n", round.name(),
						round.ok() / round.seconds(), ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0),
						round.refused(), round.refused() == 0 ? "" : round.statuses().toString(),
						round.ok() == 0 ? 0.0 : (double) round.fannedOut() / round.ok());
			}
			System.out.printf(
					"webhooks of the matching round: %d of %d delivered during it, %s %.1f s after it (%d in all)%n",
					duringWindow, all.fannedOut(), drained ? "all" : "NOT all", drain, webhooks.get() - before);
		}
		catch (Exception | AssertionError failed) {
			failed.printStackTrace();
			System.exit(1);
		}
		finally {
			hubs.close();
			receiver.stop(0);
		}
		System.exit(0);
	}

	/**
	 * Publishes the seed's holiday and waits until every vendor's offer is in the
	 * publishing hub's database; then reads the list through the API once.
	 */
	private static Sample publish(HubClient person, JdbcClient jdbc, boolean openMarket, int vendors)
			throws InterruptedException {
		Map<String, Object> holiday = Market.holiday();
		holiday.put("openMarket", openMarket);
		long sent = System.nanoTime();
		HubClient.Response published = person.sendJson("POST", "/api/v1/me/intents?publish=true",
				Market.JSON.writeValueAsString(holiday));
		long answered = System.nanoTime();
		if (published.status() != 201) {
			throw new IllegalStateException("publishing failed: " + published.status() + " " + published.body());
		}
		String id = Market.JSON.readTree(published.body()).get("id").asString();
		UUID intentId = UUID.fromString(id);
		long first = -1;
		long deadline = answered + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			int offers = jdbc.sql("SELECT COUNT(*) FROM offer WHERE intent_id = ?")
				.param(intentId)
				.query(Integer.class)
				.single();
			long now = System.nanoTime();
			if (offers > 0 && first < 0) {
				first = now;
			}
			if (offers >= vendors) {
				int listed = Market.JSON.readTree(person.get("/api/v1/me/intents/" + id + "/offers").body()).size();
				if (listed != vendors) {
					throw new IllegalStateException(listed + " offers listed, " + vendors + " expected");
				}
				return new Sample(answered - sent, first - answered, now - answered);
			}
			if (now > deadline) {
				throw new IllegalStateException(
						"only " + offers + " offers after 60 s on " + id + (openMarket ? " (open market)" : "")
								+ "; agent failures " + agentFailures.get() + ": " + firstAgentFailure);
			}
			Thread.sleep(2);
		}
	}

	/** A vendor's integration answering an intent: accept its terms, offer. */
	private static void answer(Bidder bidder, String ref, int price) {
		try {
			check(call(bidder, "POST", "/api/v1/vendor/intents/" + ref + "/agreement", null), 200);
			check(call(bidder, "POST", "/api/v1/vendor/intents/" + ref + "/offers",
					Market.JSON.writeValueAsString(Market.offer(price, "EUR", FIT))), 201);
		}
		catch (RuntimeException ex) {
			if (agentFailures.incrementAndGet() <= 10) {
				System.out
					.println(Instant.now() + " agent of " + bidder.name() + " on " + ref + ": " + ex.getMessage());
			}
			if (firstAgentFailure == null) {
				firstAgentFailure = ex.getMessage();
			}
		}
	}

	/** Signed searches from {@code clients} threads for {@code seconds}. */
	private static Round run(int port, JdbcClient jdbc, String name, String category, int seconds, int clients)
			throws Exception {
		System.out.println(Instant.now() + " searches: " + name);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		long matchesBefore = jdbc.sql("SELECT COUNT(*) FROM intent_match").query(Long.class).single();
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		List<Future<List<Long>>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					String body = search(category);
					HttpRequest request = HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + port + "/beckn/search"))
						.header("Content-Type", "application/json")
						.header("Authorization", BAP.sign(body))
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build();
					long sent = System.nanoTime();
					HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
					latencies.add(System.nanoTime() - sent);
					statuses.merge(answer.statusCode(), 1, Integer::sum);
				}
				return latencies;
			}));
		}
		List<Long> latencies = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			latencies.addAll(result.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long matches = jdbc.sql("SELECT COUNT(*) FROM intent_match").query(Long.class).single() - matchesBefore;
		return new Round(name, elapsed, latencies, new TreeMap<>(statuses), matches);
	}

	/**
	 * A search as a BAP sends it for a holiday (the shape {@code BecknSearches} writes,
	 * without terms), with a new transaction and message id.
	 */
	static String search(String category) {
		LocalDate today = LocalDate.now();
		int year = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
		String until = today.plusDays(21).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
		return """
				{"context":{"domain":"openvrm:intents","action":"search","version":"1.1.0","bap_id":"%s","bap_uri":"%s",\
				"transaction_id":"%s","message_id":"%s","timestamp":"%s","ttl":"PT30S"},\
				"message":{"intent":{"descriptor":{"name":"Train holiday by the sea, south of France",\
				"long_desc":"Two adults and two children, rail passes held."},\
				"category":{"id":"%s","descriptor":{"code":"%s"}},\
				"fulfillment":{"stops":[{"type":"start","location":{"country":{"code":"FR"}},\
				"time":{"range":{"start":"%d-08-01T00:00:00Z","end":"%d-08-16T00:00:00Z"}}}]},\
				"item":{"quantity":{"selected":{"count":4}},"price":{"currency":"EUR","maximum_value":"3500"}},\
				"tags":[{"descriptor":{"code":"regions"},"list":[{"descriptor":{"code":"region"},"value":"FR","display":true}]},\
				{"descriptor":{"code":"attributes"},"list":[{"descriptor":{"code":"transport"},"value":"train","display":true},\
				{"descriptor":{"code":"near-sea"},"value":"yes","display":true}]},\
				{"descriptor":{"code":"offers"},"list":[{"descriptor":{"code":"until"},"value":"%s","display":true}]}]}}}"""
			.formatted(BAP.subscriberId(), BAP.uri(), UUID.randomUUID(), UUID.randomUUID(), Instant.now(), category,
					category, year, year, until);
	}

	private static boolean waitForWebhooks(long expected, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (webhooks.get() < expected) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}

	private static HttpResponse<String> call(Bidder bidder, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bidder.port() + path))
			.header("Authorization", "Bearer " + bidder.token())
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return HTTP
				.send(request
					.method(method,
							json == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(path + ": " + ex, ex);
		}
	}

	private static void check(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					response.request().uri().getPath() + ": " + response.statusCode() + " " + response.body());
		}
	}

	private static void row(String what, List<Sample> samples, ToLongFunction<Sample> field) {
		List<Long> sorted = new ArrayList<>(samples.stream().map(field::applyAsLong).toList());
		Collections.sort(sorted);
		System.out.printf("| %s | %.1f | %.1f | %.1f |%n", what, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0));
	}

	private static double ms(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private OpenMarketBenchmark() {
	}

}
