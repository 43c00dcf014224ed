package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.openvrm.vault.Invoice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an e-invoice itself declares at document level, read where the syntax bindings of
 * EN 16931 put it (part 3-2 for UBL, 3-3 for CII; ZUGFeRD 1.0 has the same elements under
 * older names): BT-1 number, BT-2 issue date, BT-9 due date, BT-5 currency, BT-27/BT-28
 * seller (its trading name when it has one), BT-31 seller VAT id, and the totals BT-106
 * (sum of lines), BT-109 (without VAT), BT-110 (VAT), BT-112 (with VAT) and BT-115
 * (amount due). These are what the person owes, whatever the lines add up to. Elements
 * are found by local name, so every CII version reads alike.
 */
record DeclaredInvoice(String number, LocalDate issueDate, LocalDate dueDate, String currency, String seller,
		String sellerVatId, BigDecimal lineTotal, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grossTotal,
		BigDecimal payable, List<Invoice.Line> lines) {

	/**
	 * Where each value sits in one syntax, as paths of local names from the root element.
	 */
	private record Binding(String number, String issueDate, String dueDate, String currency, String tradingName,
			String legalName, String sellerVatId, String lineTotal, String netTotal, String taxTotal, String grossTotal,
			String payable, DateTimeFormatter dates, LineBinding line) {
	}

	/**
	 * A line (BG-25) and, from it, BT-153 item name, BT-129 quantity, BT-146 net price,
	 * BT-131 net amount.
	 */
	private record LineBinding(String line, String name, String quantity, String price, String total) {
	}

	/**
	 * What the lines' net amounts (BT-131) add up to, when that is not the sum the
	 * invoice declares (BT-106; rule BR-CO-10): the person sees both. Null when they
	 * agree or cannot be compared.
	 */
	BigDecimal linesAddUpToOtherwise() {
		if (lineTotal == null || lines.isEmpty() || lines.stream().anyMatch(line -> line.total() == null)) {
			return null;
		}
		BigDecimal sum = lines.stream().map(Invoice.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.compareTo(lineTotal) == 0 ? null : sum;
	}

	private static final DateTimeFormatter CII_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String UBL_SELLER = "AccountingSupplierParty/Party/";

	private static final String UBL_TOTALS = "LegalMonetaryTotal/";

	private static final Binding UBL = new Binding("ID", "IssueDate", "DueDate|PaymentMeans/PaymentDueDate",
			"DocumentCurrencyCode", UBL_SELLER + "PartyName/Name", UBL_SELLER + "PartyLegalEntity/RegistrationName",
			UBL_SELLER + "PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID", UBL_TOTALS + "LineExtensionAmount",
			UBL_TOTALS + "TaxExclusiveAmount", "TaxTotal/TaxAmount", UBL_TOTALS + "TaxInclusiveAmount",
			UBL_TOTALS + "PayableAmount", DateTimeFormatter.ISO_LOCAL_DATE,
			new LineBinding("InvoiceLine|CreditNoteLine", "Item/Name", "InvoicedQuantity|CreditedQuantity",
					"Price/PriceAmount", "LineExtensionAmount"));

	private static Binding cii(String document, String trade, String agreement, String settlement, String summation,
			LineBinding line) {
		String seller = trade + "/" + agreement + "/SellerTradeParty/";
		String sums = trade + "/" + settlement + "/" + summation + "/";
		return new Binding(document + "/ID", document + "/IssueDateTime/DateTimeString",
				trade + "/" + settlement + "/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString",
				trade + "/" + settlement + "/InvoiceCurrencyCode",
				seller + "SpecifiedLegalOrganization/TradingBusinessName", seller + "Name",
				seller + "SpecifiedTaxRegistration/ID[@schemeID='VA']", sums + "LineTotalAmount",
				sums + "TaxBasisTotalAmount", sums + "TaxTotalAmount", sums + "GrandTotalAmount",
				sums + "DuePayableAmount", CII_DATE, line);
	}

	/** UN/CEFACT CII D16B, as EN 16931, Factur-X and ZUGFeRD 2 use it. */
	private static final Binding CII = cii("ExchangedDocument", "SupplyChainTradeTransaction",
			"ApplicableHeaderTradeAgreement", "ApplicableHeaderTradeSettlement",
			"SpecifiedTradeSettlementHeaderMonetarySummation",
			new LineBinding("SupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem",
					"SpecifiedTradeProduct/Name", "SpecifiedLineTradeDelivery/BilledQuantity",
					"SpecifiedLineTradeAgreement/NetPriceProductTradePrice/ChargeAmount",
					"SpecifiedLineTradeSettlement/SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount"));

	/** ZUGFeRD 1.0's CrossIndustryDocument. */
	private static final Binding ZUGFERD_1 = cii("HeaderExchangedDocument", "SpecifiedSupplyChainTradeTransaction",
			"ApplicableSupplyChainTradeAgreement", "ApplicableSupplyChainTradeSettlement",
			"SpecifiedTradeSettlementMonetarySummation",
			new LineBinding("SpecifiedSupplyChainTradeTransaction/IncludedSupplyChainTradeLineItem",
					"SpecifiedTradeProduct/Name", "SpecifiedSupplyChainTradeDelivery/BilledQuantity",
					"SpecifiedSupplyChainTradeAgreement/NetPriceProductTradePrice/ChargeAmount",
					"SpecifiedSupplyChainTradeSettlement/SpecifiedTradeSettlementMonetarySummation/LineTotalAmount"));

	static final String ZUGFERD_1_NAMESPACE = "urn:ferd:CrossIndustryDocument:invoice:1p0";

	static DeclaredInvoice read(Document xml) {
		Element root = xml.getDocumentElement();
		String namespace = String.valueOf(root.getNamespaceURI());
		Binding binding = namespace.startsWith("urn:oasis:names:specification:ubl:") ? UBL
				: namespace.equals(ZUGFERD_1_NAMESPACE) ? ZUGFERD_1 : CII;
		Reading reading = new Reading(root, XPathFactory.newInstance().newXPath());
		String currency = reading.text(binding.currency());
		String trading = reading.text(binding.tradingName());
		return new DeclaredInvoice(reading.text(binding.number()), reading.date(binding.issueDate(), binding.dates()),
				reading.date(binding.dueDate(), binding.dates()), currency,
				trading != null ? trading : reading.text(binding.legalName()), reading.text(binding.sellerVatId()),
				reading.amount(binding.lineTotal(), currency), reading.amount(binding.netTotal(), currency),
				reading.amount(binding.taxTotal(), currency), reading.amount(binding.grossTotal(), currency),
				reading.amount(binding.payable(), currency), lines(reading, binding.line(), currency));
	}

	private static List<Invoice.Line> lines(Reading document, LineBinding binding, String currency) {
		List<Invoice.Line> lines = new ArrayList<>();
		for (Node node : document.all(binding.line())) {
			Reading line = document.on((Element) node);
			lines.add(new Invoice.Line(line.text(binding.name()), line.amount(binding.quantity(), null),
					line.amount(binding.price(), currency), line.amount(binding.total(), currency)));
		}
		return List.copyOf(lines);
	}

	/** The paths of one document, evaluated against its root. */
	private static final class Reading {

		private final Element root;

		private final XPath xpath;

		Reading(Element root, XPath xpath) {
			this.root = root;
			this.xpath = xpath;
		}

		/**
		 * The same document from one of its elements (a line), with the same XPath
		 * engine.
		 */
		Reading on(Element element) {
			return new Reading(element, xpath);
		}

		String text(String path) {
			return first(path).map(Node::getTextContent)
				.map(String::strip)
				.filter(text -> !text.isEmpty())
				.orElse(null);
		}

		LocalDate date(String path, DateTimeFormatter format) {
			String text = text(path);
			if (text == null) {
				return null;
			}
			try {
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, format);
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}

		/**
		 * The amount in the invoice's currency: of the elements found (a VAT total can be
		 * given again in the tax currency, BT-111), the first whose currencyID is the
		 * invoice's or absent.
		 */
		BigDecimal amount(String path, String currency) {
			for (Node node : all(path)) {
				String of = node instanceof Element element ? element.getAttribute("currencyID") : "";
				if (of.isEmpty() || currency == null || of.equals(currency)) {
					try {
						return new BigDecimal(node.getTextContent().strip());
					}
					catch (NumberFormatException unreadable) {
						return null;
					}
				}
			}
			return null;
		}

		private Optional<Node> first(String path) {
			return all(path).stream().findFirst();
		}

		List<Node> all(String paths) {
			List<Node> found = new ArrayList<>();
			for (String path : paths.split("\\|")) {
				try {
					NodeList nodes = (NodeList) xpath.evaluate(byLocalName(path), root, XPathConstants.NODESET);
					for (int i = 0; i < nodes.getLength(); i++) {
						found.add(nodes.item(i));
					}
				}
				catch (XPathExpressionException ex) {
					throw new IllegalStateException("a binding path does not compile: " + path, ex);
				}
				if (!found.isEmpty()) {
					return found;
				}
			}
			return found;
		}

	}

	/**
	 * {@code A/B[C/D='x']/E[@k='v']} as an XPath over local names, so that the binding
	 * needs no namespace prefixes:
	 * {@code *[local-name()='A']/*[local-name()='B'][*[local-name()='C']/…='x']/…}.
	 */
	static String byLocalName(String path) {
		StringBuilder xpath = new StringBuilder();
		for (String step : steps(path)) {
			if (!xpath.isEmpty()) {
				xpath.append('/');
			}
			int condition = step.indexOf('[');
			String name = condition < 0 ? step : step.substring(0, condition);
			xpath.append("*[local-name()='").append(name).append("']");
			if (condition >= 0) {
				String inner = step.substring(condition + 1, step.length() - 1);
				int equals = inner.indexOf('=');
				String left = inner.substring(0, equals);
				xpath.append('[')
					.append(left.startsWith("@") ? left : byLocalName(left))
					.append(inner.substring(equals))
					.append(']');
			}
		}
		return xpath.toString();
	}

	/** Splits at the slashes that are not inside a condition. */
	private static List<String> steps(String path) {
		List<String> steps = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			depth += c == '[' ? 1 : c == ']' ? -1 : 0;
			if (c == '/' && depth == 0) {
				steps.add(path.substring(start, i));
				start = i + 1;
			}
		}
		steps.add(path.substring(start));
		return steps;
	}
}
