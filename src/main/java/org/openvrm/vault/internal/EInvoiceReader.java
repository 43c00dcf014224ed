package org.openvrm.vault.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.mustangproject.CalculatedInvoice;
import org.mustangproject.ZUGFeRD.IZUGFeRDExportableItem;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.Invoice;
import org.openvrm.vault.Invoice.Syntax;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * Reads an e-invoice into an {@link Invoice}: UBL 2.1 and UN/CEFACT CII as XML, Factur-X/ZUGFeRD as
 * a PDF with the CII XML attached. The Mustang library does the reading; every XML goes through
 * {@link SafeXml} first, so that a DOCTYPE (XXE) or a malformed file is refused with a clear
 * reason before any library sees it.
 */
@Component
public class EInvoiceReader {

	private static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

	private static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

	private static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

	/** @throws InvalidInput (field {@code file}) naming what is wrong with the file */
	public Invoice read(byte[] file) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		if (isPdf(file)) {
			ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter();
			try {
				importer.setInputStream(new ByteArrayInputStream(file));
			}
			catch (RuntimeException unreadable) {
				throw new InvalidInput("file", "invoice.pdf-without-xml");
			}
			String xml = importer.getUTF8();
			if (xml == null || xml.isBlank()) {
				throw new InvalidInput("file", "invoice.pdf-without-xml");
			}
			if (syntax(xml.getBytes(StandardCharsets.UTF_8)) != Syntax.CII) {
				throw new InvalidInput("file", "invoice.not-e-invoice");
			}
			return extract(importer, Syntax.FACTUR_X);
		}
		Syntax syntax = syntax(file);
		ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter();
		try {
			importer.setRawXML(file);
		}
		catch (Exception unreadable) {
			throw new InvalidInput("file", "invoice.unreadable");
		}
		return extract(importer, syntax);
	}

	private static Syntax syntax(byte[] xml) {
		Element root = SafeXml.parse(xml, "file").getDocumentElement();
		String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
		if (namespace.equals(UBL_INVOICE) || namespace.equals(UBL_CREDIT_NOTE)) {
			return Syntax.UBL;
		}
		if (namespace.equals(CII)) {
			return Syntax.CII;
		}
		throw new InvalidInput("file", "invoice.not-e-invoice");
	}

	private static Invoice extract(ZUGFeRDInvoiceImporter importer, Syntax syntax) {
		CalculatedInvoice read = new CalculatedInvoice();
		try {
			importer.doIgnoreCalculationErrors();
			importer.extractInto(read);
			read.calculate();
		}
		catch (Exception | LinkageError unreadable) {
			throw new InvalidInput("file", "invoice.unreadable");
		}
		if (read.getNumber() == null || read.getNumber().isBlank() || read.getSender() == null) {
			throw new InvalidInput("file", "invoice.unreadable");
		}
		List<Invoice.Line> lines = Arrays.stream(read.getZFItems() == null ? new IZUGFeRDExportableItem[0] : read.getZFItems())
			.map(EInvoiceReader::line)
			.toList();
		return new Invoice(null, syntax, text(read.getSender().getName()), text(read.getSender().getVATID()),
				read.getNumber().strip(), day(read.getIssueDate()), day(read.getDueDate()), text(read.getCurrency()),
				money(read.getTaxBasis()), money(read.getVATtotal()), money(read.getGrandTotal()), lines, null, null, null);
	}

	private static Invoice.Line line(IZUGFeRDExportableItem item) {
		BigDecimal quantity = item.getQuantity();
		BigDecimal price = item.getPrice();
		BigDecimal total = quantity == null || price == null ? null : quantity.multiply(price);
		return new Invoice.Line(item.getProduct() == null ? null : text(item.getProduct().getName()), plain(quantity),
				money(price), money(total));
	}

	private static boolean isPdf(byte[] file) {
		return file.length > 4 && file[0] == '%' && file[1] == 'P' && file[2] == 'D' && file[3] == 'F';
	}

	/** Mustang reads dates at midnight in the JVM's zone. */
	private static LocalDate day(Date date) {
		return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	private static BigDecimal plain(BigDecimal amount) {
		return amount == null ? null : amount.stripTrailingZeros();
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
