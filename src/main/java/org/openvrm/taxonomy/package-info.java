/**
 * The hub's shared vocabulary of what is bought and where: a hierarchical category
 * taxonomy and the regions (countries and their ISO 3166-2 subdivisions), with labels in
 * en, fr and nl. Vendor profiles, subscriptions, intents and interests all name these
 * ids.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Taxonomy")
package org.openvrm.taxonomy;
