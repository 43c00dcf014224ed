package org.openvrm.vault.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.openvrm.platform.InvalidInput;
import org.xml.sax.SAXException;

/**
 * An ISO 20022 camt.053 bank-to-customer statement (any version; 001.02, the one most
 * banks send, and 001.08 are also checked against their published XSD, shipped in
 * {@code vault/}). Read as a stream, so that a statement of 200,000 entries needs no tree
 * of them in memory, and with DTDs and external entities refused as for e-invoices. One
 * row per booked entry ({@code Ntry}): its amount signed by {@code CdtDbtInd} (a reversal
 * is booked with the indicator that undoes the original, so the indicator alone gives the
 * sign), its booking date as written (a date-time's date part), the other party (the
 * creditor of a debit, the debtor of a credit) and the unstructured remittance
 * information, else the entry's additional information. Pending and information-only
 * entries are not the person's money yet and are left out.
 */
final class Camt053Statement {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

	/** The versions whose published XSD is shipped and checked against. */
	private static final Map<String, String> SCHEMAS = Map.of(NAMESPACE_PREFIX + "001.02", "/vault/camt.053.001.02.xsd",
			NAMESPACE_PREFIX + "001.08", "/vault/camt.053.001.08.xsd");

	private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

	/**
	 * ISO 20022's ActiveOrHistoricCurrencyAndAmount: up to 18 digits, at most 5 of them
	 * decimals.
	 */
	private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");

	private Camt053Statement() {
	}

	/** True when the file's first element is a camt.053 document. */
	static boolean is(byte[] file) {
		String namespace = rootNamespace(file);
		return namespace != null && namespace.startsWith(NAMESPACE_PREFIX);
	}

	/**
	 * @return rows of {@link StatementFile#COLUMNS}
	 * @throws InvalidInput {@code xml.doctype}, {@code xml.malformed} or
	 * {@code import.camt.invalid}
	 */
	static List<List<String>> read(byte[] file, boolean checkSchema) {
		String namespace = rootNamespace(file); // refuses a DOCTYPE before anything else
												// reads the file
		Entries entries = new Entries();
		try {
			XMLStreamReader xml = reader(file);
			while (xml.hasNext()) {
				entries.on(xml.next(), xml);
			}
		}
		catch (XMLStreamException malformed) {
			throw new InvalidInput("file", "xml.malformed");
		}
		if (entries.rows.isEmpty()) {
			throw new InvalidInput("file", "import.csv.empty");
		}
		if (checkSchema && SCHEMAS.containsKey(namespace)) {
			// A pass of its own: Xerces validating its own parse is twice as fast as
			// validating a StAX stream.
			validate(file, namespace);
		}
		return entries.rows;
	}

	/** The rows of the entries, gathered from the stream's events. */
	private static final class Entries {

		final List<List<String>> rows = new ArrayList<>();

		private final List<String> path = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private Entry entry;

		void on(int event, XMLStreamReader xml) {
			switch (event) {
				case XMLStreamConstants.DTD -> throw new InvalidInput("file", "xml.doctype");
				case XMLStreamConstants.START_ELEMENT -> {
					String name = xml.getLocalName();
					// Inside an entry, each element's path from it
					// ("NtryDtls/TxDtls/RmtInf/Ustrd"), built once.
					String parent = path.isEmpty() ? null : path.get(path.size() - 1);
					path.add(entry == null ? name : parent.isEmpty() ? name : parent + "/" + name);
					text.setLength(0);
					if (entry == null && name.equals("Ntry")) {
						entry = new Entry(path.size() - 1);
						path.set(path.size() - 1, "");
					}
					else if (entry != null && path.get(path.size() - 1).equals("Amt")) {
						entry.currency = xml.getAttributeValue(null, "Ccy");
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					if (entry != null) { // only an entry's texts are kept
						text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
				default -> {
				}
			}
		}

		private void end(String name) {
			if (entry != null) {
				if (path.size() - 1 == entry.depth) {
					entry.row().ifPresent(rows::add);
					entry = null;
				}
				else {
					entry.take(path.get(path.size() - 1), text.toString().strip());
				}
			}
			if (rows.size() > CsvStatement.MAX_ROWS) {
				throw new InvalidInput("file", "import.csv.too-many-rows");
			}
			path.remove(path.size() - 1);
			text.setLength(0);
		}

	}

	/** What one entry says, gathered as the stream passes its elements. */
	private static final class Entry {

		final int depth;

		String amount, currency, direction, status, booked, valued, creditor, debtor, information;

		final List<String> remittance = new ArrayList<>();

		Entry(int depth) {
			this.depth = depth;
		}

		void take(String where, String value) {
			if (value.isEmpty()) {
				return;
			}
			switch (where) {
				case "Amt" -> amount = value;
				case "CdtDbtInd" -> direction = value;
				case "Sts", "Sts/Cd" -> status = value;
				case "BookgDt/Dt", "BookgDt/DtTm" -> booked = value;
				case "ValDt/Dt", "ValDt/DtTm" -> valued = value;
				case "AddtlNtryInf" -> information = information == null ? value : information;
				default -> details(where, value);
			}
		}

		private void details(String where, String value) {
			if (!where.startsWith("NtryDtls/TxDtls/")) {
				return;
			}
			String detail = where.substring("NtryDtls/TxDtls/".length());
			switch (detail) {
				case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> creditor = creditor == null ? value : creditor;
				case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> debtor = debtor == null ? value : debtor;
				case "RmtInf/Ustrd" -> remittance.add(value);
				case "AddtlTxInf" -> information = information == null ? value : information;
				default -> {
				}
			}
		}

		Optional<List<String>> row() {
			if (status != null && !status.equals("BOOK")) {
				return Optional.empty();
			}
			boolean debit = "DBIT".equals(direction);
			if (amount == null || (!debit && !"CRDT".equals(direction))) {
				throw new InvalidInput("file", "import.camt.invalid");
			}
			String date = booked != null ? booked : valued;
			if (!AMOUNT.matcher(amount).matches()) { // also keeps "1E+900000000" from
														// being written out in full
				throw new InvalidInput("file", "import.camt.invalid");
			}
			BigDecimal size = new BigDecimal(amount);
			String signed = (debit ? size.negate() : size).toPlainString();
			String description = remittance.isEmpty() ? information : String.join("; ", remittance);
			String party = debit ? creditor : debtor;
			return Optional.of(List.of(date == null ? "" : date.substring(0, Math.min(10, date.length())), signed,
					currency == null ? "" : currency, description == null ? "" : description,
					party == null ? "" : party));
		}

	}

	private static void validate(byte[] file, String namespace) {
		Schema schema = COMPILED.computeIfAbsent(namespace, Camt053Statement::schema);
		Validator validator = schema.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new ByteArrayInputStream(file)));
		}
		catch (SAXException notTheSchema) {
			throw new InvalidInput("file", "import.camt.invalid");
		}
		catch (IOException unreadable) {
			throw new InvalidInput("file", "xml.malformed");
		}
	}

	private static Schema schema(String namespace) {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(Camt053Statement.class.getResource(SCHEMAS.get(namespace)));
		}
		catch (SAXException broken) {
			throw new IllegalStateException("the shipped camt.053 schema does not compile", broken);
		}
	}

	private static String rootNamespace(byte[] file) {
		try {
			XMLStreamReader xml = reader(file);
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new InvalidInput("file", "xml.doctype");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					return xml.getNamespaceURI();
				}
			}
			return null;
		}
		catch (XMLStreamException notXml) {
			return null;
		}
	}

	/**
	 * No DTD processing and no external entities: a DOCTYPE is seen as an event and
	 * refused.
	 */
	private static XMLStreamReader reader(byte[] file) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		return factory.createXMLStreamReader(new ByteArrayInputStream(file));
	}

}
