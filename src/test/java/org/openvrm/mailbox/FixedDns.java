package org.openvrm.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openvrm.mailbox.internal.Dns;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The DNS of the tests: fixed records the tests publish, answered at once. Every other
 * name does not exist (NXDOMAIN), so mail in the tests never waits for a real DNS (there
 * is none in the sandbox). A name marked failing answers as a dead server does.
 */
public final class FixedDns implements Dns {

	private final Map<String, List<String>> records = new ConcurrentHashMap<>();

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	public FixedDns publish(String name, RecordType type, String... answers) {
		records.put(key(name, type), List.of(answers));
		return this;
	}

	public FixedDns failing(String name) {
		failing.add(name.toLowerCase(Locale.ROOT));
		return this;
	}

	@Override
	public List<String> answers(String name, RecordType type, Duration within) throws Trouble {
		if (failing.contains(name.toLowerCase(Locale.ROOT))) {
			throw new Trouble("SERVFAIL for " + name);
		}
		return records.getOrDefault(key(name, type), List.of());
	}

	private static String key(String name, RecordType type) {
		String n = name.toLowerCase(Locale.ROOT);
		return type + " " + (n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
	}

	/** Puts the fixed DNS in the place of the system's, for every test of the hub. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class InPlace {

		@Bean
		@Primary
		FixedDns fixedDns() {
			return new FixedDns();
		}

	}

}
