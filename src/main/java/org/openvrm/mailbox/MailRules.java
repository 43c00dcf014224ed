package org.openvrm.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.openvrm.mailbox.Aliases.Admission;
import org.openvrm.mailbox.Allowances.Allowance;
import org.openvrm.mailbox.internal.MailProperties;
import org.openvrm.relationship.KeptOut;

import org.springframework.stereotype.Component;

/**
 * The person's rules of contact applied to mail, as the gate applies them to API
 * messages: a closed channel takes none, mail and API messages count together against the
 * channel's rate, and marketing goes in only where welcome. The rate is looked at when a
 * recipient is named (nothing to read yet) and checked again, the channel locked, when
 * the message is stored, so concurrent deliveries cannot pass it together.
 */
@Component
class MailRules {

	static final String NOT_TAKEN = "5.1.1 <%s>: this address does not take mail";

	private final Allowances allowances;

	private final KeptOut keptOut;

	private final MailProperties mail;

	MailRules(Allowances allowances, KeptOut keptOut, MailProperties mail) {
		this.allowances = allowances;
		this.keptOut = keptOut;
		this.mail = mail;
	}

	/**
	 * Whether the channel behind an open address takes one more message (RCPT TO).
	 * @throws MailRefusal for a closed channel (550, the words of an unknown address) or
	 * over the rate (450 or 550); counted on the person's "kept out" log
	 */
	void admit(Admission to, String recipient) throws MailRefusal {
		Allowance allowance = allowances.peek(to.relationshipId(), to.personId());
		if (allowance.closed()) {
			keptOut.refusedMail(to.door(), to.aliasId(), "closed");
			throw new MailRefusal(550, NOT_TAKEN.formatted(recipient));
		}
		if (allowance.over()) {
			keptOut.refusedMail(to.door(), to.aliasId(), "rate");
			throw overRate(allowance, recipient);
		}
	}

	/**
	 * The recipients that take this message, checked again with their channels locked (in
	 * the storing transaction). Marketing goes only to people who welcome it; the others
	 * are counted as kept out. Two addresses of one channel get the message as far as the
	 * channel's rate allows (the person has it at least once).
	 * @throws MailRefusal 550 when nobody welcomes this marketing (retrying will not
	 * change the person's choice); 450 when a channel closed or filled since the
	 * recipient was named (not counted: the retry is checked, and counted, at RCPT TO)
	 */
	List<Admission> taking(List<Admission> recipients, MessageKind kind) throws MailRefusal {
		// Channels locked in one order, so two deliveries to the same people cannot
		// deadlock.
		Map<UUID, List<Admission>> byChannel = new TreeMap<>();
		for (Admission to : recipients) {
			byChannel.computeIfAbsent(to.relationshipId(), id -> new ArrayList<>()).add(to);
		}
		Map<Admission, String> keptOutFor = new LinkedHashMap<>();
		List<Admission> taking = new ArrayList<>();
		for (List<Admission> channel : byChannel.values()) {
			Admission first = channel.get(0);
			Allowance allowance = allowances.lock(first.relationshipId(), first.personId());
			if (kind == MessageKind.MARKETING && !allowance.marketing()) {
				channel.forEach(to -> keptOutFor.put(to, "marketing"));
				continue;
			}
			int room = allowance.perMonth() - allowance.recent().size();
			if (allowance.closed() || room <= 0) {
				throw new MailRefusal(450, "4.7.1 Try again later");
			}
			taking.addAll(channel.subList(0, Math.min(room, channel.size())));
			channel.subList(Math.min(room, channel.size()), channel.size()).forEach(to -> keptOutFor.put(to, "rate"));
		}
		keptOutFor.forEach((to, reason) -> keptOut.refusedMail(to.door(), to.aliasId(), reason));
		if (taking.isEmpty()) {
			throw new MailRefusal(550, "5.7.1 Marketing is not accepted at this address");
		}
		return taking;
	}

	/**
	 * Over the rate: a temporary refusal when the 30-day window frees a place while the
	 * sending server still retries, so the message arrives late rather than never; a
	 * permanent one when it will not (or the person takes no messages at all), so the
	 * sender learns now rather than after days of retrying.
	 */
	private MailRefusal overRate(Allowance allowance, String recipient) {
		if (allowance.perMonth() > 0 && allowance.untilFree().compareTo(mail.retryHorizon()) <= 0) {
			return new MailRefusal(450,
					"4.7.1 <" + recipient + ">: this address takes no more mail for now; try again later");
		}
		return new MailRefusal(550, "5.7.1 <" + recipient + ">: this address takes no more mail from you for now");
	}

}
