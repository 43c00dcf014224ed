/**
 * The mailbox that keeps advertising out: one channel per relationship, messages sealed
 * to the person as they arrive, the person's rules of contact enforced at the door
 * (refusals go to the "kept out" log), declared interests and the gate through which
 * vendors the person does not know yet may introduce themselves, and the e-mail digest
 * that says only how many messages wait.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailbox")
package org.openvrm.mailbox;
