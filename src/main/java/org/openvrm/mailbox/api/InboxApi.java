package org.openvrm.mailbox.api;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.account.SignedInAccount;
import org.openvrm.mailbox.Channel;
import org.openvrm.mailbox.ContactRules;
import org.openvrm.mailbox.ContactTerms;
import org.openvrm.mailbox.Mailbox;
import org.openvrm.mailbox.Message;
import org.openvrm.vault.session.SessionVaults;

import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inbox", description = "The person's mailbox: one channel per relationship with a hub vendor. Vendors' "
		+ "messages arrive sealed to the person and are read with the vault open (423 while it is locked). The rules "
		+ "of contact say how often each vendor may write and whether marketing is welcome; the hub refuses the rest "
		+ "at the door and lists it on the kept-out log (GET /api/v1/me/kept-out). See docs/mailbox.md.")
class InboxApi {

	private final Mailbox mailbox;

	private final ContactTerms terms;

	private final SessionVaults vaults;

	InboxApi(Mailbox mailbox, ContactTerms terms, SessionVaults vaults) {
		this.mailbox = mailbox;
		this.terms = terms;
		this.vaults = vaults;
	}

	/**
	 * @param inReplyTo the message answered, optional: one that came by mail is answered
	 * by mail
	 */
	record Reply(String subject, String body, UUID inReplyTo) {
	}

	record Limit(Integer perMonth) {
	}

	/** A change of the rules; what is left out stays as it is. */
	record RulesChange(Integer perMonth, Boolean marketing, Boolean digest) {
	}

	@GetMapping(path = "/api/v1/me/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's messages, newest first",
			description = "`q` searches subjects, bodies and vendor "
					+ "names (the hub cannot read messages, so the search runs on the opened vault); `archived=true` lists the archive.")
	List<Message> messages(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@Parameter(description = "words to look for") @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean archived) {
		return mailbox.messages(vaults.require(me, request), q, archived);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping(path = "/api/v1/me/inbox/{id}/archive", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move a message to the archive", description = "It leaves the inbox list (GET "
			+ "/api/v1/me/inbox?archived=true lists it) and is marked read. No vault needed. 404 for another person's "
			+ "message, as for one that does not exist.")
	ResponseEntity<Void> archive(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		mailbox.archive(me.id(), id, true);
		return ResponseEntity.noContent().build();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping(path = "/api/v1/me/inbox/{id}/unarchive", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move a message back to the inbox", description = "It is listed in the inbox again, marked "
			+ "read. No vault needed. 404 for another person's message, as for one that does not exist.")
	ResponseEntity<Void> unarchive(@AuthenticationPrincipal SignedInAccount me, @PathVariable UUID id) {
		mailbox.archive(me.id(), id, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/api/v1/me/channels", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's channels",
			description = "`state` open, closed (by the person), ended or blocked; "
					+ "`perMonth` the rate that applies, `ownLimit` the channel's own (null: the person's rule).")
	List<Channel> channels(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request) {
		return mailbox.channels(vaults.require(me, request));
	}

	@GetMapping(path = "/api/v1/me/channels/{relationshipId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One channel's messages, oldest first", description = "Reading marks them read.")
	List<Message> thread(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID relationshipId) {
		return mailbox.thread(vaults.require(me, request), relationshipId);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/v1/me/channels/{relationshipId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write to the vendor", description = "`body` 1 to 5,000 characters of plain text, `subject` "
			+ "optional. The vendor reads it through its API and gets a `message.received` event. 409 on a closed channel "
			+ "(reopen it first), an ended relationship or a blocked vendor.\n\n"
			+ "**Replies by mail.** An answer to a message that came by mail (`inReplyTo` names it; on a channel with a "
			+ "vendor off the hub, state `off-hub`, the latest such message when `inReplyTo` is left out) leaves through "
			+ "the operator's SMTP relay from the address the message came to, to its `Reply-To` (else `From`), with "
			+ "`In-Reply-To`/`References` and `Subject: Re: …` (when `subject` is left out). The vendor sees the address, "
			+ "never the person's name or own address. 409 when that address is paused or closed, when no relay is "
			+ "configured, or when the message names nobody to answer; 503 when the relay does not take it (nothing is "
			+ "kept: try again); 404 when `inReplyTo` is not a message of this channel to the person.")
	ResponseEntity<Message> reply(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID relationshipId, @RequestBody Reply reply) {
		return ResponseEntity.status(201)
			.body(mailbox.reply(vaults.require(me, request), relationshipId, reply.inReplyTo(), reply.subject(),
					reply.body()));
	}

	@PostMapping(path = "/api/v1/me/channels/{relationshipId}/close", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Close a channel", description = "The vendor can no longer write (403, counted as kept out) "
			+ "and gets a `channel.closed` event.")
	Channel close(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID relationshipId) {
		return mailbox.close(vaults.require(me, request), relationshipId, true);
	}

	@PostMapping(path = "/api/v1/me/channels/{relationshipId}/reopen", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Reopen a channel", description = "The vendor may write again within the rules of contact and "
			+ "gets a `channel.reopened` event. Answers the channel; its `state` stays ended or blocked when the "
			+ "relationship is. Needs the vault open (423 otherwise); 404 for a relationship that is not the person's.")
	Channel reopen(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID relationshipId) {
		return mailbox.close(vaults.require(me, request), relationshipId, false);
	}

	@PutMapping(path = "/api/v1/me/channels/{relationshipId}/limit", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set how often this vendor may write",
			description = "`perMonth` 0 to 100 messages in any 30 " + "days; null goes back to the person's rule.")
	Channel limit(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			@PathVariable UUID relationshipId, @RequestBody Limit limit) {
		return mailbox.limit(vaults.require(me, request), relationshipId, limit.perMonth());
	}

	@GetMapping(path = "/api/v1/me/inbox/rules", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The person's rules of contact",
			description = "Defaults: 4 messages per vendor in 30 days, no " + "marketing, no e-mail digest.")
	ContactRules rules(@AuthenticationPrincipal SignedInAccount me) {
		return terms.of(me.id());
	}

	@PutMapping(path = "/api/v1/me/inbox/rules", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the rules of contact", description = "`perMonth` 0 to 100; `marketing` whether "
			+ "marketing messages are welcome; `digest` an e-mail to the account's address saying only how many new "
			+ "messages wait. A field left out keeps its value.")
	ContactRules setRules(@AuthenticationPrincipal SignedInAccount me, @RequestBody RulesChange change) {
		ContactRules now = terms.of(me.id());
		return terms.set(me.id(),
				new ContactRules(change.perMonth() == null ? now.perMonth() : change.perMonth(),
						change.marketing() == null ? now.marketing() : change.marketing(),
						change.digest() == null ? now.digest() : change.digest()));
	}

}
