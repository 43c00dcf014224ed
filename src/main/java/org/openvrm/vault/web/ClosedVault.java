package org.openvrm.vault.web;

import org.openvrm.vault.VaultLocked;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that needs the vault (of this module or another: relationships keep their notes
 * there) asked for while the vault is closed on this session: go and open it first. The
 * API's own handler, which runs first for API controllers, answers 423 instead.
 */
@ControllerAdvice(annotations = Controller.class)
class ClosedVault {

	@ExceptionHandler(VaultLocked.class)
	String unlockFirst() {
		return "redirect:/me/vault/unlock";
	}

}
