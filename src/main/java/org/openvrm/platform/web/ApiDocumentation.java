package org.openvrm.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways a person's client authenticates. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI openVrmApi() {
		return new OpenAPI()
			.info(new Info().title("OpenVRM API")
				.version("v1")
				.description("""
						Vendor Relationship Management: the person keeps their data and terms; vendors come to them.
						Errors are RFC 9457 problem details (application/problem+json). People's apps authenticate with a
						personal access token (Authorization: Bearer ovrm_pat_…) or, from the browser, with the session
						cookie plus the X-CSRF-TOKEN header on unsafe methods."""))
			.components(new Components()
				.addSecuritySchemes("personalAccessToken",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("ovrm_pat_… token created at POST /api/v1/me/tokens"))
				.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE)
					.name("OPENVRM_SESSION")))
			.addSecurityItem(new SecurityRequirement().addList("personalAccessToken"))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}
}
