package org.openvrm.consent;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.Hub;
import org.openvrm.HubClient;
import org.openvrm.HubTest;
import org.openvrm.vault.EInvoiceSamples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrm.consent.SharingFixture.json;

@HubTest
class PushIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long sealedItems(SharingFixture fixture) {
		UUID personId = UUID.fromString(JSON_ID(fixture.person.get("/api/v1/me").body()));
		return jdbc.sql("SELECT count(*) FROM vault_sealed_item WHERE account_id = ?")
			.param(personId)
			.query(Long.class)
			.single();
	}

	private static String JSON_ID(String body) {
		return SharingFixture.JSON.readTree(body).get("id").asString();
	}

	@Test
	void eachEInvoiceSyntaxArrivesSealedIsFiledAtSignInAndFeedsTheSpendingChart() {
		SharingFixture ann = new SharingFixture(port);
		String token = ann.token("documents:write");
		json(ann.push(token, ann.ref, "invoice", "ubl.xml", "application/xml", EInvoiceSamples.ubl(ann.vendorName)),
				202);
		json(ann.push(token, ann.ref, "invoice", "cii.xml", "application/xml", EInvoiceSamples.cii(ann.vendorName)),
				202);
		JsonNode pushed = json(ann.push(token, ann.ref, "invoice", "factur-x.pdf", "application/pdf",
				EInvoiceSamples.facturX(ann.vendorName)), 202);
		assertThat(pushed.get("state").asString()).isEqualTo("sealed");
		json(ann.push(token, ann.ref, "contract", "contract.pdf", "application/pdf", "%PDF-1.4 contract".getBytes()),
				202);
		json(ann.withToken(token, "POST", "/api/v1/vendor/relationships/" + ann.ref + "/transactions",
				"application/json",
				"{\"transactions\":[{\"date\":\"2026-09-01\",\"amount\":\"-42.50\",\"currency\":\"EUR\",\"description\":\"Plan September\"}]}"
					.getBytes(StandardCharsets.UTF_8)),
				202);
		json(ann.withToken(token, "POST", "/api/v1/vendor/relationships/" + ann.ref + "/transactions", "text/csv",
				"date,amount,currency,description\n2026-10-01,-42.50,EUR,Plan October\n"
					.getBytes(StandardCharsets.UTF_8)),
				202);

		// Sealed: the hub holds six items it cannot read, and the person's lists are
		// still empty.
		assertThat(sealedItems(ann)).isEqualTo(6);
		assertThat(jdbc.sql("SELECT sealed FROM vault_sealed_item")
			.query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.ISO_8859_1))
			.list()).noneMatch(s -> s.contains("INV-2026-042") || s.contains("Plan October"));

		// The next sign-in opens and files them.
		HubClient again = Hub.signIn(port, ann.personEmail, Hub.PASSWORD);
		assertThat(sealedItems(ann)).isZero();
		JsonNode invoices = json(again.get("/api/v1/me/invoices"), 200);
		assertThat(invoices.findValuesAsString("syntax")).containsExactlyInAnyOrder("UBL", "CII", "FACTUR_X");
		assertThat(invoices.findValuesAsString("vendorId")).containsOnly(ann.vendorId);
		assertThat(json(again.get("/api/v1/me/transactions"), 200).findValuesAsString("description"))
			.contains("Plan September", "Plan October");
		JsonNode documents = json(again.get("/api/v1/me/documents"), 200);
		assertThat(documents.findValuesAsString("category")).contains("CONTRACT", "INVOICE");

		String page = again.get("/me/vendors/" + ann.relationshipId).body();
		assertThat(page).contains("id=\"spending-chart\"").contains("78.70");
		assertThat(json(again.get("/api/v1/me/relationships/" + ann.relationshipId), 200).findValuesAsString("kind"))
			.contains("pushed");
	}

	@Test
	void badPushesAreRefusedWithClearErrorsAndRefusedContactsAreShownToThePerson() {
		SharingFixture ann = new SharingFixture(port);
		String token = ann.token("documents:write");
		assertProblem(
				ann.push(token, ann.ref, "invoice", "broken.xml", "application/xml", "<Invoice><unclosed>".getBytes()),
				422);
		assertProblem(ann.push(token, ann.ref, "invoice", "xxe.xml", "application/xml", EInvoiceSamples.xxe()), 422);
		assertProblem(ann.push(token, ann.ref, "invoice", "note.txt", "text/plain", "just text".getBytes()), 422);
		assertProblem(ann.push(token, ann.ref, "love-letter", "a.pdf", "application/pdf", "%PDF".getBytes()), 422);
		assertProblem(ann.withToken(token, "POST", "/api/v1/vendor/relationships/" + ann.ref + "/transactions",
				"text/csv", "date,amount,currency,description\n2026-13-45,abc,EUR,x\n".getBytes()), 422);
		assertProblem(ann.push(token, ann.ref, "contract", "big.pdf", "application/pdf", new byte[11 * 1024 * 1024]),
				413);
		assertThat(sealedItems(ann)).isZero();

		assertThat(ann.push(ann.token("data:read"), ann.ref, "contract", "a.pdf", "application/pdf", "%PDF".getBytes())
			.statusCode()).as("without documents:write").isEqualTo(403);
		SharingFixture other = new SharingFixture(port);
		assertThat(other
			.push(other.token("documents:write"), ann.ref, "contract", "a.pdf", "application/pdf", "%PDF".getBytes())
			.statusCode()).as("not its customer").isEqualTo(404);

		json(ann.person.sendJson("PATCH", "/api/v1/me/relationships/" + ann.relationshipId, "{\"status\":\"BLOCKED\"}"),
				200);
		assertProblem(ann.push(token, ann.ref, "contract", "a.pdf", "application/pdf", "%PDF".getBytes()), 404);
		assertThat(sealedItems(ann)).isZero();

		JsonNode keptOut = json(ann.person.get("/api/v1/me/kept-out"), 200);
		assertThat(keptOut.findValuesAsString("reason")).containsExactly("blocked", "too-large");
		assertThat(keptOut.findValuesAsString("vendorName")).containsOnly(ann.vendorName);
		assertThat(ann.person.get("/me/kept-out").body()).contains("you blocked this vendor")
			.contains("over the size limit");
		assertThat(json(other.person.get("/api/v1/me/kept-out"), 200)).isEmpty();

		SharingFixture bea = new SharingFixture(port);
		json(bea.person.sendJson("POST", "/api/v1/me/relationships/" + bea.relationshipId + "/end", null), 200);
		assertProblem(bea.push(bea.token("documents:write"), bea.ref, "notice", "n.pdf", "application/pdf",
				"%PDF".getBytes()), 404);
		assertThat(json(bea.person.get("/api/v1/me/kept-out"), 200).findValuesAsString("reason"))
			.containsExactly("ended");
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

}
