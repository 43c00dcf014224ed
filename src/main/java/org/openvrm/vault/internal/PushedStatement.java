package org.openvrm.vault.internal;

import java.util.ArrayList;
import java.util.List;

import org.openvrm.platform.InvalidInput;
import org.openvrm.vault.ImportMapping;
import org.openvrm.vault.ImportPreview.RowError;
import org.openvrm.vault.Transaction;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transaction history a vendor pushes (Midata-style), in the one documented format: CSV
 * with the header {@code date,amount,currency,description[,counterparty]}, or JSON
 * {@code {"transactions":[{"date":…,"amount":…,"currency":…,"description":…,"counterparty":…}]}}.
 * Dates are ISO (2026-10-01), amounts use a decimal point and are negative for what the
 * person paid. Both go through the statement parser the person's own CSV imports use.
 */
public final class PushedStatement {

	public static final int MAX_ROWS = 10_000;

	static final List<String> COLUMNS = List.of("date", "amount", "currency", "description", "counterparty");

	private static final ImportMapping FORMAT = new ImportMapping("date", "amount", "description", "counterparty",
			"currency", null, "yyyy-MM-dd", ".");

	private PushedStatement() {
	}

	/**
	 * @throws InvalidInput naming the file, or the first row and field that does not fit
	 */
	public static List<Transaction> read(byte[] body, boolean json, JsonMapper mapper) {
		CsvStatement.Table table = json ? table(body, mapper) : withCounterparty(CsvStatement.read(body));
		if (table.rows().size() > MAX_ROWS) {
			throw new InvalidInput("file", "push.transactions.too-many");
		}
		if (!table.columns().containsAll(COLUMNS.subList(0, 4))) {
			throw new InvalidInput("file", "push.transactions.columns");
		}
		CsvStatement.Parsed parsed = CsvStatement.parse(table, FORMAT);
		if (!parsed.errors().isEmpty()) {
			RowError first = parsed.errors().get(0);
			throw new InvalidInput("rows[" + first.row() + "]." + first.field(), first.messageKey());
		}
		return parsed.transactions();
	}

	private static CsvStatement.Table withCounterparty(CsvStatement.Table table) {
		if (table.columns().contains("counterparty")) {
			return table;
		}
		List<String> columns = new ArrayList<>(table.columns());
		columns.add("counterparty");
		return new CsvStatement.Table(columns, table.rows().stream().map(row -> {
			List<String> extended = new ArrayList<>(row);
			extended.add("");
			return (List<String>) extended;
		}).toList());
	}

	private static CsvStatement.Table table(byte[] body, JsonMapper mapper) {
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (JacksonException malformed) {
			throw new InvalidInput("file", "push.transactions.json");
		}
		JsonNode lines = root == null ? null : root.isArray() ? root : root.get("transactions");
		if (lines == null || !lines.isArray() || lines.isEmpty()) {
			throw new InvalidInput("file", "push.transactions.json");
		}
		if (lines.size() > MAX_ROWS) {
			throw new InvalidInput("file", "push.transactions.too-many");
		}
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode line : lines) {
			if (!line.isObject()) {
				throw new InvalidInput("file", "push.transactions.json");
			}
			rows.add(COLUMNS.stream().map(column -> {
				JsonNode value = line.get(column);
				return value == null || value.isNull() ? "" : value.isValueNode() ? value.asString().strip() : "?";
			}).toList());
		}
		return new CsvStatement.Table(COLUMNS, rows);
	}

}
