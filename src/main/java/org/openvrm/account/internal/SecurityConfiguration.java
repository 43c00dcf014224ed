package org.openvrm.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openvrm.account.PasswordKeyed;
import org.openvrm.account.SignIn;
import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.Secrets;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.ui.DefaultResourcesFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The one place that decides who may reach which URL. People, vendor members and
 * operators each have their own part of the hub and never reach another's; objects inside
 * a part are checked per owner by the module that owns them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String[] PUBLIC_PAGES = { "/", "/signup", "/login", "/vendor/signup", "/invitation", "/setup",
			"/recover", "/error", "/error/**", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			// What people proffer and whom they can deal with is public.
			"/terms", "/terms/**", "/api/v1/terms", "/api/v1/terms/**", "/api/v1/categories",
			"/api/v1/categories/*/attributes", "/api/v1/regions", "/vendors", "/vendors/**", "/api/v1/vendors",
			"/api/v1/vendors/**",
			// What the hub signs can be checked by anyone.
			"/.well-known/jwks.json", "/api/v1/agreements/verify", "/api/v1/receipts/verify",
			// A vendor's script signs up and exchanges its one-time registration token
			// without a session.
			"/api/v1/vendor-signups", "/api/v1/vendor-registrations",
			// The calendar feed: its URL's secret is the capability (read-only, served
			// while signed out).
			"/api/v1/me/contracts.ics",
			// The open market's demand feed: public when the operator opens it (else
			// 404).
			"/market/demand" };

	@Bean
	SecurityFilterChain hub(HttpSecurity http, SignInThrottle throttle, PersonalAccessTokens tokens, JsonMapper json,
			AccountRepository accounts, SignIn signIn, List<PasswordKeyed> passwordKeyed, Clock clock,
			Environment environment, AccountProperties properties) {
		ProblemResponses problems = new ProblemResponses(json);
		RequestMatcher api = pathPattern("/api/**");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request));

		// Actuator on its own port (MANAGEMENT_SERVER_PORT) is meant for an internal
		// network only, so
		// probes and Prometheus need no session there; on the main port it is for
		// operators.
		boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.access((authentication,
					context) -> new AuthorizationDecision(separateManagementPort || authentication.get()
						.getAuthorities()
						.stream()
						.anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"))))
			.requestMatchers("/me", "/me/**", "/api/v1/me", "/api/v1/me/**", "/api/v1/ratings/**")
			.hasRole("PERSON")
			.requestMatchers("/console", "/console/**", "/api/v1/vendor/**")
			.hasRole("VENDOR")
			.requestMatchers("/operator", "/operator/**", "/api/v1/operator/**")
			.hasRole("OPERATOR")
			.requestMatchers("/account/**", "/webauthn/register", "/webauthn/register/**")
			.authenticated()
			.anyRequest()
			.authenticated());

		http.formLogin(form -> form.loginPage("/login")
			.successHandler(signedIn(throttle, requestCache, signIn))
			.failureHandler(failed()));
		http.webAuthn(webAuthn -> webAuthn.rpName("OpenVRM")
			.rpId(properties.webauthn().rpId())
			.allowedOrigins(properties.webauthn().allowedOrigins())
			.creationOptionsRepository(new PasskeyCreationOptions(clock))
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationSuccessHandler(new PasskeySignIn(accounts, signIn));
					return filter;
				}
			}));
		http.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
			if (request.getSession(false) != null) {
				passwordKeyed.forEach(keyed -> keyed.signingOut(request.getSession(false)));
			}
		}).logoutSuccessUrl("/?signedOut").deleteCookies("OPENVRM_SESSION"));
		http.logout(logout -> logout
			.defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT), api));
		http.requestCache(cache -> cache.requestCache(requestCache));

		// A personal access token cannot be sent cross-site by a browser, so those calls
		// need no CSRF
		// token; they never fall back to the session (PersonalAccessTokenFilter).
		// Verifying a signed record changes nothing and needs no session: anyone may call
		// it from anywhere.
		// Vendor sign-up and registration take JSON only and sign nobody in (below).
		http.csrf(csrf -> csrf.ignoringRequestMatchers(PersonalAccessTokenFilter::carriesToken)
			.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/v1/agreements/verify"))
			.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/v1/receipts/verify"))
			// JSON only (415 otherwise), so no cross-site form can send them; they sign
			// nobody in.
			.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/v1/vendor-signups"))
			.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/v1/vendor-registrations")));

		http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(problems.unauthorized(), api)
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					EndpointRequest.toAnyEndpoint())
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
			.defaultAccessDeniedHandlerFor(problems.forbidden(), api)
			.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true));

		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions(frame -> frame.deny()));

		// Spring Security serves its passkey script only beside its own login page; ours
		// needs it too.
		http.addFilterBefore(DefaultResourcesFilter.webauthn(), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new PersonalAccessTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class);
		http.addFilterBefore(new SessionLifetimeFilter(properties.session().absoluteLifetime(), clock),
				AuthorizationFilter.class);
		return http.build();
	}

	private static AuthenticationSuccessHandler signedIn(SignInThrottle throttle, HttpSessionRequestCache cache,
			SignIn signIn) {
		return (request, response, authentication) -> {
			throttle.succeeded(authentication.getName(), request.getRemoteAddr());
			ActiveSessions.startFresh(request);
			if (authentication.getPrincipal() instanceof SignedInAccount account) {
				signIn.passwordProven(account, request.getParameter("password"), request);
			}
			SavedRequestAwareAuthenticationSuccessHandler toSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
			toSavedRequest.setRequestCache(cache);
			if (authentication.getPrincipal() instanceof SignedInAccount account) {
				toSavedRequest.setDefaultTargetUrl(account.kind().home());
			}
			toSavedRequest.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler failed() {
		// The attempt was already counted as a failure when it came in
		// (SignInThrottleFilter).
		return (request, response, exception) -> response.sendRedirect("/login?error");
	}

	/**
	 * Sign-ins stay observed (their counts and failures are worth watching); the filter
	 * chain and each authorization decision are not. Observing them wrapped every one of
	 * the chain's filters on every request, about a tenth of the personal data API's time
	 * (bench/personal-data.sh), and {@code http.server.requests} already times each
	 * request.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	UserDetailsService accountDetails(AccountRepository accounts) {
		return email -> accounts.findSignInByEmail(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	/**
	 * Argon2id for new hashes (Spring Security's recommended parameters); the
	 * {@code {id}} prefix lets the parameters or the algorithm change later without
	 * invalidating stored hashes.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	/**
	 * For machine secrets of 256 random bits (API client secrets): nothing to gain from a
	 * slow hash there, and a slow one would let anyone load the CPU through the token
	 * endpoint. Used only by the authorization server's client authentication
	 * (VendorApiSecurity), never for people's passwords, which stay Argon2id.
	 */
	static final class RandomSecretDigest implements PasswordEncoder {

		@Override
		public String encode(CharSequence secret) {
			return Secrets.hash(secret.toString());
		}

		@Override
		public boolean matches(CharSequence secret, String digest) {
			return secret != null && digest != null && MessageDigest
				.isEqual(encode(secret).getBytes(StandardCharsets.UTF_8), digest.getBytes(StandardCharsets.UTF_8));
		}

	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

}
