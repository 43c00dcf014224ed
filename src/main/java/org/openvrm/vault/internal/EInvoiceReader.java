package org.openvrm.vault.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.openvrm.platform.InvalidInput;
import org.openvrm.platform.MinorUnit;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoice.Syntax;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * Reads an e-invoice into an {@link Invoice}: UBL 2.1 and UN/CEFACT CII (also ZUGFeRD
 * 1.0's older form) as XML, Factur-X/ZUGFeRD as a PDF with the XML attached, which the
 * Mustang library takes out. The values are the ones the invoice declares
 * ({@link DeclaredInvoice}), not totals recomputed from its lines: those are what the
 * person owes, and a recomputation went wrong on invoices with allowances, charges or
 * lines in another unit. The EN 16931 business rules it breaks come with it as warnings
 * ({@link BusinessRules}). Every XML goes through {@link SafeXml} first, so that a
 * DOCTYPE (XXE) or a malformed file is refused with a clear reason.
 */
@Component
public class EInvoiceReader {

	private static final String UBL_INVOICE = BusinessRules.UBL_INVOICE;

	private static final String UBL_CREDIT_NOTE = BusinessRules.UBL_CREDIT_NOTE;

	private static final String CII = BusinessRules.CII;

	/**
	 * @throws InvalidInput (field {@code file}) naming what is wrong with the file
	 */
	public Invoice read(byte[] file) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		if (isPdf(file)) {
			byte[] xml = attachedXml(file);
			Document document = SafeXml.parse(xml, "file");
			if (syntax(document) != Syntax.CII) {
				throw new InvalidInput("file", "invoice.not-e-invoice");
			}
			return invoice(DeclaredInvoice.read(document), Syntax.FACTUR_X, document);
		}
		Document document = SafeXml.parse(file, "file");
		return invoice(DeclaredInvoice.read(document), syntax(document), document);
	}

	private static byte[] attachedXml(byte[] pdf) {
		ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter();
		try {
			importer.setInputStream(new ByteArrayInputStream(pdf));
		}
		catch (RuntimeException unreadable) {
			throw new InvalidInput("file", "invoice.pdf-without-xml");
		}
		String xml = importer.getUTF8();
		if (xml == null || xml.isBlank()) {
			throw new InvalidInput("file", "invoice.pdf-without-xml");
		}
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	private static Syntax syntax(Document xml) {
		Element root = xml.getDocumentElement();
		String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
		if (namespace.equals(UBL_INVOICE) || namespace.equals(UBL_CREDIT_NOTE)) {
			return Syntax.UBL;
		}
		if (namespace.equals(CII) || namespace.equals(DeclaredInvoice.ZUGFERD_1_NAMESPACE)) {
			return Syntax.CII;
		}
		throw new InvalidInput("file", "invoice.not-e-invoice");
	}

	/** Refused without the number, the seller, the currency or the total it declares. */
	private static Invoice invoice(DeclaredInvoice declared, Syntax syntax, Document document) {
		String currency = declared.currency();
		if (declared.number() == null || declared.seller() == null || currency == null
				|| (declared.grossTotal() == null && declared.payable() == null)) {
			throw new InvalidInput("file", "invoice.unreadable");
		}
		List<Invoice.Line> lines = declared.lines()
			.stream()
			.map(line -> new Invoice.Line(line.description(), plain(line.quantity()),
					MinorUnit.amount(line.unitPrice(), currency), MinorUnit.amount(line.total(), currency)))
			.toList();
		return new Invoice(null, syntax, declared.seller(), declared.sellerVatId(), declared.number(),
				declared.issueDate(), declared.dueDate(), currency, MinorUnit.amount(declared.netTotal(), currency),
				MinorUnit.amount(declared.taxTotal(), currency),
				MinorUnit.amount(declared.grossTotal() != null ? declared.grossTotal() : declared.payable(), currency),
				MinorUnit.amount(declared.lineTotal(), currency), MinorUnit.amount(declared.payable(), currency),
				MinorUnit.amount(declared.linesAddUpToOtherwise(), currency), lines, BusinessRules.check(document),
				null, null, null);
	}

	private static boolean isPdf(byte[] file) {
		return file.length > 4 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F';
	}

	private static BigDecimal plain(BigDecimal amount) {
		return amount == null ? null : amount.stripTrailingZeros();
	}

}
