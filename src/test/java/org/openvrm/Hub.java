package org.openvrm;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Ready-made accounts for tests, each created through the real sign-up pages. */
public final class Hub {

	public static final String PASSWORD = "violet tractor seaside 42";

	private Hub() {
	}

	public static String uniqueEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	public static HubClient person(int port, String email) {
		HubClient client = new HubClient(port);
		HubClient.Response response = client.submit("/signup", "/signup",
				Map.of("email", email, "displayName", "Person " + email.substring(0, 4), "password", PASSWORD));
		assertThat(response.location()).isEqualTo("/me/recovery-code");
		assertThat(client.submit("/me/recovery-code", "/me/recovery-code", Map.of("kept", "yes")).location())
			.isEqualTo("/me");
		return client;
	}

	public static HubClient person(int port) {
		return person(port, uniqueEmail("person"));
	}

	public static HubClient vendorAdmin(int port, String organisation, String email) {
		HubClient client = new HubClient(port);
		HubClient.Response response = client.submit("/vendor/signup", "/vendor/signup", Map.of("organisationName",
				organisation, "email", email, "displayName", "Admin of " + organisation, "password", PASSWORD));
		assertThat(response.location()).isEqualTo("/console");
		return client;
	}

	public static HubClient vendorAdmin(int port) {
		return vendorAdmin(port, "Vendor " + UUID.randomUUID().toString().substring(0, 6), uniqueEmail("vendor"));
	}

	public static HubClient signIn(int port, String email, String password) {
		HubClient client = new HubClient(port);
		client.submit("/login", "/login", Map.of("username", email, "password", password));
		return client;
	}
}
