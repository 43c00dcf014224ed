package org.openvrm.vault;

import java.util.UUID;

/**
 * What a hub vendor pushes into a person's vault, before it is sealed. The vault files it
 * at the person's next sign-in: an invoice is parsed into an invoice record and its file
 * kept as a document, a statement becomes transactions, anything else becomes a document.
 *
 * @param kind {@link #INVOICE}, {@link #DOCUMENT} or {@link #TRANSACTIONS}
 * @param content the file, or for transactions the lines as JSON
 */
public record Arrival(String kind, String title, DocumentCategory category, String fileName, String contentType,
		byte[] content, UUID vendorId, String vendorName) {

	public static final String INVOICE = "pushed-invoice";

	public static final String DOCUMENT = "pushed-document";

	public static final String TRANSACTIONS = "pushed-transactions";

	static boolean isFiledAtOpening(String kind) {
		return INVOICE.equals(kind) || DOCUMENT.equals(kind) || TRANSACTIONS.equals(kind);
	}

	@Override
	public String toString() {
		return "Arrival[" + kind + ", " + content.length + " bytes]";
	}
}
