package org.openvrm.platform.web;

import java.util.function.Supplier;

import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.Unavailable;
import org.openvrm.platform.Withheld;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a form post shows next. A refused action (a value the rules turn down, or
 * something the person may not have) is shown on the page, never as an error page:
 * {@code error} holds the message key and {@code errorField} the field to mark. A done
 * action flashes {@code done}, the message key of what happened.
 */
public final class FormOutcome {

	private FormOutcome() {
	}

	/**
	 * Runs the action and redirects to {@code back} in either case, with {@code done} or
	 * the refusal flashed.
	 */
	public static String redirect(RedirectAttributes redirect, String done, String back, Runnable action) {
		return redirect(redirect, done, back, () -> {
			action.run();
			return back;
		});
	}

	/**
	 * Runs the action, which names where to go once done; refused, it goes {@code back}.
	 */
	public static String redirect(RedirectAttributes redirect, String done, String back, Supplier<String> action) {
		try {
			String next = action.get();
			if (done != null) {
				redirect.addFlashAttribute("done", done);
			}
			return next;
		}
		catch (InvalidInput refused) {
			redirect.addFlashAttribute("error", refused.messageKey());
			redirect.addFlashAttribute("errorField", refused.field());
			return back;
		}
		catch (Withheld refused) {
			redirect.addFlashAttribute("error", refused.messageKey());
			return back;
		}
		catch (Unavailable failed) {
			redirect.addFlashAttribute("error", failed.messageKey());
			return back;
		}
	}

	/**
	 * Runs the action, which names the view once done; refused, the form is shown again
	 * with the refusal in the model (the caller puts back what was typed).
	 */
	public static String render(Model model, Supplier<String> action, Supplier<String> form) {
		try {
			return action.get();
		}
		catch (InvalidInput refused) {
			model.addAttribute("error", refused.messageKey());
			model.addAttribute("errorField", refused.field());
			return form.get();
		}
	}

}
