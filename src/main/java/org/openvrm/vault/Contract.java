package org.openvrm.vault;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract in the vault. The notice deadline is the last day to give notice before the
 * end date: {@code end − noticeDays}.
 *
 * @param category what it is for, a taxonomy category id (optional): "ask the market"
 * starts an intent in it
 */
public record Contract(UUID id, String title, String counterparty, LocalDate start, LocalDate end, Integer noticeDays,
		boolean autoRenewal, BigDecimal cost, String currency, CostPeriod costPeriod, List<UUID> documents,
		String category) {

	public enum CostPeriod {

		MONTH, QUARTER, YEAR, ONCE

	}

	/** The last day to give notice, if the contract has an end date. */
	public LocalDate noticeDeadline() {
		if (end == null) {
			return null;
		}
		return noticeDays == null ? end : end.minusDays(noticeDays);
	}

	/** True when the notice deadline is between today and {@code days} from today. */
	public boolean deadlineWithin(LocalDate today, int days) {
		LocalDate deadline = noticeDeadline();
		return deadline != null && !deadline.isBefore(today) && !deadline.isAfter(today.plusDays(days));
	}

	@Override
	public String toString() {
		return "Contract[" + id + "]";
	}
}
