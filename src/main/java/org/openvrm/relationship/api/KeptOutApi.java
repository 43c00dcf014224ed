package org.openvrm.relationship.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.relationship.KeptOut;
import org.openvrm.relationship.RefusedContact;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Kept out", description = "Contacts the hub refused at the door on the person's behalf.")
class KeptOutApi {

	private final KeptOut keptOut;

	KeptOutApi(KeptOut keptOut) {
		this.keptOut = keptOut;
	}

	@GetMapping(path = "/api/v1/me/kept-out", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Refused contacts, newest first",
			description = "Who tried, how (`channel`: push, …), when, and "
					+ "why it was refused (`reason`: blocked, ended, too-large, rate, marketing, …). Refused mail is "
					+ "counted, not listed per try: one entry per address, reason and hour, `attempts` saying how "
					+ "many. Nothing of what was sent is kept.")
	List<RefusedContact> list(@AuthenticationPrincipal SignedInAccount me) {
		return keptOut.of(me.id());
	}

}
