/**
 * Sharing on the person's terms: grants of named fields and documents to a vendor (a copy
 * under the grant's own share key, shredded on revocation), vendors' data requests, the
 * access log of every vendor read, signed consent receipts, and vendors pushing documents
 * and statements into the person's sealed inbox. See docs/sharing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package org.openvrm.consent;
