package org.openvrm.market;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.crypto.tink.subtle.Hkdf;

import org.openvrm.HubTest;
import org.openvrm.OpenVrmApplication;
import org.openvrm.market.internal.BecknSigning;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two whole hubs on the open market, A ({@code hub-a.test}) and B ({@code hub-b.test}),
 * each on its own port and in its own database (H2) or schema (PostgreSQL), each the
 * other's peer, every Beckn message between them passing a {@link BecknWire} that keeps
 * it. B may trust further peers (test participants that send it messages of their own). A
 * benchmark may name the databases or schemas otherwise and give both hubs further
 * settings (a higher rate limit, say).
 */
public final class TwoHubs implements AutoCloseable {

	static final boolean POSTGRES = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");

	final BecknWire wireA = BecknWire.open();

	final BecknWire wireB = BecknWire.open();

	final ConfigurableApplicationContext hubA;

	final ConfigurableApplicationContext hubB;

	final int portA;

	final int portB;

	private TwoHubs(List<BecknPeer> alsoTrustedByB, List<BecknPeer> alsoTrustedByA, String names,
			Map<String, String> settings) {
		String masterA = master(1);
		String masterB = master(2);
		hubB = hub(names + "_b", masterB, "hub-b.test", wireB,
				peers(peer(0, "hub-a.test", publicKey(masterA), wireA), alsoTrustedByB), settings);
		hubA = hub(names + "_a", masterA, "hub-a.test", wireA,
				peers(peer(0, "hub-b.test", publicKey(masterB), wireB), alsoTrustedByA), settings);
		portA = port(hubA);
		portB = port(hubB);
		wireA.to(portA);
		wireB.to(portB);
	}

	/** Starts B, then A. */
	public static TwoHubs start(List<BecknPeer> alsoTrustedByB) {
		return new TwoHubs(alsoTrustedByB, List.of(), "hub", Map.of());
	}

	/** Starts B, then A, each trusting the other and test participants of its own. */
	public static TwoHubs start(List<BecknPeer> alsoTrustedByB, List<BecknPeer> alsoTrustedByA) {
		return new TwoHubs(alsoTrustedByB, alsoTrustedByA, "hub", Map.of());
	}

	/**
	 * Starts B, then A, in databases or schemas {@code <names>_b} and {@code <names>_a},
	 * each with the given settings too (they outrank the fixture's own).
	 */
	public static TwoHubs start(List<BecknPeer> alsoTrustedByB, String names, Map<String, String> settings) {
		return new TwoHubs(alsoTrustedByB, List.of(), names, settings);
	}

	private static Map<String, String> peers(Map<String, String> hub, List<BecknPeer> participants) {
		Map<String, String> settings = new LinkedHashMap<>(hub);
		for (int i = 0; i < participants.size(); i++) {
			BecknPeer participant = participants.get(i);
			settings.putAll(peer(i + 1, participant.subscriberId(), participant.publicKey(), null));
			settings.put("openvrm.market.peers[" + (i + 1) + "].url", participant.uri());
		}
		return settings;
	}

	public int portA() {
		return portA;
	}

	public int portB() {
		return portB;
	}

	public ConfigurableApplicationContext hubA() {
		return hubA;
	}

	public ConfigurableApplicationContext hubB() {
		return hubB;
	}

	@Override
	public void close() {
		hubA.close();
		hubB.close();
		wireA.close();
		wireB.close();
	}

	private static Map<String, String> peer(int index, String subscriberId, String publicKey, BecknWire wire) {
		String prefix = "openvrm.market.peers[" + index + "].";
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(prefix + "subscriber-id", subscriberId);
		settings.put(prefix + "key-id", "k1");
		settings.put(prefix + "public-key", publicKey);
		if (wire != null) {
			settings.put(prefix + "url", wire.baseUrl() + "/beckn");
		}
		return settings;
	}

	private static ConfigurableApplicationContext hub(String schema, String master, String subscriberId, BecknWire wire,
			Map<String, String> peers, Map<String, String> extra) {
		Map<String, String> settings = new LinkedHashMap<>(peers);
		settings.put("server.port", "0");
		settings.put("openvrm.base-url", wire.baseUrl());
		settings.put("openvrm.keys.master", master);
		settings.put("openvrm.market.enabled", "true");
		settings.put("openvrm.market.subscriber-id", subscriberId);
		settings.put("spring.datasource.hikari.maximum-pool-size", "5");
		if (POSTGRES) {
			settings.put("spring.flyway.default-schema", schema);
			settings.put("spring.flyway.schemas", schema);
			settings.put("spring.datasource.hikari.schema", schema);
		}
		else {
			settings.put("spring.datasource.url", "jdbc:h2:mem:" + schema
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		settings.putAll(extra);
		// as arguments: they outrank the test's configuration files, as an operator's
		// would
		return new SpringApplicationBuilder(OpenVrmApplication.class, HubTest.CleanDatabase.class)
			.run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext hub) {
		return Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
	}

	/** A master key of its own for each hub. */
	private static String master(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return Base64.getEncoder().encodeToString(key);
	}

	/** The hub's Beckn public key, derived from its master key as the hub derives it. */
	private static String publicKey(String master) {
		try {
			byte[] seed = Hkdf.computeHkdf("HMACSHA256", Base64.getDecoder().decode(master), new byte[0],
					"beckn-ed25519:k1".getBytes(StandardCharsets.UTF_8), 32);
			return Base64.getEncoder().encodeToString(BecknSigning.publicKey(seed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
