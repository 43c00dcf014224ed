package org.openvrm.platform;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@HubTest
class WebBasicsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void pagesCarryTheSecurityHeaders() {
		HubClient.Response home = new HubClient(port).get("/");
		String csp = home.header("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(home.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(home.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();

		HubClient.Response dashboard = Hub.person(port).get("/me");
		assertThat(dashboard.header("Cache-Control")).contains("no-store");
	}

	@Test
	void theLanguageFollowsAcceptLanguageUntilThePersonChooses() {
		HubClient french = new HubClient(port).language("fr-BE,fr;q=0.9,en;q=0.5");
		assertThat(french.get("/").body()).contains("lang=\"fr\"").contains("Vos données. Vos conditions.");

		HubClient dutch = new HubClient(port).language("nl-NL");
		assertThat(dutch.get("/signup").body()).contains("Maak je account");

		HubClient unknown = new HubClient(port).language("de-DE");
		assertThat(unknown.get("/").body()).contains("lang=\"en\"");

		HubClient chooser = new HubClient(port).language("en");
		assertThat(chooser.get("/?lang=nl").body()).contains("Jouw gegevens.");
		assertThat(chooser.get("/login").body()).as("the choice is remembered").contains("Aanmelden");
	}

	@Test
	void apiErrorsAreProblemDetailsWithoutInternals() {
		HubClient ann = Hub.person(port);
		HubClient.Response missing = ann.get("/api/v1/me/nothing-here", "Accept", "application/json");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).contains("application/problem+json");
		assertThat(missing.body()).contains("\"status\":404").doesNotContain("trace").doesNotContain("exception");

		HubClient.Response unsupported = ann.sendJson("PUT", "/api/v1/me/tokens", "{}");
		assertThat(unsupported.status()).isEqualTo(405);
		assertThat(unsupported.header("Content-Type")).contains("application/problem+json");

		HubClient.Response wrongMediaType = ann.sendForm("/api/v1/me/tokens", "name=x");
		assertThat(wrongMediaType.status()).isEqualTo(415);
		assertThat(wrongMediaType.header("Content-Type")).contains("application/problem+json");

		HubClient.Response page = ann.get("/no-such-page", "Accept", "text/html,application/xhtml+xml");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found");
	}

	@Test
	void theOpenApiDocumentIsPublicAndDescribesTheApi() {
		HubClient.Response docs = new HubClient(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("OpenVRM API").contains("/api/v1/me/tokens").contains("personalAccessToken");
		assertThat(docs.body()).contains("/api/v1/terms/{id}/jsonld", "/api/v1/me/terms", "/api/v1/categories",
				"/api/v1/regions", "/api/v1/vendors", "/api/v1/vendor/profile", "/api/v1/me/relationships/{id}",
				"/api/v1/vendor/relationships/{ref}/agreements/{agreementId}/accept", "/api/v1/agreements/verify",
				"/api/v1/vendor/clients", "/api/v1/vendor/webhooks/{id}/test",
				"/api/v1/operator/vendors/{id}/verification");
		assertThat(docs.body()).contains("/api/v1/me/grants", "/api/v1/me/grants/{id}/revoke", "/api/v1/me/access-log",
				"/api/v1/me/data-requests/{id}/approve", "/api/v1/me/data-requests/{id}/decline",
				"/api/v1/me/receipts/{id}", "/api/v1/me/intents", "/api/v1/me/intents/{id}/offers/{offerId}/accept",
				"/api/v1/vendor/subscriptions", "/api/v1/vendor/intents", "/api/v1/vendor/intents/{ref}/agreement",
				"/api/v1/vendor/intents/{ref}/offers", "/api/v1/receipts/verify",
				"/api/v1/vendor/relationships/{ref}/data", "/api/v1/vendor/data-requests",
				"/api/v1/vendor/relationships/{ref}/documents", "/api/v1/vendor/relationships/{ref}/transactions",
				"/api/v1/vendor/receipts", "/api/v1/vendor/events", "/api/v1/me/kept-out");
		assertThat(docs.body()).contains("/api/v1/me/inbox", "/api/v1/me/channels/{relationshipId}/messages",
				"/api/v1/me/inbox/rules", "/api/v1/me/interests", "/api/v1/me/introductions/{id}/accept",
				"/api/v1/vendor/relationships/{ref}/messages", "/api/v1/vendor/interests",
				"/api/v1/vendor/interests/{ref}/introductions", "/api/v1/vendor/introductions");
		assertThat(docs.body()).contains("/api/v1/me/ratings", "/api/v1/me/relationships/{id}/rating",
				"/api/v1/ratings/{id}/reports", "/api/v1/vendors/{id}/reputation", "/api/v1/vendor/ratings",
				"/api/v1/vendor/ratings/{id}/reply", "/api/v1/operator/rating-reports",
				"/api/v1/operator/rating-reports/{id}/hide", "/api/v1/operator/rating-reports/{id}/keep");
		assertThat(docs.body()).contains("/api/v1/me/policies", "/api/v1/me/policies/{id}",
				"/api/v1/me/policies/actions", "/api/v1/me/policies/actions/{id}/undo", "/api/v1/me/policies/defaults",
				"/api/v1/me/service-share", "/api/v1/me/decisions", "/api/v1/me/decisions/{item}/dismiss");
		assertThat(new HubClient(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void actuatorIsForOperatorsOnly() {
		assertThat(new HubClient(port).get("/actuator/health").status()).isEqualTo(401);
		assertThat(Hub.person(port).get("/actuator/prometheus").status()).isEqualTo(403);

		String email = Hub.uniqueEmail("ops");
		accounts.register(new NewAccount(email, "Ops", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		HubClient operator = Hub.signIn(port, email, Hub.PASSWORD);
		assertThat(operator.get("/actuator/health/liveness").body()).contains("UP");
		assertThat(operator.get("/actuator/health/readiness").body()).contains("UP");
		assertThat(operator.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
	}

}
