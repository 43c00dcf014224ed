package org.openvrm.policy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Something a policy did for the person.
 *
 * @param policyId null once the policy was deleted
 * @param outcome {@code approved}, {@code declined}, {@code drafted}, {@code published},
 * {@code shortlisted} or {@code archived}
 * @param subject what it acted on, by id ({@code request:…}, {@code introduction:…},
 * {@code intent:…}, {@code messages:3})
 * @param undoable whether {@link PolicyLog#undo} can still take it back
 */
public record Fired(UUID id, UUID policyId, PolicyKind kind, String outcome, String subject, Instant at,
		Instant undoneAt, boolean undoable) {

	/** Outcomes that can be taken back. */
	public static final Set<String> UNDOABLE = Set.of("approved", "drafted", "published", "shortlisted", "archived");

}
