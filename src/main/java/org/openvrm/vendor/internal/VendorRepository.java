package org.openvrm.vendor.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openvrm.vendor.Invitation;
import org.openvrm.vendor.Membership;
import org.openvrm.vendor.Vendor;
import org.openvrm.vendor.VendorRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VendorRepository {

	private final JdbcClient jdbc;

	VendorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Vendor vendor, String nameKey) {
		jdbc.sql("INSERT INTO vendor (id, name, name_key, created_at) VALUES (?, ?, ?, ?)")
			.params(vendor.id(), vendor.name(), nameKey, utc(vendor.createdAt()))
			.update();
	}

	public void addMember(UUID vendorId, UUID accountId, VendorRole role, Instant joinedAt) {
		jdbc.sql("INSERT INTO vendor_member (account_id, vendor_id, role, joined_at) VALUES (?, ?, ?, ?)")
			.params(accountId, vendorId, role.name(), utc(joinedAt))
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
					invitedBy, utc(invitation.createdAt()), utc(invitation.expiresAt()))
			.update();
	}

	public List<Invitation> pendingInvitations(UUID vendorId, Instant now) {
		return jdbc.sql("""
				SELECT * FROM vendor_invitation
				WHERE vendor_id = ? AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at DESC
				""").params(vendorId, utc(now)).query(VendorRepository::invitation).list();
	}

	public Optional<Invitation> pendingInvitationByCode(String codeHash, Instant now) {
		return jdbc.sql("""
				SELECT * FROM vendor_invitation WHERE code_hash = ? AND accepted_at IS NULL AND expires_at > ?
				""").params(codeHash, utc(now)).query(VendorRepository::invitation).optional();
	}

	/** Marks the invitation accepted; false when someone else accepted it first. */
	public boolean markAccepted(UUID invitationId, Instant now) {
		return jdbc.sql("UPDATE vendor_invitation SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL")
			.params(utc(now), invitationId)
			.update() == 1;
	}

	public boolean deleteInvitation(UUID vendorId, UUID invitationId) {
		return jdbc.sql("DELETE FROM vendor_invitation WHERE id = ? AND vendor_id = ? AND accepted_at IS NULL")
			.params(invitationId, vendorId)
			.update() == 1;
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		Vendor vendor = new Vendor(rs.getObject("id", UUID.class), rs.getString("name"), instant(rs, "created_at"));
		return new Membership(rs.getObject("account_id", UUID.class), vendor, VendorRole.valueOf(rs.getString("role")),
				instant(rs, "joined_at"));
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
				rs.getString("email"), VendorRole.valueOf(rs.getString("role")), instant(rs, "created_at"),
				instant(rs, "expires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
