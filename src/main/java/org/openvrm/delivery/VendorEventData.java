package org.openvrm.delivery;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the {@code data} of the vendor events it names.
 * {@link VendorFeed#post} takes only such a record and only for a name it declares, and
 * the OpenAPI document's {@code webhooks} section is built from these records, so what is
 * sent and what is documented are one type.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface VendorEventData {

	/** The events whose data this record is. */
	Event[] value();

	/**
	 * One event: its name (as in {@link WebhookEndpoints#EVENTS}) and when it is sent.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Event {

		String name();

		String description();

	}

}
