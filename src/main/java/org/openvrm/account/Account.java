package org.openvrm.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

public record Account(UUID id, String email, String displayName, AccountKind kind, Locale locale, Instant createdAt) {
}
