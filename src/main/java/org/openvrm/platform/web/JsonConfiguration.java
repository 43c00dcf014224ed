package org.openvrm.platform.web;

import tools.jackson.databind.JacksonModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the hub's JSON mapper adds to Spring Boot's: Boot registers every
 * {@link JacksonModule} bean.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JacksonModule textWithoutNul() {
		return TextWithoutNul.module();
	}

}
