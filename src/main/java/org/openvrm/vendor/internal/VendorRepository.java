package org.openvrm.vendor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.platform.Timestamps;
import org.openvrm.vendor.Invitation;
import org.openvrm.vendor.Membership;
import org.openvrm.vendor.ProfileChange;
import org.openvrm.vendor.Vendor;
import org.openvrm.vendor.VendorProfile;
import org.openvrm.vendor.VendorProfiles.Logo;
import org.openvrm.vendor.VendorRole;
import org.openvrm.vendor.Verification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vendors, their profiles, members and invitations: the vendor module's tables. */
@Repository
public class VendorRepository {

	private static final String COLUMNS = "id, name, description, website, contact, categories, regions, accepted_terms, "
			+ "verification, logo_type, created_at, mail_domains";

	private final JdbcClient jdbc;

	VendorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Vendor vendor, String nameKey) {
		jdbc.sql("INSERT INTO vendor (id, name, name_key, created_at) VALUES (?, ?, ?, ?)")
			.params(vendor.id(), vendor.name(), nameKey, Timestamps.utc(vendor.createdAt()))
			.update();
	}

	/**
	 * A vendor of another hub: {@code origin} names its platform, and its name key is
	 * random, so it never takes (or is taken by) a name on this hub.
	 */
	public void insertFromMarket(Vendor vendor, String origin) {
		jdbc.sql("INSERT INTO vendor (id, name, name_key, origin, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(vendor.id(), vendor.name(), "market:" + vendor.id(), origin, Timestamps.utc(vendor.createdAt()))
			.update();
	}

	/** A vendor of another hub takes the name its platform gives now. */
	public void renameFromMarket(UUID vendorId, String name) {
		jdbc.sql("UPDATE vendor SET name = ? WHERE id = ? AND origin IS NOT NULL").params(name, vendorId).update();
	}

	public void addMember(UUID vendorId, UUID accountId, VendorRole role, Instant joinedAt) {
		jdbc.sql("INSERT INTO vendor_member (account_id, vendor_id, role, joined_at) VALUES (?, ?, ?, ?)")
			.params(accountId, vendorId, role.name(), Timestamps.utc(joinedAt))
			.update();
	}

	public Optional<Membership> membershipOf(UUID accountId) {
		return jdbc.sql("""
				SELECT m.account_id, m.role, m.joined_at, v.id, v.name, v.created_at
				FROM vendor_member m JOIN vendor v ON v.id = m.vendor_id WHERE m.account_id = ?
				""").param(accountId).query(VendorRepository::membership).optional();
	}

	public List<Membership> members(UUID vendorId) {
		return jdbc.sql("""
				SELECT m.account_id, m.role, m.joined_at, v.id, v.name, v.created_at
				FROM vendor_member m JOIN vendor v ON v.id = m.vendor_id WHERE v.id = ? ORDER BY m.joined_at
				""").param(vendorId).query(VendorRepository::membership).list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM vendor").query(Long.class).single();
	}

	public void insertInvitation(Invitation invitation, String codeHash, UUID invitedBy) {
		jdbc.sql(
				"""
						INSERT INTO vendor_invitation (id, vendor_id, email, role, code_hash, invited_by, created_at, expires_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(invitation.id(), invitation.vendorId(), invitation.email(), invitation.role().name(), codeHash,
					invitedBy, Timestamps.utc(invitation.createdAt()), Timestamps.utc(invitation.expiresAt()))
			.update();
	}

	public List<Invitation> pendingInvitations(UUID vendorId, Instant now) {
		return jdbc.sql("""
				SELECT * FROM vendor_invitation
				WHERE vendor_id = ? AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at DESC
				""").params(vendorId, Timestamps.utc(now)).query(VendorRepository::invitation).list();
	}

	public Optional<Invitation> pendingInvitationByCode(String codeHash, Instant now) {
		return jdbc.sql("""
				SELECT * FROM vendor_invitation WHERE code_hash = ? AND accepted_at IS NULL AND expires_at > ?
				""").params(codeHash, Timestamps.utc(now)).query(VendorRepository::invitation).optional();
	}

	/** Marks the invitation accepted; false when someone else accepted it first. */
	public boolean markAccepted(UUID invitationId, Instant now) {
		return jdbc.sql("UPDATE vendor_invitation SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL")
			.params(Timestamps.utc(now), invitationId)
			.update() == 1;
	}

	public boolean deleteInvitation(UUID vendorId, UUID invitationId) {
		return jdbc.sql("DELETE FROM vendor_invitation WHERE id = ? AND vendor_id = ? AND accepted_at IS NULL")
			.params(invitationId, vendorId)
			.update() == 1;
	}

	public Optional<VendorProfile> findProfile(UUID vendorId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor WHERE id = ?")
			.param(vendorId)
			.query(VendorRepository::profile)
			.optional();
	}

	/** Every profile of this hub's vendors (not other hubs'), in no particular order. */
	public List<VendorProfile> profiles() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor WHERE origin IS NULL")
			.query(VendorRepository::profile)
			.list();
	}

	/** Every vendor's profile, the oldest first. */
	public List<VendorProfile> profilesByAge() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM vendor ORDER BY created_at")
			.query(VendorRepository::profile)
			.list();
	}

	/**
	 * Replaces the profile's fields with the checked ones. @throws
	 * org.springframework.dao.DuplicateKeyException for a name another vendor has
	 */
	public void updateProfile(UUID vendorId, ProfileChange checked, String nameKey) {
		jdbc.sql("""
				UPDATE vendor SET name = ?, name_key = ?, description = ?, website = ?, contact = ?, categories = ?,
				regions = ?, accepted_terms = ?, mail_domains = ? WHERE id = ?
				""")
			.params(checked.name(), nameKey, checked.description(), checked.website(), checked.contact(),
					String.join(",", checked.categories()), String.join(",", checked.regions()),
					String.join(",", checked.acceptedTerms()), String.join(",", checked.mailDomains()), vendorId)
			.update();
	}

	public void markUnverified(UUID vendorId) {
		jdbc.sql("UPDATE vendor SET verification = 'UNVERIFIED', verified_at = NULL WHERE id = ?")
			.param(vendorId)
			.update();
	}

	/** Sets the verification; false when there is no such vendor. */
	public boolean verify(UUID vendorId, Verification verification, Instant verifiedAt) {
		return jdbc.sql("UPDATE vendor SET verification = ?, verified_at = ? WHERE id = ?")
			.params(verification.name(), Timestamps.utc(verifiedAt), vendorId)
			.update() != 0;
	}

	public void replaceLogo(UUID vendorId, byte[] bytes, String contentType) {
		jdbc.sql("UPDATE vendor SET logo = ?, logo_type = ? WHERE id = ?")
			.params(bytes, contentType, vendorId)
			.update();
	}

	public Optional<Logo> logo(UUID vendorId) {
		return jdbc.sql("SELECT logo, logo_type FROM vendor WHERE id = ? AND logo IS NOT NULL")
			.param(vendorId)
			.query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type")))
			.optional();
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		Vendor vendor = new Vendor(rs.getObject("id", UUID.class), rs.getString("name"),
				Timestamps.instant(rs, "created_at"));
		return new Membership(rs.getObject("account_id", UUID.class), vendor, VendorRole.valueOf(rs.getString("role")),
				Timestamps.instant(rs, "joined_at"));
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
				rs.getString("email"), VendorRole.valueOf(rs.getString("role")), Timestamps.instant(rs, "created_at"),
				Timestamps.instant(rs, "expires_at"));
	}

	private static VendorProfile profile(ResultSet rs, int row) throws SQLException {
		return new VendorProfile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("website"), rs.getString("contact"), list(rs.getString("categories")),
				list(rs.getString("regions")), list(rs.getString("accepted_terms")),
				Verification.valueOf(rs.getString("verification")), rs.getString("logo_type") != null,
				Timestamps.instant(rs, "created_at"), list(rs.getString("mail_domains")));
	}

	private static List<String> list(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

}
