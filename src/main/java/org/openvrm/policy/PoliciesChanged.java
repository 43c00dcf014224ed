package org.openvrm.policy;

import java.util.UUID;

/** The person's policies changed (so the working sets they need can follow). */
record PoliciesChanged(UUID personId) {
}
