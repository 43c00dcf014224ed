package org.openvrm.vendor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.account.Account;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vendor.internal.VendorRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Vendors {

	private final VendorRepository repository;

	private final Accounts accounts;

	private final Clock clock;

	Vendors(VendorRepository repository, Accounts accounts, Clock clock) {
		this.repository = repository;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Creates the organisation and its first member, an admin, in one transaction: if the
	 * account cannot be created, no organisation is left without members.
	 */
	@Transactional
	public Membership signUp(String organisationName, NewAccount firstMember) {
		String name = checkedName(organisationName, "organisationName");
		Vendor vendor = new Vendor(UUID.randomUUID(), name, clock.instant());
		try {
			repository.insert(vendor, nameKey(name));
		}
		catch (DuplicateKeyException taken) {
			throw new InvalidInput("organisationName", "vendor.name.taken");
		}
		Account admin = accounts.register(new NewAccount(firstMember.email(), firstMember.displayName(),
				firstMember.password(), AccountKind.VENDOR_MEMBER, firstMember.locale()));
		repository.addMember(vendor.id(), admin.id(), VendorRole.ADMIN, clock.instant());
		return membershipOf(admin.id()).orElseThrow();
	}

	/**
	 * Keeps a vendor of another hub (a provider on the open market platform
	 * {@code origin}), so that its offers sit beside local ones; it has no members here.
	 * @return its id on this hub
	 */
	@Transactional
	public UUID fromMarket(String origin, String name) {
		Vendor vendor = new Vendor(UUID.randomUUID(), marketName(name), clock.instant());
		repository.insertFromMarket(vendor, origin);
		return vendor.id();
	}

	/** A vendor of another hub takes the name its platform gives now. */
	@Transactional
	public void renameFromMarket(UUID vendorId, String name) {
		repository.renameFromMarket(vendorId, marketName(name));
	}

	private static String marketName(String name) {
		String trimmed = name == null ? "" : name.strip();
		return trimmed.isEmpty() ? "(no name)" : trimmed.substring(0, Math.min(200, trimmed.length()));
	}

	/** The name as stored: trimmed, 1 to 200 characters. */
	static String checkedName(String name, String field) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new InvalidInput(field, "vendor.name.invalid");
		}
		return trimmed;
	}

	/** Two names that differ only in case or inner spacing are the same vendor name. */
	static String nameKey(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	public Optional<Membership> membershipOf(UUID accountId) {
		return repository.membershipOf(accountId);
	}

	/**
	 * The member's own membership, for a console request; a vendor account always has
	 * one.
	 */
	public Membership requireMembership(UUID accountId) {
		return membershipOf(accountId).orElseThrow(() -> new AccessDeniedException("not a vendor member"));
	}

	public Membership requireAdmin(UUID accountId) {
		Membership membership = requireMembership(accountId);
		if (!membership.isAdmin()) {
			throw new AccessDeniedException("only a vendor admin may do this");
		}
		return membership;
	}

	public List<Member> members(UUID vendorId) {
		return repository.members(vendorId)
			.stream()
			.map(m -> accounts.findById(m.accountId())
				.map(account -> new Member(account.id(), account.displayName(), account.email(), m.role(),
						m.joinedAt()))
				.orElseThrow())
			.toList();
	}

	public long count() {
		return repository.count();
	}

	public record Member(UUID accountId, String displayName, String email, VendorRole role, Instant joinedAt) {
	}

}
