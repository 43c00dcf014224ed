/**
 * The person's time: standing policies (a condition and an action each) that settle
 * routine matters while the person is away, never beyond their terms and never for a
 * blocked vendor; the log of what they did (with undo), the weekly summary; and the one
 * list of decisions that still need the person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies and decisions")
package org.openvrm.policy;
