package org.openvrm.policy.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.openvrm.account.DashboardPanel;
import org.openvrm.account.SignedInAccount;
import org.openvrm.policy.Decision;
import org.openvrm.policy.Decisions;
import org.openvrm.policy.Fired;
import org.openvrm.policy.PolicyLog;
import org.openvrm.policy.Setup;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The dashboard leads with the decisions that need the person, then what policies did
 * this week.
 */
@Component
class DecisionsPanel implements DashboardPanel {

	/** What the fragment renders. */
	record View(List<Decision> decisions, Map<String, Long> week, List<Fired> actions, boolean setUp,
			boolean vaultOpen) {
	}

	private final Decisions decisions;

	private final PolicyLog policyLog;

	private final Setup setup;

	private final SessionVaults vaults;

	DecisionsPanel(Decisions decisions, PolicyLog policyLog, Setup setup, SessionVaults vaults) {
		this.decisions = decisions;
		this.policyLog = policyLog;
		this.setup = setup;
		this.vaults = vaults;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public Optional<Panel> panelFor(SignedInAccount person, HttpSession session) {
		var vault = vaults.find(person, session);
		List<Decision> listed = decisions.of(person.id(), vault);
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(NavigationCounts.LISTED, listed.size(), RequestAttributes.SCOPE_REQUEST);
		return Optional.of(Panel.rendered("policy/decisions", new View(listed, policyLog.weekInCounts(person.id()),
				policyLog.week(person.id()), setup.isDone(person.id()), vault.isPresent())));
	}

}
