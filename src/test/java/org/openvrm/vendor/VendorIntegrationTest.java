package org.openvrm.vendor;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class VendorIntegrationTest {

	private static final Pattern LINK = Pattern.compile("id=\"invitation-link\">[^<]*/invitation#([A-Za-z0-9_-]+)<");

	private static final Pattern CANCEL = Pattern.compile("/console/invitations/([0-9a-f-]{36})/cancel");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVendorSignsUpAndLandsInItsConsoleAsAdmin() {
		HubClient admin = Hub.vendorAdmin(port, "Sunny Rails", Hub.uniqueEmail("rails"));

		String console = admin.get("/console").body();

		assertThat(console).contains("Sunny Rails: vendor console")
			.contains("administrator")
			.contains("Invite a colleague");
	}

	@Test
	void aFailedVendorSignUpLeavesNoOrganisationBehind() {
		String taken = Hub.uniqueEmail("taken");
		Hub.person(port, taken);
		long vendorsBefore = vendors();

		HubClient.Response weak = new HubClient(port).submit("/vendor/signup", "/vendor/signup",
				Map.of("organisationName", "Half Made Ltd", "email", Hub.uniqueEmail("half"), "displayName", "H",
						"password", "password1234"));
		HubClient.Response duplicate = new HubClient(port).submit("/vendor/signup", "/vendor/signup", Map
			.of("organisationName", "Half Made Ltd", "email", taken, "displayName", "H", "password", Hub.PASSWORD));
		HubClient.Response missing = new HubClient(port).submit("/vendor/signup", "/vendor/signup", Map
			.of("organisationName", "", "email", Hub.uniqueEmail("x"), "displayName", "H", "password", Hub.PASSWORD));

		assertThat(weak.body()).contains("too easy to guess");
		assertThat(duplicate.body()).contains("already exists");
		assertThat(missing.body()).contains("Enter your organisation");
		assertThat(vendors()).isEqualTo(vendorsBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM vendor WHERE name = 'Half Made Ltd'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anAdminInvitesAnAgentWhoJoinsOnceWithTheLink() {
		HubClient admin = Hub.vendorAdmin(port, "Coast Apartments", Hub.uniqueEmail("coast"));
		String agentEmail = Hub.uniqueEmail("agent");

		HubClient.Response invited = admin.submit("/console", "/console/invitations",
				Map.of("email", agentEmail, "role", "AGENT"));
		String code = group(LINK, invited.body());
		assertThat(admin.get("/console").body()).contains(agentEmail).doesNotContain(code);

		HubClient agent = new HubClient(port);
		HubClient.Response joined = agent.submit("/invitation", "/invitation",
				Map.of("code", code, "displayName", "Agent Smith", "password", Hub.PASSWORD));
		assertThat(joined.location()).isEqualTo("/console");
		String console = agent.get("/console").body();
		assertThat(console).contains("Coast Apartments")
			.contains("Agent Smith")
			.contains("agent")
			.doesNotContain("Invite a colleague");

		HubClient.Response again = new HubClient(port).submit("/invitation", "/invitation",
				Map.of("code", code, "displayName", "Agent Twice", "password", Hub.PASSWORD));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("wrong, expired or already used");

		HubClient.Response agentInvites = agent.submit("/console", "/console/invitations",
				Map.of("email", Hub.uniqueEmail("friend"), "role", "ADMIN"));
		assertThat(agentInvites.status()).isEqualTo(403);
	}

	@Test
	void vendorXCannotCancelVendorYsInvitation() {
		HubClient x = Hub.vendorAdmin(port);
		HubClient y = Hub.vendorAdmin(port);
		y.submit("/console", "/console/invitations", Map.of("email", Hub.uniqueEmail("guest"), "role", "AGENT"));
		String ysInvitation = group(CANCEL, y.get("/console").body());

		HubClient.Response attempt = x.submit("/console", "/console/invitations/" + ysInvitation + "/cancel", Map.of());

		assertThat(attempt.status()).isEqualTo(404);
		assertThat(y.get("/console").body()).contains(ysInvitation);
		assertThat(x.get("/console").body()).doesNotContain(ysInvitation);
	}

	@Test
	void aBadInvitationFormNamesTheField() {
		HubClient admin = Hub.vendorAdmin(port);
		HubClient.Response response = admin.submit("/console", "/console/invitations",
				Map.of("email", "nope", "role", "AGENT"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Enter a valid e-mail address");
	}

	private long vendors() {
		return jdbc.sql("SELECT count(*) FROM vendor").query(Long.class).single();
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s", pattern).isTrue();
		return matcher.group(1);
	}

}
