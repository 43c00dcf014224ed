package org.openvrm.reputation;

/**
 * A vendor's reputation as the hub shows it beside the vendor.
 *
 * @param count visible ratings (hidden ones, moderated away, count nowhere)
 * @param mean their mean stars, null without ratings
 * @param bayesian the Bayesian average over {@link Prior} (the prior mean without
 * ratings)
 * @param unwantedReports introductions people reported as unwanted
 * @param refusedContacts contacts refused at people's doors (blocked, ended, too large,
 * …)
 * @param respect the two together: the separate "respect" figure, lower is better
 */
public record Standing(long count, Double mean, double bayesian, long unwantedReports, long refusedContacts,
		long respect) {

	static Standing of(long count, long sum, Prior prior, long unwantedReports, long refusedContacts) {
		return new Standing(count, count == 0 ? null : (double) sum / count, prior.average(count, sum), unwantedReports,
				refusedContacts, unwantedReports + refusedContacts);
	}
}
