/**
 * Vendor organisations and the people who work for them (admins and agents), vendor
 * sign-up and member invitations. API clients, subscriptions and the public profile come
 * later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vendors")
package org.openvrm.vendor;
