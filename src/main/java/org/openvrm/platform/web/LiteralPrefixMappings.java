package org.openvrm.platform.web;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, with a cheap first test. A path with a variable in it
 * ({@code /api/v1/me/records/{id}}) has no direct lookup: Spring tries every one of the
 * hub's several hundred mappings in turn, each through its method, media type and path
 * conditions. That was about a sixth of the personal data API's time
 * (bench/personal-data.sh). Here a mapping whose paths' literal beginnings
 * ({@code /api/v1/me/records/}) the request's path does not start with is passed over at
 * once; every other mapping is tried by Spring exactly as before.
 * <p>
 * Only a path with no percent-encoding is compared this way: Spring matches decoded path
 * segments, so {@code /api/v1/m%65/records/1} is tried against every mapping as before.
 */
class LiteralPrefixMappings extends RequestMappingHandlerMapping {

	/**
	 * Spring Boot's hook for its own request mappings; everything else it configures
	 * stays as it was.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations literalPrefixMappings() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new LiteralPrefixMappings();
				}
			};
		}

	}

	private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

	/**
	 * By identity, because a mapping's own hash code is computed from all its conditions;
	 * copied on each registration (at start-up), so requests read it without a lock.
	 */
	private volatile Map<RequestMappingInfo, String[]> literalStarts = new IdentityHashMap<>();

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		synchronized (this) {
			Map<RequestMappingInfo, String[]> starts = new IdentityHashMap<>(literalStarts);
			starts.put(mapping,
					mapping.getPatternValues()
						.stream()
						.map(LiteralPrefixMappings::literalStart)
						.toArray(String[]::new));
			literalStarts = starts;
		}
	}

	/**
	 * What every path a pattern matches begins with: the pattern up to its first variable
	 * or wildcard.
	 */
	static String literalStart(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		String outer = LOOKUP_PATH.get();
		LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP_PATH.set(outer);
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo mapping, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		String[] starts = literalStarts.get(mapping);
		if (path != null && starts != null && starts.length > 0 && !startsWithAny(path, starts)) {
			return null;
		}
		return super.getMatchingMapping(mapping, request);
	}

	private static boolean startsWithAny(String path, String[] starts) {
		for (String start : starts) {
			if (path.startsWith(start)) {
				return true;
			}
		}
		return false;
	}

}
