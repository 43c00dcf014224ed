package org.openvrm.vendor.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.AccountKind;
import org.openvrm.account.NewAccount;
import org.openvrm.account.SignedInAccount;
import org.openvrm.vendor.CreatedClient;
import org.openvrm.vendor.CreatedRegistration;
import org.openvrm.vendor.RegistrationTokens;
import org.openvrm.vendor.SignedUpVendor;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A vendor's way in from a script: sign up, get a one-time registration token, exchange
 * it for a client.
 */
@RestController
@Tag(name = "Vendor: onboarding", description = "From nothing to an API client without a browser: sign the vendor up "
		+ "(or have an admin make a registration token in the console), then exchange the one-time token for a client "
		+ "id and secret. See docs/vendor-quick-start.md.")
class RegistrationApi {

	private final RegistrationTokens tokens;

	RegistrationApi(RegistrationTokens tokens) {
		this.tokens = tokens;
	}

	record VendorSignUp(@Schema(example = "Rail & Sea Holidays") String organisationName,
			@Schema(example = "Marie Dupont") String displayName,
			@Schema(example = "marie@railandsea.example") String email,
			@Schema(description = "At least 12 characters, and not easy to guess (the sign-up page's rules)",
					example = "Tr0ub4dor-and-more-words") String password) {
	}

	record TokenRequest(@Schema(description = "Scopes of the client it will make; every scope when empty",
			example = "[\"intents:read\", \"offers:write\", \"events:read\"]") List<String> scopes) {
	}

	record Redemption(@Schema(example = "ovrt_3kXq9Wb2LmZ7Tn4Pc8Rd1Vf6Hs5Jy0Ga") String registrationToken,
			@Schema(description = "The new client's name, 1 to 100 characters",
					example = "booking system") String name) {
	}

	@PostMapping(path = "/api/v1/vendor-signups", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign a vendor up", description = "Creates the organisation (unverified until the operator "
			+ "verifies it) and its first admin, exactly as the sign-up page does, and answers with a one-time registration "
			+ "token for the first API client. Nobody is signed in. 422 names the field: `organisationName`, `email` "
			+ "(invalid), `displayName` or `password`; 409 when the e-mail address already has an account.")
	SignedUpVendor signUp(@RequestBody VendorSignUp body, Locale locale) {
		return tokens.signUp(body.organisationName(),
				new NewAccount(body.email(), body.displayName(), body.password(), AccountKind.VENDOR_MEMBER, locale));
	}

	@PostMapping(path = "/api/v1/vendor/registration-tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make a registration token (admins)", description = "A one-time token, valid 24 hours, that a "
			+ "script exchanges for an API client with these scopes. Shown once; only a digest is kept. A signed-in admin "
			+ "only (403 for other members and for client tokens); 422 for an unknown scope.")
	CreatedRegistration issue(@AuthenticationPrincipal SignedInAccount me, @RequestBody TokenRequest body) {
		return tokens.issue(me.id(), body.scopes());
	}

	@PostMapping(path = "/api/v1/vendor-registrations", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange a registration token for an API client", description = "Once per token, within 24 "
			+ "hours: the answer holds the client id and secret (shown once) to use at POST /oauth2/token. 422 naming "
			+ "`registrationToken` when it is unknown, used, expired or its admin is no longer an admin; `name` when it is "
			+ "empty or longer than 100 characters.")
	CreatedClient redeem(@RequestBody Redemption body) {
		return tokens.redeem(body.registrationToken(), body.name());
	}

}
