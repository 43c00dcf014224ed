package org.openvrm.audit.web;

import org.openvrm.account.SignedInAccount;
import org.openvrm.audit.AuditLog;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/me/audit")
	String page(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("events", log.recent(me.id(), 200));
		model.addAttribute("verification", log.verify(me.id()));
		return "audit/log";
	}

}
