package org.openvrm.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiteralPrefixMappingsUnitTest {

	@RestController
	static class Routes {

		@GetMapping("/api/v1/me/records")
		String list() {
			return "list";
		}

		@GetMapping("/api/v1/me/records/{id}")
		String one(@PathVariable String id) {
			return id;
		}

		@PutMapping("/api/v1/me/records/{id}")
		String update(@PathVariable String id) {
			return id;
		}

		@GetMapping("/api/v1/{kind}/summary")
		String summary(@PathVariable String kind) {
			return kind;
		}

		@GetMapping({ "/files/**", "/documents/{id:[0-9]+}" })
		String file() {
			return "file";
		}

	}

	private final LiteralPrefixMappings mappings = new LiteralPrefixMappings();

	@BeforeEach
	void registerRoutes() {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.registerSingleton("routes", Routes.class);
		context.refresh();
		mappings.setApplicationContext(context);
		mappings.afterPropertiesSet();
	}

	@Test
	void aPatternsLiteralStartEndsAtItsFirstVariableOrWildcard() {
		assertThat(LiteralPrefixMappings.literalStart("/api/v1/me/records/{id}")).isEqualTo("/api/v1/me/records/");
		assertThat(LiteralPrefixMappings.literalStart("/files/**")).isEqualTo("/files/");
		assertThat(LiteralPrefixMappings.literalStart("/img/logo-?.png")).isEqualTo("/img/logo-");
		assertThat(LiteralPrefixMappings.literalStart("/api/v1/me/records")).isEqualTo("/api/v1/me/records");
	}

	@Test
	void pathsWithVariablesFindTheirHandlers() throws Exception {
		assertThat(handler("GET", "/api/v1/me/records/42")).isEqualTo("one");
		assertThat(handler("PUT", "/api/v1/me/records/42")).isEqualTo("update");
		assertThat(handler("GET", "/api/v1/me/records")).isEqualTo("list");
		assertThat(handler("GET", "/api/v1/vendor/summary")).isEqualTo("summary");
		assertThat(handler("GET", "/files/a/b.pdf")).isEqualTo("file");
		assertThat(handler("GET", "/documents/7")).isEqualTo("file");
	}

	@Test
	void aPercentEncodedPathIsMatchedAsSpringDecodesIt() throws Exception {
		assertThat(handler("GET", "/api/v1/m%65/records/42")).isEqualTo("one");
	}

	@Test
	void noMatchStaysNoMatchAndAWrongMethodIsStillReportedAsSuch() throws Exception {
		assertThat(handler("GET", "/api/v1/me/recordsX/42")).isNull();
		assertThat(handler("GET", "/documents/x")).isNull();
		assertThatExceptionOfType(HttpRequestMethodNotSupportedException.class)
			.isThrownBy(() -> handler("DELETE", "/api/v1/me/records/42"))
			.satisfies(e -> assertThat(e.getSupportedMethods()).containsExactlyInAnyOrder("GET", "PUT"));
	}

	private String handler(String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		HandlerExecutionChain chain = mappings.getHandler(request);
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
	}

}
