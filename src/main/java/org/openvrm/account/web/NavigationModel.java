package org.openvrm.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.openvrm.account.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in account ({@code me}), which the layout's navigation
 * needs.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationModel {

	@ModelAttribute("me")
	SignedInAccount me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof SignedInAccount account ? account
				: null;
	}

	/** The page's own path, for the language links (which add {@code ?lang=}). */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getServletPath().isEmpty() ? "/" : request.getServletPath();
	}

}
