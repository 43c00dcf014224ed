package org.openvrm.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.NotFound;
import org.openvrm.platform.PlatformProperties;
import org.openvrm.platform.Secrets;
import org.openvrm.vendor.internal.VendorRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vendor admin invites further members; the invitee joins by opening the link once
 * within 7 days.
 */
@Service
public class Invitations {

	static final Duration VALID_FOR = Duration.ofDays(7);

	private final VendorRepository repository;

	private final Vendors vendors;

	private final Accounts accounts;

	private final Clock clock;

	private final String baseUrl;

	Invitations(VendorRepository repository, Vendors vendors, Accounts accounts, Clock clock,
			PlatformProperties platform) {
		this.repository = repository;
		this.vendors = vendors;
		this.accounts = accounts;
		this.clock = clock;
		this.baseUrl = platform.baseUrl();
	}

	@Transactional
	public CreatedInvitation invite(UUID adminAccountId, String email, VendorRole role) {
		Membership admin = vendors.requireAdmin(adminAccountId);
		if (role == null) {
			throw new InvalidInput("role", "invitation.role.invalid");
		}
		String normalised = accounts.normalisedEmail(email);
		String code = Secrets.newSecret("");
		Instant now = clock.instant();
		Invitation invitation = new Invitation(UUID.randomUUID(), admin.vendor().id(), normalised, role, now,
				now.plus(VALID_FOR));
		repository.insertInvitation(invitation, Secrets.hash(code), adminAccountId);
		return new CreatedInvitation(invitation, baseUrl + "/invitation#" + code);
	}

	public List<Invitation> pending(UUID memberAccountId) {
		Membership member = vendors.requireMembership(memberAccountId);
		return repository.pendingInvitations(member.vendor().id(), clock.instant());
	}

	@Transactional
	public void cancel(UUID adminAccountId, UUID invitationId) {
		Membership admin = vendors.requireAdmin(adminAccountId);
		if (!repository.deleteInvitation(admin.vendor().id(), invitationId)) {
			throw new NotFound("Invitation");
		}
	}

	/**
	 * Creates the invitee's account and membership; a wrong, used or expired code changes
	 * nothing.
	 */
	@Transactional
	public Account accept(String code, String displayName, String password, Locale locale) {
		Instant now = clock.instant();
		Invitation invitation = (code == null ? null
				: repository.pendingInvitationByCode(Secrets.hash(code.strip()), now).orElse(null));
		if (invitation == null || !repository.markAccepted(invitation.id(), now)) {
			throw new InvalidInput("code", "invitation.code.invalid");
		}
		Account member = accounts
			.register(new NewAccount(invitation.email(), displayName, password, AccountKind.VENDOR_MEMBER, locale));
		repository.addMember(invitation.vendorId(), member.id(), invitation.role(), now);
		return member;
	}

}
