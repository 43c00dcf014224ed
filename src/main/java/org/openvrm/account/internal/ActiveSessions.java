package org.openvrm.account.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.openvrm.account.ActiveSession;
import org.openvrm.account.SignedInAccount;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.Secrets;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The account's sessions across every node (they live in the database), and ending them.
 */
@Service
public class ActiveSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	ActiveSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public List<ActiveSession> list(SignedInAccount account, String currentSessionId) {
		return sessionsOf(account).values()
			.stream()
			.map(session -> describe(session, currentSessionId))
			.sorted(Comparator.comparing(ActiveSession::current)
				.reversed()
				.thenComparing(ActiveSession::lastSeenAt, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Signs out every session of the account except the one making the request; returns
	 * how many.
	 */
	public int signOutOthers(SignedInAccount account, String currentSessionId) {
		List<String> others = sessionsOf(account).keySet().stream().filter(id -> !id.equals(currentSessionId)).toList();
		others.forEach(sessions::deleteById);
		return others.size();
	}

	/** Ends every session of the account, this one included. */
	public void signOutEverywhere(SignedInAccount account) {
		sessionsOf(account).keySet().forEach(sessions::deleteById);
	}

	public void signOut(SignedInAccount account, String handle) {
		String id = sessionsOf(account).keySet()
			.stream()
			.filter(candidate -> handle(candidate).equals(handle))
			.findFirst()
			.orElseThrow(() -> new NotFound("Session"));
		sessions.deleteById(id);
	}

	/**
	 * A new sign-in on this session: forget when and from where the previous one
	 * happened.
	 */
	public static void startFresh(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(SessionLifetimeFilter.SIGNED_IN_AT);
			session.removeAttribute(SessionLifetimeFilter.CLIENT);
			session.removeAttribute(SessionLifetimeFilter.ADDRESS);
		}
	}

	private Map<String, ? extends Session> sessionsOf(SignedInAccount account) {
		return sessions.findByPrincipalName(account.getUsername());
	}

	private static ActiveSession describe(Session session, String currentSessionId) {
		Instant signedInAt = session.getAttribute(SessionLifetimeFilter.SIGNED_IN_AT);
		return new ActiveSession(handle(session.getId()), session.getId().equals(currentSessionId),
				signedInAt == null ? session.getCreationTime() : signedInAt, session.getLastAccessedTime(),
				session.getAttributeOrDefault(SessionLifetimeFilter.CLIENT, "unknown client"),
				session.getAttributeOrDefault(SessionLifetimeFilter.ADDRESS, "unknown"));
	}

	private static String handle(String sessionId) {
		return Secrets.hash(sessionId).substring(0, 16);
	}

}
