package org.openvrm.delivery.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.openvrm.delivery.VendorEventData;
import org.openvrm.delivery.WebhookEndpoints;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The vendor events in the OpenAPI document's {@code webhooks} section: one entry per
 * event, its body typed by the record that {@link org.openvrm.delivery.VendorFeed#post}
 * sends (found by its {@link VendorEventData}); the feed's {@code data} names the record
 * of each type.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDocumentation {

	private static final String SCHEMAS = "#/components/schemas/";

	/** What is known of one event: its name, when it is sent, and its data's record. */
	record EventType(String name, String description, Class<?> data) {
	}

	@Bean
	@Order(30)
	OpenApiCustomizer webhooksDocumentation() {
		return WebhookDocumentation::document;
	}

	/** Every vendor event the code declares, by name; each name once. */
	static Map<String, EventType> declared() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(VendorEventData.class));
		Map<String, EventType> events = new TreeMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.openvrm")) {
			Class<?> data = ClassUtils.resolveClassName(candidate.getBeanClassName(),
					WebhookDocumentation.class.getClassLoader());
			for (VendorEventData.Event event : data.getAnnotation(VendorEventData.class).value()) {
				if (events.put(event.name(), new EventType(event.name(), event.description(), data)) != null) {
					throw new IllegalStateException("two records declare the vendor event " + event.name());
				}
			}
		}
		return events;
	}

	static void document(OpenAPI api) {
		Map<String, EventType> events = declared();
		for (EventType event : events.values()) {
			ModelConverters.getInstance(true)
				.readAll(new AnnotatedType(event.data()))
				.forEach((name, schema) -> api.getComponents().getSchemas().putIfAbsent(name, schema));
			api.addWebhooks(event.name(), new PathItem().post(delivery(event)));
		}
		Schema<?> feedEvent = api.getComponents().getSchemas().get("VendorEvent");
		if (feedEvent != null) {
			// Not anyOf: the data records overlap (most carry a customerRef), so only
			// `type` tells them apart.
			feedEvent.getProperties()
				.put("data", new ObjectSchema()
					.description("The event's data, as the record its `type` names under `webhooks`: " + String.join(
							", ",
							events.values().stream().map(e -> e.name() + " → " + e.data().getSimpleName()).toList())));
			feedEvent.getProperties()
				.put("type", new StringSchema()._enum(WebhookEndpoints.EVENTS).description("The event's name"));
		}
		Schema<?> newEndpoint = api.getComponents().getSchemas().get("NewEndpoint");
		if (newEndpoint != null) {
			newEndpoint.getProperties()
				.put("events", new ArraySchema().items(new StringSchema()._enum(WebhookEndpoints.EVENTS))
					.description("The events to send here; each described under `webhooks`"));
		}
	}

	private static Operation delivery(EventType event) {
		Schema<?> body = new ObjectSchema()
			.addProperty("id",
					new StringSchema().format("uuid")
						.description("The event's id: the webhook-id header and its id in the feed"))
			.addProperty("type", new StringSchema()._const(event.name()))
			.addProperty("timestamp", new StringSchema().format("date-time").description("When the event happened"))
			.addProperty("data", new Schema<>().$ref(SCHEMAS + event.data().getSimpleName()))
			.required(List.of("id", "type", "timestamp", "data"));
		return new Operation().operationId("webhook-" + event.name().replace('.', '-'))
			.summary(event.name())
			.description(event.description() + "\n\nSent to every endpoint of the vendor that asked for `"
					+ event.name() + "`, signed per Standard Webhooks; the same event is in GET /api/v1/vendor/events.")
			.tags(List.of("Vendor: webhooks"))
			// The receiver checks the signature headers; no HTTP authentication is asked
			// of it.
			.security(List.of())
			.parameters(List.of(header("webhook-id", "The event's id; the same delivery retried keeps it"),
					header("webhook-timestamp", "Unix seconds when this attempt was signed"),
					header("webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body with the whsec_ secret>")))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json", new MediaType().schema(body))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("Any 2xx status acknowledges the delivery"))
				.addApiResponse("410",
						new ApiResponse().description("Gone: the endpoint is disabled and nothing more is sent to it"))
				.addApiResponse("4XX", new ApiResponse().description("Not acknowledged: retried with back-off "
						+ "(30 s, doubling, at most 6 h apart) for 72 hours, as for any other status outside 2xx and for no "
						+ "answer within 10 s")));
	}

	private static Parameter header(String name, String description) {
		return new HeaderParameter().name(name).required(true).description(description).schema(new StringSchema());
	}

}
