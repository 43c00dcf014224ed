package org.openvrm.audit.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.audit.AuditEvent;
import org.openvrm.audit.AuditLog;
import org.openvrm.audit.Verification;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/audit", produces = "application/json")
@Tag(name = "Audit", description = "The person's hash-chained log of what happened to their vault")
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	@Operation(summary = "Recent entries, newest first", description = "limit: 1 to 1000, default 100.")
	List<AuditEvent> recent(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "limit", defaultValue = "100") int limit) {
		return log.recent(me.id(), Math.min(1000, Math.max(1, limit)));
	}

	@GetMapping("/verify")
	@Operation(summary = "Check the chain",
			description = "intact=false and firstBroken name the first entry that was changed, removed or inserted.")
	Verification verify(@AuthenticationPrincipal SignedInAccount me) {
		return log.verify(me.id());
	}

}
