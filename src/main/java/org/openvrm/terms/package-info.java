/**
 * Personal terms (ProjectVRM principle 4; IEEE 7012 "MyTerms"): the roster of standard
 * agreements a person can proffer, each with a plain summary, a full text and a JSON-LD
 * form (W3C DPV with its IEEE 7012 extension), and the terms each person proffers by
 * default.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terms")
package org.openvrm.terms;
