package org.openvrm.account;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * What another module puts on the person's dashboard: things that need their attention, already
 * in the reader's language. Empty when there is nothing to show (or nothing can be read now).
 */
public interface DashboardPanel {

	Optional<Panel> panelFor(SignedInAccount person, HttpSession session);

	record Panel(String heading, List<String> items, String link, String linkText) {
	}
}
