package org.openvrm.vault.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.StatementFormat;
import org.openvrm.vault.ImportPreview.RowError;
import org.openvrm.vault.Transaction;

/**
 * A CSV bank or card statement: reading the table (its character set detected, the
 * delimiter guessed from the first lines), suggesting a mapping from the headers and
 * values, and turning rows into transactions with an error for each row that does not
 * fit. Commons CSV does the parsing.
 */
public final class CsvStatement {

	public static final int MAX_ROWS = 200_000;

	static final int MAX_DESCRIPTION = 1000;

	/**
	 * At most 18 digits before the point and 8 after: nothing a bank writes is longer,
	 * and BigDecimal's cost grows with length.
	 */
	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,8})?");

	/**
	 * Spaces, thousands apostrophes and currency signs in an amount ("€ 1 234,50",
	 * "1'234.50").
	 */
	private static final Pattern NOT_A_DIGIT_PART = Pattern.compile("[\\s\\u00A0'€$£]");

	/** The marks of a negative amount other than a leading minus: "(12.00)", "12.00-". */
	private static final Pattern SIGN_MARKS = Pattern.compile("^\\(|\\)$|-$");

	private static final Pattern DATE_HEADER = Pattern
		.compile("(?i).*(date|datum|dátum|booking|boeking|buchung|jour).*");

	/**
	 * Dates a person does not mean when they say when they paid: the value date
	 * (Sparkasse's "Valutadatum", Commerzbank's "Wertstellung"), bunq's "Interest Date",
	 * Revolut's "Completed Date".
	 */
	private static final Pattern OTHER_DATE_HEADER = Pattern
		.compile("(?i).*(valuta|value|wert|rente|interest|completed).*");

	private static final Pattern AMOUNT_HEADER = Pattern
		.compile("(?i).*(amount|montant|bedrag|betrag|sum|összeg|importe?).*");

	/**
	 * A header that is the amount itself ("Betrag"), before one that merely mentions one
	 * ("Lastschrift Ursprungsbetrag").
	 */
	private static final Pattern AMOUNT_FIRST_HEADER = Pattern
		.compile("(?i)\\W*(amount|montant|bedrag|betrag|sum|összeg|importe?)\\b.*");

	/**
	 * Amounts in another currency than the account's (N26's "Original Amount", Monzo's
	 * "Local amount"), which neither the amount nor the currency may be taken from.
	 */
	private static final Pattern FOREIGN_HEADER = Pattern
		.compile("(?i).*(original|local|foreign|exchange|fx|ursprung).*");

	private static final Pattern DESCRIPTION_HEADER = Pattern
		.compile("(?i).*(descr|libell|omschrijving|memo|detail|communication|mededeling).*");

	private static final Pattern COUNTERPARTY_HEADER = Pattern.compile(
			"(?i).*(counterparty|payee|merchant|tegenpartij|contrepartie|b.n.ficiaire|name|naam|nom|houder|partner|beg(ue|ü)nstigt|zahlungspflicht|auftraggeber|empf(ae|ä)nger).*");

	private static final Pattern CURRENCY_HEADER = Pattern
		.compile("(?i).*(currency|devise|munt|währung|waehrung|valutacode|devizanem).*");

	/**
	 * "Amount (EUR)": a currency named in the amount's header, for rows that name none.
	 */
	private static final Pattern CURRENCY_IN_HEADER = Pattern.compile(".*\\(([A-Z]{3})\\).*");

	/**
	 * A debit/credit indicator: ING's "Af Bij", Knab's "CreditDebet", "D/C",
	 * "Soll/Haben", …
	 */
	private static final Pattern DIRECTION_HEADER = Pattern.compile(
			"(?i).*(af ?/? ?bij|credit ?/? ?debe?t|debe?t ?/? ?credit|\\bd ?/ ?c\\b|soll ?/? ?haben|\\bs ?/ ?h\\b|\\bdirection\\b|\\brichting\\b|\\bsens\\b).*");

	/**
	 * A bank with a column for money out and one for money in (Bank of Ireland's "Debit"
	 * and "Credit").
	 */
	private static final Pattern DEBIT_HEADER = Pattern
		.compile("(?i)(debit|debet|débit|money out|paid out|soll|uitgaven)\\b.*");

	private static final Pattern CREDIT_HEADER = Pattern
		.compile("(?i)(credit|crédit|money in|paid in|haben|inkomsten)\\b.*");

	private CsvStatement() {
	}

	/**
	 * The table: column names (from the first line) and the rows after it, and the format
	 * it was read from (a standard format's fixed columns; see {@link StatementFile}).
	 */
	public record Table(List<String> columns, List<List<String>> rows, StatementFormat format) {

		public Table(List<String> columns, List<List<String>> rows) {
			this(columns, rows, StatementFormat.CSV);
		}
	}

	public record Parsed(List<Transaction> transactions, List<RowError> errors) {
	}

	/**
	 * Reads a statement as banks export it: UTF-8 or, failing that, Windows-1252 (the
	 * Latin-1 that Rabobank's and Sparkasse's exports are in; a byte order mark decides
	 * first); the delimiter that splits the first lines most evenly; title lines above
	 * the header passed over; and, when the first line already holds a date and an amount
	 * (ABN AMRO's .TAB, ASN), no header at all: the columns are then called "Column 1",
	 * "Column 2", ….
	 * @throws InvalidInput (field {@code file}) for a file that is not text, empty, or
	 * too long
	 */
	public static Table read(byte[] file) {
		String text = text(file);
		List<String> firstLines = text.lines().filter(line -> !line.isBlank()).limit(SNIFFED_LINES).toList();
		if (firstLines.isEmpty()) {
			throw new InvalidInput("file", "import.csv.empty");
		}
		char delimiter = delimiter(firstLines);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
		List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				if (records.size() > MAX_ROWS) {
					throw new InvalidInput("file", "import.csv.too-many-rows");
				}
				records.add(record.toList().stream().map(String::strip).toList());
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException malformed) {
			throw new InvalidInput("file", "import.csv.malformed");
		}
		int header = headerIndex(records);
		List<List<String>> rows = records.subList(header, records.size());
		if (looksLikeData(rows.get(0))) {
			return new Table(columnNames(rows.get(0).stream().map(value -> "").toList()), rows);
		}
		if (rows.size() < 2) {
			throw new InvalidInput("file", "import.csv.empty");
		}
		return new Table(columnNames(rows.get(0)), rows.subList(1, rows.size()));
	}

	static final int SNIFFED_LINES = 12;

	/**
	 * The first record as wide as most records are, with more than one value: lines above
	 * it are a title (a title padded with delimiters to the width of the rest has a
	 * single value).
	 */
	private static int headerIndex(List<List<String>> records) {
		Map<Integer, Long> widths = records.stream()
			.limit(200)
			.collect(Collectors.groupingBy(List::size, Collectors.counting()));
		int usual = widths.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
		for (int i = 0; i < records.size() && i < SNIFFED_LINES; i++) {
			if (records.get(i).size() == usual
					&& records.get(i).stream().filter(value -> !value.isBlank()).count() > 1) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * A line with a date in one of the known formats and a number is a transaction, not a
	 * header.
	 */
	private static boolean looksLikeData(List<String> line) {
		boolean date = line.stream()
			.anyMatch(value -> ImportMapping.DATE_FORMATS.stream()
				.anyMatch(format -> date(value, formatter(format)) != null));
		boolean amount = line.stream().anyMatch(value -> value.matches("[+-]?\\d[\\d.,]*[.,]\\d{1,2}"));
		return date && amount;
	}

	/**
	 * A first guess at the mapping, from the header names and, where they say nothing (a
	 * file without a header line), from the values of the first rows: the column of
	 * dates, the column of currency codes, the column with the longest text as the
	 * description.
	 */
	public static ImportMapping suggest(Table table) {
		String date = firstNonNull(column(table, DATE_HEADER, OTHER_DATE_HEADER),
				byValues(table, CsvStatement::isDate));
		String format = date == null ? ImportMapping.DATE_FORMATS.get(0) : dateFormat(table, date);
		String direction = column(table, DIRECTION_HEADER);
		String currency = firstNonNull(column(table, CURRENCY_HEADER, FOREIGN_HEADER),
				byValues(table, CsvStatement::isCurrency));
		String amount = amountColumn(table, currency);
		String debit = otherColumn(table, DEBIT_HEADER, direction);
		String credit = otherColumn(table, CREDIT_HEADER, direction);
		// Separate money-out and money-in columns only where no single amount column
		// holds both (Monzo and KBC have all three).
		boolean twoColumns = amount == null && direction == null && debit != null && credit != null;
		if (twoColumns) {
			amount = debit;
		}
		String description = firstNonNull(fullest(table, DESCRIPTION_HEADER), longestText(table));
		return new ImportMapping(date, amount, description, fullest(table, COUNTERPARTY_HEADER), currency,
				defaultCurrency(amount), format, decimalSeparator(table, amount), twoColumns ? credit : null,
				direction);
	}

	private static String amountColumn(Table table, String currency) {
		for (Pattern header : List.of(AMOUNT_FIRST_HEADER, AMOUNT_HEADER)) {
			String found = table.columns()
				.stream()
				.filter(c -> !c.equals(currency) && header.matcher(c).matches() && !FOREIGN_HEADER.matcher(c).matches()
						&& !DEBIT_HEADER.matcher(c.strip()).matches() && !CREDIT_HEADER.matcher(c.strip()).matches())
				.findFirst()
				.orElse(null);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/**
	 * Of the columns the header pattern matches, the one filled in on most rows (BNP's
	 * "Details" over its often empty "Mededeling").
	 */
	private static String fullest(Table table, Pattern header) {
		String best = null;
		long bestFilled = 0;
		for (String column : table.columns()) {
			long filled = header.matcher(column).matches() ? sample(table, column).size() : 0;
			if (filled > bestFilled) {
				best = column;
				bestFilled = filled;
			}
		}
		return best;
	}

	private static String defaultCurrency(String amountColumn) {
		Matcher named = CURRENCY_IN_HEADER.matcher(amountColumn == null ? "" : amountColumn);
		return named.matches() && currency(named.group(1), null) != null ? named.group(1) : "EUR";
	}

	/**
	 * "," when the column's amounts end in a decimal comma ("12,50", "-4,9"), else ".".
	 */
	static String decimalSeparator(Table table, String amountColumn) {
		boolean comma = amountColumn != null && table.rows()
			.stream()
			.limit(20)
			.map(row -> value(table, row, amountColumn))
			.anyMatch(v -> v.matches(".*\\d,\\d{1,2}$"));
		return comma ? "," : ".";
	}

	private static final int SAMPLE_ROWS = 20;

	/**
	 * The first column filled in on every sampled row, with values that all pass (none in
	 * another currency).
	 */
	private static String byValues(Table table, Predicate<String> test) {
		int sampled = (int) Math.min(SAMPLE_ROWS, table.rows().size());
		for (String column : table.columns()) {
			List<String> values = sample(table, column);
			if (!values.isEmpty() && values.size() == sampled && !FOREIGN_HEADER.matcher(column).matches()
					&& values.stream().allMatch(test)) {
				return column;
			}
		}
		return null;
	}

	/**
	 * The column with the longest values that are neither numbers nor dates: what the row
	 * was for.
	 */
	private static String longestText(Table table) {
		String best = null;
		double bestLength = 0;
		for (String column : table.columns()) {
			List<String> values = sample(table, column);
			if (values.isEmpty() || values.stream()
				.anyMatch(v -> isDate(v) || amount(v, false) != null || amount(v, true) != null)) {
				continue;
			}
			double length = values.stream().mapToInt(String::length).average().orElse(0);
			if (length > bestLength) {
				best = column;
				bestLength = length;
			}
		}
		return best;
	}

	private static List<String> sample(Table table, String column) {
		return table.rows()
			.stream()
			.limit(SAMPLE_ROWS)
			.map(row -> value(table, row, column))
			.filter(v -> !v.isBlank())
			.toList();
	}

	private static boolean isDate(String value) {
		return ImportMapping.DATE_FORMATS.stream().anyMatch(format -> date(value, formatter(format)) != null);
	}

	private static boolean isCurrency(String value) {
		return value.length() == 3 && value.chars().allMatch(c -> c >= 'A' && c <= 'Z')
				&& currency(value, null) != null;
	}

	private static String firstNonNull(String first, String second) {
		return first != null ? first : second;
	}

	private static String otherColumn(Table table, Pattern header, String not) {
		return table.columns()
			.stream()
			.filter(c -> !c.equals(not) && header.matcher(c.strip()).matches())
			.findFirst()
			.orElse(null);
	}

	/**
	 * The rows as transactions, and an error for each field that does not fit.
	 * @throws InvalidInput for a mapping that names a column the file does not have, or
	 * bad settings
	 */
	public static Parsed parse(Table table, ImportMapping mapping) {
		checkMapping(table, mapping);
		DateTimeFormatter dates = formatter(mapping.dateFormat());
		boolean comma = ",".equals(mapping.decimalSeparator());
		List<Transaction> transactions = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		for (int i = 0; i < table.rows().size(); i++) {
			List<String> row = table.rows().get(i);
			int number = i + 1;
			if (row.size() != table.columns().size()) {
				errors.add(new RowError(number, "row", "import.row.columns"));
				continue;
			}
			LocalDate date = date(value(table, row, mapping.dateColumn()), dates);
			BigDecimal amount = signed(table, row, mapping, comma);
			String currency = currency(blankToNull(value(table, row, mapping.currencyColumn())),
					mapping.defaultCurrency());
			if (date == null) {
				errors.add(new RowError(number, "date", "import.row.date"));
			}
			if (amount == null) {
				errors.add(new RowError(number, "amount", "import.row.amount"));
			}
			if (currency == null) {
				errors.add(new RowError(number, "currency", "import.row.currency"));
			}
			if (date != null && amount != null && currency != null) {
				transactions.add(new Transaction(null, date, amount, currency,
						truncated(value(table, row, mapping.descriptionColumn())),
						truncated(value(table, row, mapping.counterpartyColumn())), null));
			}
		}
		return new Parsed(transactions, errors);
	}

	/**
	 * Debit words: Dutch (Af), English, German (Soll, S), French (Débit); credit words
	 * likewise (Bij, Haben, H, Crédit).
	 */
	private static final Set<String> MONEY_OUT = Set.of("af", "d", "dr", "debit", "debet", "débit", "s", "soll", "-",
			"out", "uit");

	private static final Set<String> MONEY_IN = Set.of("bij", "c", "cr", "credit", "crédit", "h", "haben", "+", "in");

	/**
	 * The row's amount with money out negative: as written; or its size with the sign the
	 * debit/credit column gives; or money in less money out when the bank has a column
	 * for each. Null when the row does not say.
	 */
	private static BigDecimal signed(Table table, List<String> row, ImportMapping mapping, boolean comma) {
		String out = value(table, row, mapping.amountColumn());
		if (blankToNull(mapping.creditColumn()) != null) {
			String in = value(table, row, mapping.creditColumn());
			BigDecimal spent = out.isBlank() ? BigDecimal.ZERO : amount(out, comma);
			BigDecimal received = in.isBlank() ? BigDecimal.ZERO : amount(in, comma);
			if (spent == null || received == null || (out.isBlank() && in.isBlank())) {
				return null;
			}
			return received.abs().subtract(spent.abs());
		}
		BigDecimal amount = amount(out, comma);
		if (amount == null || blankToNull(mapping.directionColumn()) == null) {
			return amount;
		}
		String direction = value(table, row, mapping.directionColumn()).strip().toLowerCase(Locale.ROOT);
		return MONEY_OUT.contains(direction) ? amount.abs().negate()
				: MONEY_IN.contains(direction) ? amount.abs() : null;
	}

	private static void checkMapping(Table table, ImportMapping mapping) {
		if (mapping == null || blankToNull(mapping.dateColumn()) == null) {
			throw new InvalidInput("dateColumn", "import.column.required");
		}
		if (blankToNull(mapping.amountColumn()) == null) {
			throw new InvalidInput("amountColumn", "import.column.required");
		}
		String[][] named = { { "dateColumn", mapping.dateColumn() }, { "amountColumn", mapping.amountColumn() },
				{ "descriptionColumn", mapping.descriptionColumn() },
				{ "counterpartyColumn", mapping.counterpartyColumn() }, { "currencyColumn", mapping.currencyColumn() },
				{ "creditColumn", mapping.creditColumn() }, { "directionColumn", mapping.directionColumn() } };
		for (String[] column : named) {
			if (blankToNull(column[1]) != null && !table.columns().contains(column[1])) {
				throw new InvalidInput(column[0], "import.column.unknown");
			}
		}
		if (!usableDateFormat(mapping.dateFormat())) {
			throw new InvalidInput("dateFormat", "import.date-format.invalid");
		}
		if (!".".equals(mapping.decimalSeparator()) && !",".equals(mapping.decimalSeparator())) {
			throw new InvalidInput("decimalSeparator", "import.decimal.invalid");
		}
		if (blankToNull(mapping.currencyColumn()) == null && currency(null, mapping.defaultCurrency()) == null) {
			throw new InvalidInput("defaultCurrency", "contract.currency.invalid");
		}
	}

	/**
	 * One of the known formats, or any pattern that compiles and names a year, a month
	 * and a day.
	 */
	private static boolean usableDateFormat(String pattern) {
		if (pattern == null || pattern.isBlank() || pattern.length() > 40) {
			return false;
		}
		if (ImportMapping.DATE_FORMATS.contains(pattern)) {
			return true;
		}
		String letters = pattern.replaceAll("'[^']*'", "");
		if (!letters.matches(".*[yu].*") || !letters.contains("M") || !letters.contains("d")) {
			return false;
		}
		try {
			formatter(pattern);
			return true;
		}
		catch (IllegalArgumentException invalid) {
			return false;
		}
	}

	private static String value(Table table, List<String> row, String column) {
		if (column == null || column.isBlank()) {
			return "";
		}
		int index = table.columns().indexOf(column);
		return index < 0 || index >= row.size() ? "" : row.get(index);
	}

	/**
	 * Strict, so that a day 31 in November is refused; years as proleptic years (u),
	 * which strict resolving needs.
	 */
	private static DateTimeFormatter formatter(String pattern) {
		return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
			.withResolverStyle(ResolverStyle.STRICT);
	}

	private static LocalDate date(String value, DateTimeFormatter format) {
		try {
			return LocalDate.parse(value, format);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * "1.234,56" with a decimal comma, "1,234.56" with a point; "(12.00)" and "12.00-"
	 * are negative.
	 */
	static BigDecimal amount(String value, boolean decimalComma) {
		String plain = NOT_A_DIGIT_PART.matcher(value).replaceAll("");
		boolean negative = plain.startsWith("(") && plain.endsWith(")") || plain.endsWith("-") && plain.length() > 1;
		plain = SIGN_MARKS.matcher(plain).replaceAll("");
		plain = decimalComma ? plain.replace(".", "").replace(',', '.') : plain.replace(",", "");
		if (!NUMBER.matcher(plain).matches()) {
			return null;
		}
		BigDecimal amount = new BigDecimal(plain);
		return negative ? amount.negate() : amount;
	}

	private static String currency(String value, String fallback) {
		String code = (value == null ? fallback : value);
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	/**
	 * The format that reads the most sample values: one mistyped row must not spoil the
	 * guess.
	 */
	static String dateFormat(Table table, String column) {
		List<String> sample = table.rows()
			.stream()
			.limit(20)
			.map(row -> value(table, row, column))
			.filter(v -> !v.isBlank())
			.toList();
		String best = ImportMapping.DATE_FORMATS.get(0);
		long bestCount = 0;
		for (String format : ImportMapping.DATE_FORMATS) {
			DateTimeFormatter formatter = formatter(format);
			long count = sample.stream().filter(v -> date(v, formatter) != null).count();
			if (count > bestCount) {
				best = format;
				bestCount = count;
			}
		}
		return best;
	}

	private static String column(Table table, Pattern header) {
		return table.columns().stream().filter(c -> header.matcher(c).matches()).findFirst().orElse(null);
	}

	/** The first column the header pattern matches and the other does not. */
	private static String column(Table table, Pattern header, Pattern not) {
		return table.columns()
			.stream()
			.filter(c -> header.matcher(c).matches() && !not.matcher(c).matches())
			.findFirst()
			.orElse(null);
	}

	/**
	 * Blank or repeated header names become "Column N", so that every column can be
	 * named.
	 */
	private static List<String> columnNames(List<String> header) {
		Set<String> seen = new HashSet<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).length() > 100 ? header.get(i).substring(0, 100) : header.get(i);
			names.add(name.isBlank() || !seen.add(name) ? "Column " + (i + 1) : name);
		}
		return names;
	}

	/**
	 * The candidate that splits the first lines into the same number of fields (more than
	 * one) most often.
	 */
	private static char delimiter(List<String> lines) {
		char best = ',';
		long bestScore = -1;
		for (char candidate : new char[] { ',', ';', '\t', '|' }) {
			Map<Long, Long> widths = lines.stream()
				.map(line -> line.chars().filter(c -> c == candidate).count())
				.filter(count -> count > 0)
				.collect(Collectors.groupingBy(count -> count, Collectors.counting()));
			long score = widths.values().stream().max(Long::compare).orElse(0L) * 1000
					+ widths.keySet().stream().max(Long::compare).orElse(0L);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/**
	 * UTF-8 (with or without its byte order mark), UTF-16 when a byte order mark says so,
	 * and else the single-byte set ICU detects: Windows-1252 (the superset of Latin-1
	 * that Western European banks export in) or Windows-1250/ISO-8859-2 (Central
	 * European). A file with NUL or other control bytes is not a statement.
	 */
	private static String text(byte[] file) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		if (file.length >= 2 && ((file[0] == (byte) 0xFF && file[1] == (byte) 0xFE)
				|| (file[0] == (byte) 0xFE && file[1] == (byte) 0xFF))) {
			return stripMark(new String(file, StandardCharsets.UTF_16));
		}
		for (byte b : file) {
			if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C) {
				throw new InvalidInput("file", "import.csv.not-text");
			}
		}
		try {
			return stripMark(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString());
		}
		catch (CharacterCodingException notUtf8) {
			return new String(file, singleByteCharset(file));
		}
	}

	/**
	 * The single-byte sets banks export in; ISO-8859-1 is read as its superset
	 * Windows-1252.
	 */
	private static final Map<String, String> SINGLE_BYTE = Map.of("ISO-8859-1", "windows-1252", "windows-1252",
			"windows-1252", "ISO-8859-2", "ISO-8859-2", "windows-1250", "windows-1250", "ISO-8859-9", "windows-1254",
			"windows-1254", "windows-1254");

	/**
	 * ICU's detector, which weighs the bytes against the letter frequencies of each
	 * language, picks between the Western and Central European sets (a Hungarian "ő" is
	 * 0xF5 in Windows-1250 and "õ" in 1252); when it is unsure, Windows-1252.
	 */
	private static Charset singleByteCharset(byte[] file) {
		CharsetDetector detector = new CharsetDetector();
		detector.setText(file);
		for (CharsetMatch match : detector.detectAll()) {
			String known = SINGLE_BYTE.get(match.getName());
			if (known != null && match.getConfidence() >= 20) {
				return Charset.forName(known);
			}
		}
		return Charset.forName("windows-1252");
	}

	private static String stripMark(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static String truncated(String value) {
		String text = blankToNull(value);
		return text == null || text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
