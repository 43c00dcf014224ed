package org.openvrm.vault;

import java.util.List;

/**
 * How the columns of a CSV statement become transactions: the column (by its header)
 * holding each field, the date format, the decimal separator, and the currency of rows
 * that name none. Date and amount are required; the rest are optional. Banks give the
 * direction of money in one of three ways: a signed amount; an unsigned amount and a
 * debit/credit column ({@code directionColumn}, with words such as Af/Bij, D/C,
 * Debit/Credit, S/H); or two columns, money out in {@code amountColumn} and money in in
 * {@code creditColumn}.
 */
public record ImportMapping(String dateColumn, String amountColumn, String descriptionColumn, String counterpartyColumn,
		String currencyColumn, String defaultCurrency, String dateFormat, String decimalSeparator, String creditColumn,
		String directionColumn) {

	/**
	 * Date formats statements use (the person picks one; the one that reads most of the
	 * column's values is suggested, the earlier on a tie): dates, and the date-times of
	 * Revolut's and other card exports ("2026-11-02 14:31:05"; the time is dropped),
	 * two-digit years (Sparkasse "02.11.26"), Hungarian "2026.11.02.", English month
	 * names (Barclaycard "03 May 26"). Any other pattern a bank uses can be given too
	 * (Java's date pattern letters: {@code yyyy}, {@code MM}, {@code dd}, {@code MMM},
	 * {@code HH:mm}, …), as long as it names a year, a month and a day.
	 */
	public static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "dd/MM/yyyy", "dd.MM.yyyy", "dd-MM-yyyy",
			"MM/dd/yyyy", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm",
			"dd/MM/yyyy HH:mm:ss", "dd.MM.yy", "dd/MM/yy", "MM/dd/yy", "dd-MM-yy", "yyyy.MM.dd.", "yyyy.MM.dd",
			"yyyy/MM/dd", "d.M.yyyy", "d/M/yyyy", "d-M-yyyy", "dd MMM yyyy", "dd MMM yy", "d MMM yyyy", "dd-MMM-yyyy",
			"MMM d, yyyy");

	/** A statement with signed amounts. */
	public ImportMapping(String dateColumn, String amountColumn, String descriptionColumn, String counterpartyColumn,
			String currencyColumn, String defaultCurrency, String dateFormat, String decimalSeparator) {
		this(dateColumn, amountColumn, descriptionColumn, counterpartyColumn, currencyColumn, defaultCurrency,
				dateFormat, decimalSeparator, null, null);
	}
}
