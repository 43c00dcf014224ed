package org.openvrm.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.openvrm.market.BecknSchema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The award's messages: the disclosed fields go in the core schema's places and, key for
 * key, in the {@code disclosed} tag group, and read back exactly.
 */
class BecknOrdersUnitTest {

	@Test
	void theCustomerIsExactlyTheDisclosedFieldsAndTheInitIsValid() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("identity.given-name", "Ann");
		fields.put("identity.family-name", "Peeters");
		fields.put("email.address", "ann@example.org");
		fields.put("postal-address.city", "Gent");
		fields.put("preference.diet", "vegetarian");
		BecknContext context = new BecknContext("openvrm:intents", "init", "1.1.0", "hub-a.example",
				"https://hub-a.example/beckn", "hub-b.example", "https://hub-b.example/beckn",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), Instant.now(), null);
		ObjectNode body = BecknBodies.body(context);
		ObjectNode order = BecknOrders.order(body, null, "provider-1", "item-1");

		BecknOrders.customer(order, fields);

		assertThat(BecknSchema.requestErrors("init", body)).isEmpty();
		JsonNode read = BecknBodies.JSON.readTree(BecknBodies.text(body)).at("/message/order");
		assertThat(BecknOrders.disclosed(read)).isEqualTo(fields);
		assertThat(read.at("/billing/name").asString()).isEqualTo("Ann Peeters");
		assertThat(read.at("/billing/email").asString()).isEqualTo("ann@example.org");
		assertThat(read.at("/billing/city/name").asString()).isEqualTo("Gent");
		assertThat(read.at("/billing/phone").isMissingNode()).as("nothing the person did not disclose").isTrue();
		assertThat(read.at("/fulfillments/0/customer/contact/email").asString()).isEqualTo("ann@example.org");
		assertThat(BecknOrders.providerId(read)).isEqualTo("provider-1");
		assertThat(BecknOrders.itemId(read)).isEqualTo("item-1");
	}

	@Test
	void anOrderWithoutCustomerHasNoBillingAtAll() {
		BecknContext context = new BecknContext("openvrm:intents", "select", "1.1.0", "hub-a.example",
				"https://hub-a.example/beckn", "hub-b.example", "https://hub-b.example/beckn",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), Instant.now(), null);
		ObjectNode body = BecknBodies.body(context);
		BecknOrders.order(body, null, "provider-1", "item-1");

		assertThat(BecknSchema.requestErrors("select", body)).isEmpty();
		assertThat(body.at("/message/order/billing").isMissingNode()).isTrue();
		assertThat(BecknOrders.disclosed(body.at("/message/order"))).isEmpty();
	}

}
