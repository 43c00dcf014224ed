package org.openvrm.vault;

/**
 * How the columns of a CSV statement become transactions: the column (by its header) holding
 * each field, the date format, the decimal separator, and the currency of rows that name none.
 * Date and amount are required; the rest are optional.
 */
public record ImportMapping(String dateColumn, String amountColumn, String descriptionColumn, String counterpartyColumn,
		String currencyColumn, String defaultCurrency, String dateFormat, String decimalSeparator) {

	/** Date formats a statement may use (the person picks one; the first that fits is suggested). */
	public static final java.util.List<String> DATE_FORMATS = java.util.List.of("yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy",
			"dd-MM-yyyy", "MM/dd/yyyy", "yyyyMMdd");
}
