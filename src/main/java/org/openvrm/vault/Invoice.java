package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice read from an e-invoice (EN 16931: UBL 2.1, UN/CEFACT CII, or
 * Factur-X/ZUGFeRD PDF), with the totals it declares: {@code netTotal} BT-109,
 * {@code taxTotal} BT-110, {@code grossTotal} BT-112, {@code lineTotal} BT-106 and
 * {@code payable} BT-115 (null in invoices stored before these were kept).
 * {@code linesAddUpTo} is what its lines add up to when that is not {@code lineTotal},
 * for the person to see; otherwise null. {@code warnings} are the EN 16931 business rules
 * the invoice breaks (empty when it breaks none; null when it was not checked: ZUGFeRD
 * 1.0, or stored before the check). {@code document} is the original file, kept in the
 * vault's documents; {@code vendorId} is the hub vendor that pushed it or through whose
 * mail address it came, null for one the person imported.
 */
public record Invoice(UUID id, Syntax syntax, String seller, String sellerVatId, String number, LocalDate issueDate,
		LocalDate dueDate, String currency, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grossTotal,
		BigDecimal lineTotal, BigDecimal payable, BigDecimal linesAddUpTo, List<Line> lines, List<RuleWarning> warnings,
		UUID document, Instant importedAt, UUID vendorId) {

	public enum Syntax {

		UBL, CII, FACTUR_X

	}

	public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal total) {
	}

	/**
	 * A business rule the invoice breaks: its id in EN 16931 ({@code BR-CO-10};
	 * {@code XSD} for the syntax's schema), the rule's own English text, and whether the
	 * rule's authors flag it as fatal (an invoice a tax authority could refuse) or as a
	 * warning.
	 */
	public record RuleWarning(String rule, String message, boolean fatal) {
	}

	Invoice stored(UUID id, UUID document, Instant importedAt, UUID pushedBy) {
		return new Invoice(id, syntax, seller, sellerVatId, number, issueDate, dueDate, currency, netTotal, taxTotal,
				grossTotal, lineTotal, payable, linesAddUpTo, lines, warnings, document, importedAt, pushedBy);
	}

	@Override
	public String toString() {
		return "Invoice[" + id + "]";
	}
}
