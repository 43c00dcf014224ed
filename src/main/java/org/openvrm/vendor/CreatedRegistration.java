package org.openvrm.vendor;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A registration token as just made: the only time it is shown. */
public record CreatedRegistration(
		@Schema(description = "The one-time token: exchange it at POST /api/v1/vendor-registrations",
				example = "ovrt_3kXq9Wb2LmZ7Tn4Pc8Rd1Vf6Hs5Jy0Ga") String registrationToken,
		@Schema(description = "The scopes the API client it makes will have",
				example = "[\"intents:read\", \"offers:write\"]") List<String> scopes,
		@Schema(description = "Until when it can be exchanged") Instant expiresAt) {
}
