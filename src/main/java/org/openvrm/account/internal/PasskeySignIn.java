package org.openvrm.account.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.account.SignIn;
import org.openvrm.account.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;

/**
 * After a passkey sign-in, puts the same principal in the session as a password sign-in
 * does (Spring Security's passkey authentication carries the WebAuthn user entity
 * instead), then answers the browser script with where to go: the account's own home.
 */
class PasskeySignIn implements AuthenticationSuccessHandler {

	private final AccountRepository accounts;

	private final SignIn signIn;

	private final HttpMessageConverterAuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();

	PasskeySignIn(AccountRepository accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication passkey) throws IOException, ServletException {
		SignedInAccount account = accounts.findSignInByEmail(passkey.getName())
			.orElseThrow(() -> new IllegalStateException("passkey of a missing account"));
		// Spring Security's passkey filter keeps the session id; a sign-in must never do
		// that.
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		signIn.establish(account, request, response);
		answer.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
	}

}
