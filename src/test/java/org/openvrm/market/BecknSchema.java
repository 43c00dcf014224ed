package org.openvrm.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;

/**
 * The official Beckn core 1.1.0 transaction API (test data, see
 * src/test/resources/beckn/README.md), read by networknt's JSON Schema validator with its
 * OpenAPI 3.0 dialect and formats asserted: what a message must be, by someone else's
 * reading of the specification.
 */
public final class BecknSchema {

	private static final String DOCUMENT = "https://beckn.example/core-1.1.0/transaction.yaml";

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
			builder -> builder.schemas(Map.of(DOCUMENT, specification()))
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private BecknSchema() {
	}

	/** What is wrong with a request body of this action (empty when it is valid). */
	public static List<String> requestErrors(String action, JsonNode body) {
		return errors("#/paths/~1" + action + "/post/requestBody/content/application~1json/schema", body);
	}

	/** What is wrong with a synchronous answer (ACK or NACK). */
	public static List<String> answerErrors(JsonNode answer) {
		return errors("#/paths/~1init/post/responses/default/content/application~1json/schema", answer);
	}

	private static List<String> errors(String pointer, JsonNode node) {
		return REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + pointer))
			.validate(node)
			.stream()
			.map(Error::toString)
			.toList();
	}

	private static String specification() {
		try (InputStream in = BecknSchema.class.getResourceAsStream("/beckn/core-1.1.0-transaction.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
