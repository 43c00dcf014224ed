package org.openvrm.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyUnitTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesShortAndOverlongPasswords() {
		assertThat(policy.check("elevenchars")).contains(PasswordPolicy.Problem.TOO_SHORT);
		assertThat(policy.check(null)).contains(PasswordPolicy.Problem.TOO_SHORT);
		assertThat(policy.check("x".repeat(201))).contains(PasswordPolicy.Problem.TOO_LONG);
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "qwertyuiop123", "123456789012", "iloveyou1234", "aaaaaaaaaaaa",
			"Password123!", "abcdefghijkl" })
	void refusesCommonPasswordsAndPatterns(String password) {
		assertThat(policy.check(password)).contains(PasswordPolicy.Problem.TOO_COMMON);
	}

	@Test
	void refusesThePersonsOwnNameAndEmail() {
		assertThat(policy.check("annedevries2024", "anne.devries@example.org", "Anne de Vries"))
			.contains(PasswordPolicy.Problem.TOO_COMMON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "violet tractor seaside 42", "Kx9#mQ2!vLp7&zR", "gravel-lantern-otter-moss" })
	void acceptsLongUnguessablePasswords(String password) {
		assertThat(policy.check(password)).isEmpty();
	}

}
