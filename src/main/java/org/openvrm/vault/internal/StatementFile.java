package org.openvrm.vault.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.StatementFormat;

/**
 * A statement file of any format the vault reads, told apart by its content (not its
 * name): a camt.053 XML document, an OFX/QFX file, an MT940 message, else CSV. The three
 * standard formats become a table with fixed columns and {@link #MAPPING}, so that they
 * go through the same preview, duplicate check and storage as a CSV file, with nothing
 * for the person to map.
 */
public final class StatementFile {

	static final List<String> COLUMNS = List.of("date", "amount", "currency", "description", "counterparty");

	/**
	 * How the fixed columns of a standard format read: ISO dates, a decimal point, signed
	 * amounts; no default currency, so that a file that names none shows as row errors
	 * rather than as euros.
	 */
	public static final ImportMapping MAPPING = new ImportMapping("date", "amount", "description", "counterparty",
			"currency", null, "yyyy-MM-dd", ".");

	private StatementFile() {
	}

	/**
	 * @throws InvalidInput (field {@code file}) for a file that none of the formats
	 * reads, naming why
	 */
	public static CsvStatement.Table read(byte[] file) {
		return read(file, true);
	}

	/**
	 * The file read again at commit: it was sealed at upload (authenticated encryption,
	 * so it is the very file) and the camt.053 schema check it passed then is not
	 * repeated.
	 */
	public static CsvStatement.Table reread(byte[] file) {
		return read(file, false);
	}

	private static CsvStatement.Table read(byte[] file, boolean checkSchema) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("file", "document.file.empty");
		}
		String start = text(file.length > 4096 ? Arrays.copyOf(file, 4096) : file, true);
		if (OfxStatement.is(start)) {
			return new CsvStatement.Table(COLUMNS, OfxStatement.read(file), StatementFormat.OFX);
		}
		if (start.stripLeading().startsWith("<")) {
			if (Camt053Statement.is(file)) {
				return new CsvStatement.Table(COLUMNS, Camt053Statement.read(file, checkSchema),
						StatementFormat.CAMT_053);
			}
			throw new InvalidInput("file", "import.xml.unknown");
		}
		if (Mt940Statement.is(start)) {
			return new CsvStatement.Table(COLUMNS, Mt940Statement.read(text(file, false)), StatementFormat.MT940);
		}
		return CsvStatement.read(file);
	}

	/**
	 * A standard format's rows as they were read, to be kept (sealed) until the import
	 * instead of the file: reading a 200,000-entry camt.053 or MT940 again at commit
	 * costs as much as the upload.
	 */
	public static byte[] rows(CsvStatement.Table table) {
		StringBuilder text = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(text, KEPT)) {
			printer.printRecord(table.columns());
			printer.printRecords(table.rows());
		}
		catch (IOException cannot) {
			throw new UncheckedIOException(cannot);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The rows {@link #rows} kept, as the table they came from. */
	public static CsvStatement.Table kept(byte[] rows, StatementFormat format) {
		List<List<String>> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new String(rows, StandardCharsets.UTF_8), KEPT)) {
			for (CSVRecord record : parser) {
				records.add(record.toList());
			}
		}
		catch (IOException cannot) {
			throw new UncheckedIOException(cannot);
		}
		return new CsvStatement.Table(records.get(0), records.subList(1, records.size()), format);
	}

	private static final CSVFormat KEPT = CSVFormat.RFC4180;

	/**
	 * UTF-8 when it is (a cut-off last character forgiven in a file's start), else
	 * Windows-1252.
	 */
	private static String text(byte[] bytes, boolean start) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(start ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

}
