package org.openvrm.vault.web;

import org.openvrm.vault.VaultLocked;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A vault page asked for while the vault is closed on this session: go and open it first. */
@ControllerAdvice(basePackageClasses = ClosedVault.class)
class ClosedVault {

	@ExceptionHandler(VaultLocked.class)
	String unlockFirst() {
		return "redirect:/me/vault/unlock";
	}
}
