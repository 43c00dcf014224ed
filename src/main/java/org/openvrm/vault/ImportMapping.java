package org.openvrm.vault;

/**
 * How the columns of a CSV statement become transactions: the column (by its header) holding
 * each field, the date format, the decimal separator, and the currency of rows that name none.
 * Date and amount are required; the rest are optional. Banks give the direction of money in one of
 * three ways: a signed amount; an unsigned amount and a debit/credit column ({@code directionColumn},
 * with words such as Af/Bij, D/C, Debit/Credit, S/H); or two columns, money out in
 * {@code amountColumn} and money in in {@code creditColumn}.
 */
public record ImportMapping(String dateColumn, String amountColumn, String descriptionColumn, String counterpartyColumn,
		String currencyColumn, String defaultCurrency, String dateFormat, String decimalSeparator, String creditColumn,
		String directionColumn) {

	/** Date formats a statement may use (the person picks one; the first that fits is suggested). */
	public static final java.util.List<String> DATE_FORMATS = java.util.List.of("yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy",
			"dd-MM-yyyy", "MM/dd/yyyy", "yyyyMMdd");

	/** A statement with signed amounts. */
	public ImportMapping(String dateColumn, String amountColumn, String descriptionColumn, String counterpartyColumn,
			String currencyColumn, String defaultCurrency, String dateFormat, String decimalSeparator) {
		this(dateColumn, amountColumn, descriptionColumn, counterpartyColumn, currencyColumn, defaultCurrency, dateFormat,
				decimalSeparator, null, null);
	}
}
