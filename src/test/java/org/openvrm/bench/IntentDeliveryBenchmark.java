package org.openvrm.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.OpenVrmApplication;
import org.openvrm.delivery.WebhookEndpoints;
import org.openvrm.intent.AttributeCondition;
import org.openvrm.intent.NewSubscription;
import org.openvrm.intent.Subscriptions;
import org.openvrm.vendor.VendorActor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6's second benchmark: an intent published through the API until every matched
 * vendor's webhook has arrived at a receiver on this machine, with 1,000 vendors
 * subscribed (figures in bench/README.md). The whole hub runs in this JVM on an in-memory
 * H2 database; the receiver is a JDK HttpServer with 16 threads. Vendors are made
 * directly in the database (an organisation row, then an endpoint and a subscription
 * through the services, as the API would), because signing up 1,000 admins through the
 * pages would only measure password hashing. Each vendor subscribes to one of 20 travel
 * categories at random (fixed seed), half of them in a region, a quarter with a
 * condition; intents are the seed's holiday with its category drawn from the same 20, so
 * each intent matches a few dozen vendors. Latency runs from just before the publishing
 * POST to the arrival of each matched vendor's webhook; "all matched" is the arrival of
 * an intent's last one. Intents are published one after the other, each once the previous
 * one's webhooks have all arrived. Run with {@code bench/intents.sh [vendors] [intents]}.
 */
public final class IntentDeliveryBenchmark {

	static final List<String> CATEGORIES = List.of("travel.package-holidays.beach",
			"travel.package-holidays.city-break", "travel.package-holidays.ski", "travel.package-holidays.tour",
			"travel.accommodation.hotel", "travel.accommodation.holiday-rental", "travel.accommodation.campsite",
			"travel.accommodation.bed-and-breakfast", "travel.accommodation.hostel", "travel.rail.domestic",
			"travel.rail.international", "travel.rail.rail-pass", "travel.air.european-flight",
			"travel.air.long-haul-flight", "travel.coach.long-distance", "travel.car-rental.car",
			"travel.car-rental.campervan", "travel.ferries.ferry", "travel.insurance.cancellation",
			"travel.insurance.assistance");

	static final List<String> REGIONS = List.of("FR", "BE", "NL", "ES", "IT", "DE");

	private static final Pattern REF = Pattern.compile("\"ref\":\"(int_[a-z0-9]+)\"");

	private static final Pattern INTENT_REF = Pattern.compile("\"intentRef\":\"(int_[a-z0-9]+)\"");

	public static void main(String[] args) throws Exception {
		int vendors = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int intents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		receiver.setExecutor(Executors.newFixedThreadPool(16));
		receiver.createContext("/hook", exchange -> {
			long at = System.nanoTime();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			Matcher ref = INTENT_REF.matcher(body);
			if (body.contains("\"intent.matched\"") && ref.find()) {
				arrivals.computeIfAbsent(ref.group(1), k -> Collections.synchronizedList(new ArrayList<>())).add(at);
			}
		});
		receiver.start();
		SpringApplicationBuilder app = new SpringApplicationBuilder(OpenVrmApplication.class);
		app.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"openvrm.operator.setup-code=benchmark-setup-code-0123456789", "openvrm.vault.argon2.memory-kib=8192",
				"openvrm.vault.argon2.iterations=1", "openvrm.webhooks.allow-private-addresses=true");
		try (ConfigurableApplicationContext context = app.run()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			long started = System.nanoTime();
			subscribe(context, vendors, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			System.out.printf("%d vendors subscribed with webhooks in %.1f s%n", vendors,
					(System.nanoTime() - started) / 1e9);
			HubClient person = Hub.person(port);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Random random = new Random(7);
			List<Long> each = new ArrayList<>();
			List<Long> all = new ArrayList<>();
			List<Integer> matched = new ArrayList<>();
			List<Long> publishing = new ArrayList<>();
			for (int i = 0; i < intents + 20; i++) {
				String body = holiday(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
				long sent = System.nanoTime();
				HubClient.Response published = person.sendJson("POST", "/api/v1/me/intents?publish=true", body);
				long answered = System.nanoTime();
				Matcher ref = REF.matcher(published.body());
				if (published.status() != 201 || !ref.find()) {
					throw new IllegalStateException(
							"publishing failed: " + published.status() + " " + published.body());
				}
				int expected = jdbc
					.sql("SELECT COUNT(*) FROM intent_match m JOIN intent i ON i.id = m.intent_id WHERE i.ref = ?")
					.param(ref.group(1))
					.query(Integer.class)
					.single();
				long deadline = System.nanoTime() + 30_000_000_000L;
				List<Long> got;
				while ((got = arrivals.getOrDefault(ref.group(1), List.of())).size() < expected) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("webhooks missing for " + ref.group(1));
					}
					Thread.sleep(1);
				}
				if (i >= 20) { // the first 20 warm the JVM up
					matched.add(expected);
					publishing.add(answered - sent);
					synchronized (got) {
						got.forEach(at -> each.add(at - sent));
						all.add(Collections.max(got) - sent);
					}
				}
			}
			Collections.sort(each);
			Collections.sort(all);
			Collections.sort(publishing);
			System.out.println();
			System.out.printf("%d intents, matched vendors per intent: min %d, mean %.1f, max %d (%d webhooks)%n",
					intents, Collections.min(matched), matched.stream().mapToInt(Integer::intValue).average().orElse(0),
					Collections.max(matched), each.size());
			System.out.println("| publish → webhook received | p50 ms | p99 ms | max ms |");
			System.out.println("|---|---|---|---|");
			System.out.printf("| each matched vendor | %.1f | %.1f | %.1f |%n", ms(each, 0.50), ms(each, 0.99),
					ms(each, 1.0));
			System.out.printf("| all matched vendors of an intent | %.1f | %.1f | %.1f |%n", ms(all, 0.50),
					ms(all, 0.99), ms(all, 1.0));
			System.out.printf("| (the publishing request alone) | %.1f | %.1f | %.1f |%n", ms(publishing, 0.50),
					ms(publishing, 0.99), ms(publishing, 1.0));
		}
		finally {
			receiver.stop(0);
			System.exit(0);
		}
	}

	/**
	 * Vendor rows straight into the table; endpoints and subscriptions through the
	 * services.
	 */
	private static void subscribe(ConfigurableApplicationContext context, int vendors, String url) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		WebhookEndpoints endpoints = context.getBean(WebhookEndpoints.class);
		Subscriptions subscriptions = context.getBean(Subscriptions.class);
		Random random = new Random(42);
		AtomicInteger made = new AtomicInteger();
		for (int v = 0; v < vendors; v++) {
			UUID id = UUID.randomUUID();
			jdbc.sql("INSERT INTO vendor (id, name, name_key, created_at, accepted_terms) VALUES (?, ?, ?, ?, ?)")
				.params(id, "Bench vendor " + v, "bench vendor " + v, Instant.now().atOffset(ZoneOffset.UTC),
						"SD-BASE,PDC-AI,NO-STALKING")
				.update();
			VendorActor actor = new VendorActor(id, "member", "bench", true, Set.of());
			endpoints.create(actor, url, List.of("intent.matched"));
			List<String> regions = random.nextBoolean() ? List.of(REGIONS.get(random.nextInt(REGIONS.size())))
					: List.of();
			List<AttributeCondition> conditions = random.nextInt(4) == 0
					? List.of(new AttributeCondition("transport", "in", List.of("train", "coach"))) : List.of();
			subscriptions.create(actor,
					new NewSubscription("bench", List.of(CATEGORIES.get(random.nextInt(CATEGORIES.size()))), regions,
							null, null, null, null, conditions, null));
			made.incrementAndGet();
		}
	}

	private static String holiday(String category) {
		LocalDate today = LocalDate.now();
		int year = today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear();
		return "{\"title\":\"Holiday\",\"category\":\"" + category + "\",\"region\":\"FR\",\"from\":\"" + year
				+ "-08-01\",\"to\":\"" + year + "-08-15\",\"quantity\":4,\"budget\":3500,\"currency\":\"EUR\","
				+ "\"attributes\":[{\"key\":\"transport\",\"value\":\"train\",\"required\":true}],\"disclosure\":[]}";
	}

	private static double ms(List<Long> sorted, double quantile) {
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
