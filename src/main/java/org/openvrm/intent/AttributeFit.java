package org.openvrm.intent;

import io.swagger.v3.oas.annotations.media.Schema;

/** How an offer meets one of the intent's attributes, in the vendor's words. */
public record AttributeFit(@Schema(example = "transport") String key, @Schema(example = "true") boolean met,
		@Schema(example = "TGV via Paris") String note) {
}
