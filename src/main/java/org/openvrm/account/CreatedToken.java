package org.openvrm.account;

/** The answer to creating a token: the only time {@code secret} is ever shown. */
public record CreatedToken(PersonalAccessToken token, String secret) {

	@Override
	public String toString() {
		return "CreatedToken[" + token.id() + "]";
	}
}
