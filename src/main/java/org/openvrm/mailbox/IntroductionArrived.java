package org.openvrm.mailbox;

import java.util.UUID;

/**
 * A vendor introduced itself through one of the person's declared interests; published
 * once stored.
 */
public record IntroductionArrived(UUID personId, UUID introductionId, UUID vendorId, String category) {
}
