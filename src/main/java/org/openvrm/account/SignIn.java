package org.openvrm.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openvrm.account.internal.AccountRepository;
import org.openvrm.account.internal.ActiveSessions;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a just-created account in, as a password sign-in would: a fresh session id (so a
 * session fixed before sign-up is worthless), then the security context in the session.
 */
@Component
public class SignIn {

	private final AccountRepository accounts;

	private final List<PasswordKeyed> passwordKeyed;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignIn(AccountRepository accounts, List<PasswordKeyed> passwordKeyed) {
		this.accounts = accounts;
		this.passwordKeyed = passwordKeyed;
	}

	/**
	 * Signs in a person who has just chosen {@code password}, so that what it opens is
	 * opened too.
	 */
	public void as(Account account, String password, HttpServletRequest request, HttpServletResponse response) {
		as(account, request, response);
		passwordProven((SignedInAccount) SecurityContextHolder.getContext().getAuthentication().getPrincipal(),
				password, request);
	}

	/**
	 * Tells the modules keyed by the password that it was proven on this request's
	 * session.
	 */
	public void passwordProven(SignedInAccount account, String password, HttpServletRequest request) {
		if (account.is(AccountKind.PERSON)) {
			passwordKeyed.forEach(keyed -> keyed.passwordProven(account, password, request.getSession()));
		}
	}

	public void as(Account account, HttpServletRequest request, HttpServletResponse response) {
		SignedInAccount principal = accounts.findSignInById(account.id())
			.orElseThrow(() -> new IllegalStateException("account just created is missing"));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		establish(principal, request, response);
	}

	/**
	 * Makes {@code principal} the signed-in account of this request and of its session.
	 */
	public void establish(SignedInAccount principal, HttpServletRequest request, HttpServletResponse response) {
		principal.eraseCredentials();
		ActiveSessions.startFresh(request);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
