package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A line of a bank or card statement: money in (positive) or out (negative). */
public record Transaction(UUID id, LocalDate date, BigDecimal amount, String currency, String description,
		String counterparty, UUID importId) {

	@Override
	public String toString() {
		return "Transaction[" + id + "]";
	}
}
