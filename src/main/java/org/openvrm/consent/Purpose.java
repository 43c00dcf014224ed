package org.openvrm.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a vendor may use shared data: a short list of purposes from the W3C Data Privacy
 * Vocabulary (DPV 2), each with its DPV concept. Marketing and profiling are on the list
 * so that a vendor can say so, and a person (or their policy) can decline it.
 */
public enum Purpose {

	SERVICE_PROVISION("dpv:ServiceProvision"),

	DELIVERY("dpv:DeliveryOfGoods"),

	BILLING("dpv:PaymentManagement"),

	CUSTOMER_CARE("dpv:CustomerCare"),

	ACCOUNT_MANAGEMENT("dpv:AccountManagement"),

	REQUESTED_PERSONALISATION("dpv:ServicePersonalisation"),

	LEGAL_OBLIGATION("dpv:LegalCompliance"),

	MARKETING("dpv:Marketing"),

	/**
	 * Building a profile of the person (DPV lists it among processing; vendors name it as
	 * a purpose).
	 */
	PROFILING("dpv:Profiling");

	private final String dpv;

	Purpose(String dpv) {
		this.dpv = dpv;
	}

	/** The DPV concept, as a compact IRI (dpv: is https://w3id.org/dpv#). */
	public String dpv() {
		return dpv;
	}

	/** The name in the API and forms: {@code service-provision}, {@code billing}, … */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Purpose> of(String key) {
		return key == null ? Optional.empty()
				: Arrays.stream(values())
					.filter(p -> p.key().equals(key.strip()) || p.name().equals(key.strip()))
					.findFirst();
	}

}
