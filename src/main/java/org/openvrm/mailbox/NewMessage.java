package org.openvrm.mailbox;

/**
 * A message a vendor sends to a customer.
 *
 * @param kind {@code service} (the default: about what the person has from the vendor) or
 * {@code marketing}
 * @param subject optional, one line of at most 200 characters
 * @param body plain text, 1 to 5,000 characters
 */
public record NewMessage(String kind, String subject, String body) {
}
