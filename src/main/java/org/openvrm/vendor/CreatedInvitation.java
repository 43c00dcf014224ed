package org.openvrm.vendor;

/**
 * A new invitation and the link to send to the invitee: the only time the code is shown.
 * The code sits in the link's fragment ({@code #…}), which browsers never send to a
 * server, so it stays out of access logs and {@code Referer} headers.
 */
public record CreatedInvitation(Invitation invitation, String link) {

	@Override
	public String toString() {
		return "CreatedInvitation[" + invitation.id() + "]";
	}
}
