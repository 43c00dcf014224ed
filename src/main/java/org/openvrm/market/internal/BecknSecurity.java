package org.openvrm.market.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Beckn endpoint's own filter chain: no session, no cookie, no CSRF token, because
 * each message authenticates itself with its signature (checked by {@link BecknDoor}).
 */
@Configuration(proxyBeanMethods = false)
class BecknSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain beckn(HttpSecurity http) throws Exception {
		http.securityMatcher("/beckn/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
