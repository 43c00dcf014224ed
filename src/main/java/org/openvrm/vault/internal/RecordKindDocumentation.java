package org.openvrm.vault.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.openvrm.vault.RecordKind;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The field names of each kind of record, in the OpenAPI document beside every record's
 * {@code kind}, read from {@link RecordKind} itself: grants and disclosures name fields
 * by these keys ({@code postal-address.city}), so a client must not have to guess them.
 */
@Configuration(proxyBeanMethods = false)
class RecordKindDocumentation {

	@Bean
	OpenApiCustomizer recordFieldNames() {
		return RecordKindDocumentation::document;
	}

	static void document(OpenAPI api) {
		String names = names();
		for (Schema<?> schema : api.getComponents().getSchemas().values()) {
			Map<String, Schema> properties = schema.getProperties();
			if (properties != null && isRecordKind(properties.get("kind")) && properties.get("fields") != null) {
				Schema<?> fields = properties.get("fields");
				fields.setDescription((fields.getDescription() == null ? "Field name → value" : fields.getDescription())
						+ ". The fields of each kind (a field's stable key is kind.field, such as postal-address.city): "
						+ names);
			}
		}
	}

	static String names() {
		return Arrays.stream(RecordKind.values())
			.map(kind -> kind.name() + " (" + kind.key() + "): "
					+ (kind.fields().isEmpty() ? "any names the person chooses" : String.join(", ", kind.fields())))
			.collect(Collectors.joining("; ")) + ".";
	}

	private static boolean isRecordKind(Schema<?> kind) {
		return kind != null && kind.getEnum() != null && kind.getEnum().contains(RecordKind.POSTAL_ADDRESS.name());
	}

}
