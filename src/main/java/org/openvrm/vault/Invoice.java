package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice read from an e-invoice (EN 16931: UBL 2.1, UN/CEFACT CII, or Factur-X/ZUGFeRD PDF).
 * {@code document} is the original file, kept in the vault's documents; {@code vendorId} is the
 * hub vendor that pushed it, null for one the person imported.
 */
public record Invoice(UUID id, Syntax syntax, String seller, String sellerVatId, String number, LocalDate issueDate,
		LocalDate dueDate, String currency, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grossTotal,
		List<Line> lines, UUID document, Instant importedAt, UUID vendorId) {

	public enum Syntax {

		UBL, CII, FACTUR_X
	}

	public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal total) {
	}

	Invoice stored(UUID id, UUID document, Instant importedAt, UUID pushedBy) {
		return new Invoice(id, syntax, seller, sellerVatId, number, issueDate, dueDate, currency, netTotal, taxTotal,
				grossTotal, lines, document, importedAt, pushedBy);
	}

	@Override
	public String toString() {
		return "Invoice[" + id + "]";
	}
}
