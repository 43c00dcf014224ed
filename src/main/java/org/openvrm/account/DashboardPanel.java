package org.openvrm.account;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * What another module puts on the person's dashboard: things that need their attention,
 * already in the reader's language. Empty when there is nothing to show (or nothing can
 * be read now).
 */
public interface DashboardPanel {

	Optional<Panel> panelFor(SignedInAccount person, HttpSession session);

	/** Lower comes first on the dashboard. */
	default int order() {
		return 100;
	}

	/**
	 * A heading with a list of lines and a link; or, with {@code fragment}, a template
	 * fragment ({@code template :: panel}) that renders {@code model} itself, for panels
	 * with forms.
	 */
	record Panel(String heading, List<String> items, String link, String linkText, String fragment, Object model) {

		public Panel(String heading, List<String> items, String link, String linkText) {
			this(heading, items, link, linkText, null, null);
		}

		public static Panel rendered(String fragment, Object model) {
			return new Panel(null, List.of(), null, null, fragment, model);
		}
	}

}
