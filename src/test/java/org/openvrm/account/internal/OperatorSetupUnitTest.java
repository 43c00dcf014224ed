package org.openvrm.account.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The set-up link in the log points where the hub really listens. */
class OperatorSetupUnitTest {

	@Test
	void aLocalBaseUrlGetsThePortTheHubListensOn() {
		assertThat(OperatorSetup.linkBase("http://localhost:8080", 9090)).isEqualTo("http://localhost:9090");
		assertThat(OperatorSetup.linkBase("http://127.0.0.1:8080/hub", 43211)).isEqualTo("http://127.0.0.1:43211/hub");
		assertThat(OperatorSetup.linkBase("http://localhost:8080", 8080)).isEqualTo("http://localhost:8080");
	}

	@Test
	void aPublicBaseUrlIsLeftAsConfigured() {
		assertThat(OperatorSetup.linkBase("https://hub.example.org", 8080)).isEqualTo("https://hub.example.org");
		assertThat(OperatorSetup.linkBase("http://localhost:8080", null)).isEqualTo("http://localhost:8080");
	}

}
