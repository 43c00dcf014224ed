package org.openvrm.vault.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openvrm.platform.InvalidInput;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field60M;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;

/**
 * A SWIFT MT940 customer statement, as banks export it: one or more messages, each either
 * with its SWIFT blocks ({@code {1:…}{2:…}{4:…-}}) or only block 4's lines ({@code :20:}
 * … {@code -}). Prowide parses the fields. One row per {@code :61:} line: the entry date
 * when given (else the value date), the amount signed by its mark (D and RC are money
 * out, C and RD money in), the currency of the opening balance, and the {@code :86:} text
 * that follows, its structured subfields read where banks use them (Dutch
 * {@code /NAME/…/REMI/…}, German {@code ?20…?32}).
 */
final class Mt940Statement {

	private static final Pattern FIELD_LINE = Pattern.compile("(?m)^:(20|25|28C|60F|61|86|62F):");

	private static final DateTimeFormatter VALUE_DATE = DateTimeFormatter.ofPattern("uuMMdd");

	private static final Pattern DUTCH_SUBFIELD = Pattern.compile("/(NAME|REMI|EREF|IBAN|BIC|TRTP|CSID|MARF)/");

	private static final Pattern GERMAN_SUBFIELD = Pattern.compile("\\?(\\d\\d)");

	/** "166?00GUTSCHRIFT?20…": a business transaction code, then subfields. */
	private static final Pattern GERMAN_STRUCTURE = Pattern.compile("\\d{3}\\?");

	/**
	 * What surrounds the remittance text: "USTD//" or "STRD/CUR/" before it, slashes
	 * after it.
	 */
	private static final Pattern REMITTANCE_MARKS = Pattern.compile("^USTD//|^STRD/CUR/|/+$");

	private static final Pattern TRAILING_COMMA = Pattern.compile(",$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Mt940Statement() {
	}

	/**
	 * Block 4 fields that make a statement: a reference, a balance and at least one
	 * entry.
	 */
	static boolean is(String text) {
		Matcher fields = FIELD_LINE.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
		Set<String> seen = new HashSet<>();
		while (fields.find()) {
			seen.add(fields.group(1));
		}
		return seen.contains("20") && (seen.contains("60F") || seen.contains("61"));
	}

	/**
	 * @return rows of {@link StatementFile#COLUMNS}
	 */
	static List<List<String>> read(String text) {
		List<List<String>> rows = new ArrayList<>();
		for (String message : messages(text)) {
			MT940 mt940;
			try {
				mt940 = MT940.parse(message);
			}
			catch (RuntimeException unreadable) {
				throw new InvalidInput("file", "import.mt940.invalid");
			}
			SwiftBlock4 fields = mt940.getSwiftMessage() == null ? null : mt940.getSwiftMessage().getBlock4();
			if (fields == null) {
				throw new InvalidInput("file", "import.mt940.invalid");
			}
			String currency = currency(mt940);
			List<String> pending = null;
			for (Tag tag : fields.getTags()) {
				if (tag.getName().equals("61")) {
					if (pending != null) {
						rows.add(pending);
					}
					pending = entry(new Field61(tag.getValue()), currency);
				}
				else if (tag.getName().equals("86") && pending != null) {
					pending = described(pending, tag.getValue());
					rows.add(pending);
					pending = null;
				}
			}
			if (pending != null) {
				rows.add(pending);
			}
			if (rows.size() > CsvStatement.MAX_ROWS) {
				throw new InvalidInput("file", "import.csv.too-many-rows");
			}
		}
		if (rows.isEmpty()) {
			throw new InvalidInput("file", "import.csv.empty");
		}
		return rows;
	}

	/**
	 * Each message wrapped in the blocks Prowide expects; lines before the first field (a
	 * bank's file header) dropped.
	 */
	private static List<String> messages(String text) {
		String normal = text.replace("\r\n", "\n").replace('\r', '\n');
		List<String> messages = new ArrayList<>();
		if (normal.contains("{4:")) {
			for (String part : normal.split("(?=\\{1:)")) {
				if (part.contains("{4:")) {
					messages.add(part.replace("\n", "\r\n"));
				}
			}
			return messages;
		}
		StringBuilder current = new StringBuilder();
		for (String line : normal.split("\n")) {
			if (line.strip().equals("-") || line.strip().equals("-}")) {
				add(messages, current);
				current.setLength(0);
			}
			else if (line.startsWith(":20:") && current.length() > 0) {
				add(messages, current);
				current.setLength(0);
				current.append(line).append("\r\n");
			}
			else if (current.length() > 0 || line.startsWith(":20:")) {
				current.append(line).append("\r\n");
			}
		}
		add(messages, current);
		return messages;
	}

	private static void add(List<String> messages, StringBuilder block4) {
		if (!block4.toString().isBlank()) {
			messages.add("{1:F01OPENVRMXAXXX0000000000}{2:I940OPENVRMXXXXXN}{4:\r\n" + block4.toString().stripTrailing()
					+ "\r\n-}");
		}
	}

	private static String currency(MT940 mt940) {
		Field60F first = mt940.getField60F();
		if (first != null && first.getCurrency() != null) {
			return first.getCurrency();
		}
		Field60M intermediate = mt940.getField60M();
		return intermediate == null || intermediate.getCurrency() == null ? "" : intermediate.getCurrency();
	}

	private static List<String> entry(Field61 line, String currency) {
		LocalDate valued = date(line.getValueDate());
		LocalDate booked = entryDate(valued, line.getEntryDate());
		String mark = line.getDebitCreditMark() == null ? "" : line.getDebitCreditMark();
		BigDecimal amount = CsvStatement
			.amount(line.getAmount() == null ? "" : TRAILING_COMMA.matcher(line.getAmount()).replaceAll(""), true);
		if (amount == null || !(mark.equals("D") || mark.equals("C") || mark.equals("RD") || mark.equals("RC"))) {
			throw new InvalidInput("file", "import.mt940.invalid");
		}
		boolean out = mark.equals("D") || mark.equals("RC");
		String reference = line.getSupplementaryDetails();
		return List.of(booked.toString(), (out ? amount.negate() : amount).toPlainString(), currency,
				reference == null ? "" : reference.strip(), "");
	}

	/**
	 * The entry date (MMDD) in the value date's year, or the next one when it runs over
	 * New Year.
	 */
	private static LocalDate entryDate(LocalDate valued, String entry) {
		if (entry == null || entry.length() != 4) {
			return valued;
		}
		try {
			LocalDate booked = LocalDate.of(valued.getYear(), Integer.parseInt(entry.substring(0, 2)),
					Integer.parseInt(entry.substring(2)));
			if (booked.isBefore(valued.minusMonths(6))) {
				return booked.plusYears(1);
			}
			return booked.isAfter(valued.plusMonths(6)) ? booked.minusYears(1) : booked;
		}
		catch (RuntimeException notADate) {
			return valued;
		}
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value == null ? "" : value, VALUE_DATE);
		}
		catch (DateTimeParseException notADate) {
			throw new InvalidInput("file", "import.mt940.invalid");
		}
	}

	/**
	 * The row with the :86: text as its description, and the other party where the bank
	 * structures it.
	 */
	private static List<String> described(List<String> row, String information) {
		String flat = information.replace("\r\n", "\n");
		String description;
		String party = "";
		if (DUTCH_SUBFIELD.matcher(flat).find()) {
			String joined = flat.replace("\n", "");
			description = subfield(joined, "REMI");
			party = subfield(joined, "NAME");
			if (description.isEmpty()) {
				description = joined;
			}
		}
		else if (GERMAN_STRUCTURE.matcher(flat).lookingAt()) {
			String joined = flat.replace("\n", "");
			description = german(joined, 20, 29) + german(joined, 60, 63);
			party = german(joined, 32, 33).strip();
		}
		else {
			description = flat.replace("\n", " ");
		}
		description = SPACES.matcher(description.strip()).replaceAll(" ");
		return List.of(row.get(0), row.get(1), row.get(2), description.isEmpty() ? row.get(3) : description, party);
	}

	/**
	 * "/REMI/USTD//Huur juli/" → "Huur juli": the value runs to the next known subfield.
	 */
	private static String subfield(String text, String name) {
		int start = text.indexOf("/" + name + "/");
		if (start < 0) {
			return "";
		}
		String rest = text.substring(start + name.length() + 2);
		Matcher next = DUTCH_SUBFIELD.matcher(rest);
		String value = next.find() ? rest.substring(0, next.start()) : rest;
		return REMITTANCE_MARKS.matcher(value).replaceAll("").strip();
	}

	/**
	 * The German structured :86: ("166?00GUTSCHRIFT?20Rechnung 1?21…?32Name"): subfields
	 * from..to, joined.
	 */
	private static String german(String text, int from, int to) {
		StringBuilder joined = new StringBuilder();
		Matcher marks = GERMAN_SUBFIELD.matcher(text);
		List<int[]> positions = new ArrayList<>();
		while (marks.find()) {
			positions.add(new int[] { marks.start(), Integer.parseInt(marks.group(1)) });
		}
		for (int i = 0; i < positions.size(); i++) {
			int code = positions.get(i)[1];
			if (code >= from && code <= to) {
				int end = i + 1 < positions.size() ? positions.get(i + 1)[0] : text.length();
				joined.append(text, positions.get(i)[0] + 3, end);
			}
		}
		return joined.toString();
	}

}
