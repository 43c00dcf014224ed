package org.openvrm.platform.web;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import io.swagger.v3.oas.models.tags.Tag;
import org.openvrm.platform.PlatformProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document's frame: who serves it, where, and under which licence; its errors
 * are added by {@link ApiProblems}, and each module adds what only it knows (security,
 * webhooks). Keys and tags are sorted so that the document reads the same on every start.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI openVrmApi(PlatformProperties properties) {
		String baseUrl = properties.baseUrl();
		return new OpenAPI()
			.info(new Info().title("OpenVRM API")
				.version("v1")
				.description(
						"""
								Vendor Relationship Management: the person keeps their data and terms; vendors come to them.
								Errors are RFC 9457 problem details (application/problem+json). People's apps authenticate with a
								personal access token (Authorization: Bearer ovrm_pat_…) or, from the browser, with the session
								cookie plus the X-CSRF-TOKEN header on unsafe methods. Vendors' systems use OAuth 2.0 client
								credentials (POST /oauth2/token); their events are described under `webhooks`.""")
				.contact(new Contact().name("The operator of this hub").url(baseUrl))
				.license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
			.servers(List.of(new Server().url("{hub}")
				.description("This hub")
				.variables(new ServerVariables().addServerVariable("hub",
						new ServerVariable()._default(baseUrl).description("The hub's address (openvrm.base-url)")))))
			.components(new Components());
	}

	/**
	 * Operation ids that name the controller and its method ({@code vendorIntentsPost},
	 * {@code intentsPublish}): unique, stable, and the method names of generated clients.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> operation
			.operationId(StringUtils.uncapitalize(handler.getBeanType().getSimpleName().replaceFirst("Api$", ""))
					+ StringUtils.capitalize(handler.getMethod().getName()));
	}

	/**
	 * First of the customizers: the errors of the operations Spring MVC serves (later
	 * ones add their own).
	 */
	@Bean
	@Order(10)
	OpenApiCustomizer problemResponses() {
		return ApiProblems::document;
	}

	/**
	 * Last: tags in a stable order (keys are sorted on output,
	 * springdoc.writer-with-order-by-keys).
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	OpenApiCustomizer sortedTags() {
		return api -> {
			if (api.getTags() != null) {
				api.setTags(api.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
			}
		};
	}

}
