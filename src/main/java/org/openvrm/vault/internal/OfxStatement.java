package org.openvrm.vault.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openvrm.platform.InvalidInput;

import com.webcohesion.ofx4j.domain.data.MessageSetType;
import com.webcohesion.ofx4j.domain.data.ResponseEnvelope;
import com.webcohesion.ofx4j.domain.data.banking.BankStatementResponseTransaction;
import com.webcohesion.ofx4j.domain.data.banking.BankingResponseMessageSet;
import com.webcohesion.ofx4j.domain.data.common.StatementResponse;
import com.webcohesion.ofx4j.domain.data.common.Transaction;
import com.webcohesion.ofx4j.domain.data.creditcard.CreditCardResponseMessageSet;
import com.webcohesion.ofx4j.domain.data.creditcard.CreditCardStatementResponseTransaction;
import com.webcohesion.ofx4j.io.AggregateUnmarshaller;
import com.webcohesion.ofx4j.io.DefaultStringConversion;
import com.webcohesion.ofx4j.io.OFXParseException;

/**
 * An OFX or QFX statement (1.x SGML, with the end tags it may leave out, and 2.x XML),
 * bank and credit card accounts alike, read by ofx4j. One row per {@code STMTTRN}: the
 * day it was posted as written (the first eight digits of {@code DTPOSTED}; a time zone
 * does not move it to another day), {@code TRNAMT} with its own sign, the statement's
 * currency, the memo (else the name) and the name or payee. A DOCTYPE or entity
 * declaration is refused before the library reads anything.
 */
final class OfxStatement {

	private OfxStatement() {
	}

	static boolean is(String start) {
		String head = start.length() > 2048 ? start.substring(0, 2048) : start;
		String upper = head.toUpperCase(Locale.ROOT);
		return upper.stripLeading().startsWith("OFXHEADER:") || upper.contains("<?OFX") || upper.contains("<OFX>");
	}

	/**
	 * @return rows of {@link StatementFile#COLUMNS}
	 */
	static List<List<String>> read(byte[] file) {
		String latin = new String(file, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
		if (latin.contains("<!DOCTYPE") || latin.contains("<!ENTITY")) {
			throw new InvalidInput("file", "xml.doctype");
		}
		ResponseEnvelope envelope;
		try {
			AggregateUnmarshaller<ResponseEnvelope> unmarshaller = new AggregateUnmarshaller<>(ResponseEnvelope.class);
			unmarshaller.setConversion(new DayAsWritten());
			envelope = unmarshaller.unmarshal(new StringReader(new String(file, charset(latin))));
		}
		catch (OFXParseException | RuntimeException unreadable) {
			throw new InvalidInput("file", "import.ofx.invalid");
		}
		List<List<String>> rows = new ArrayList<>();
		for (StatementResponse statement : statements(envelope)) {
			String currency = statement.getCurrencyCode() == null ? ""
					: statement.getCurrencyCode().toUpperCase(Locale.ROOT);
			if (statement.getTransactionList() == null || statement.getTransactionList().getTransactions() == null) {
				continue;
			}
			for (Transaction transaction : statement.getTransactionList().getTransactions()) {
				rows.add(row(transaction, currency));
				if (rows.size() > CsvStatement.MAX_ROWS) {
					throw new InvalidInput("file", "import.csv.too-many-rows");
				}
			}
		}
		if (rows.isEmpty()) {
			throw new InvalidInput("file", "import.csv.empty");
		}
		return rows;
	}

	/**
	 * The file's character set, which ofx4j would take to be ISO-8859-1 whatever it says:
	 * an OFX 2.x file's XML declaration (UTF-8 when it names none); an OFX 1.x file's
	 * {@code CHARSET} header (1252 is Windows-1252, with its €), or UTF-8 when its
	 * {@code ENCODING} says so.
	 */
	static Charset charset(String upperHead) {
		Matcher declared = XML_ENCODING.matcher(upperHead);
		if (upperHead.contains("<?XML") || upperHead.contains("<?OFX")) {
			return declared.find() ? known(declared.group(1), StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
		}
		if (upperHead.contains("ENCODING:UTF-8")) {
			return StandardCharsets.UTF_8;
		}
		Matcher charset = SGML_CHARSET.matcher(upperHead);
		if (charset.find()) {
			String name = charset.group(1);
			return name.matches("\\d+") ? known("windows-" + name, WINDOWS_1252) : known(name, WINDOWS_1252);
		}
		return WINDOWS_1252;
	}

	private static Charset known(String name, Charset otherwise) {
		try {
			return Charset.forName(name);
		}
		catch (IllegalArgumentException unknown) {
			return otherwise;
		}
	}

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Pattern XML_ENCODING = Pattern.compile("ENCODING=\"([A-Z0-9_-]+)\"");

	private static final Pattern SGML_CHARSET = Pattern.compile("CHARSET:\\s*([A-Z0-9_-]+)");

	private static List<StatementResponse> statements(ResponseEnvelope envelope) {
		List<StatementResponse> statements = new ArrayList<>();
		if (envelope.getMessageSet(MessageSetType.banking) instanceof BankingResponseMessageSet banking
				&& banking.getStatementResponses() != null) {
			for (BankStatementResponseTransaction response : banking.getStatementResponses()) {
				if (response.getMessage() != null) {
					statements.add(response.getMessage());
				}
			}
		}
		if (envelope.getMessageSet(MessageSetType.creditcard) instanceof CreditCardResponseMessageSet cards
				&& cards.getStatementResponses() != null) {
			for (CreditCardStatementResponseTransaction response : cards.getStatementResponses()) {
				if (response.getMessage() != null) {
					statements.add(response.getMessage());
				}
			}
		}
		return statements;
	}

	private static List<String> row(Transaction transaction, String currency) {
		BigDecimal amount = transaction.getBigDecimalAmount();
		Date posted = transaction.getDatePosted();
		// 18 digits before the point at most: "1E+900000000" must not be written out in
		// full.
		if (amount == null || posted == null || amount.precision() - amount.scale() > 18 || amount.scale() > 8) {
			throw new InvalidInput("file", "import.ofx.invalid");
		}
		String name = transaction.getName() != null ? transaction.getName()
				: transaction.getPayee() != null ? transaction.getPayee().getName() : null;
		String memo = transaction.getMemo();
		String description = memo != null && !memo.isBlank() ? memo : name;
		return List.of(LocalDate.ofInstant(posted.toInstant(), ZoneOffset.UTC).toString(), amount.toPlainString(),
				currency, description == null ? "" : description.strip(), name == null ? "" : name.strip());
	}

	/**
	 * Dates as the day written, at midnight UTC: "20261031235959.000[-4:EDT]" is the
	 * 31st, not the 1st of the next month as an instant in UTC would make it.
	 */
	private static final class DayAsWritten extends DefaultStringConversion {

		@Override
		protected Date parseDate(String value) {
			String digits = value == null ? "" : value.strip();
			if (digits.length() < 8 || !digits.substring(0, 8).chars().allMatch(Character::isDigit)) {
				return super.parseDate(value);
			}
			LocalDate day = LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
					Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
			return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
		}

	}

}
