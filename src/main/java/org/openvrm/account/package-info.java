/**
 * People, vendor members and operators: sign-up, sign-in (password and passkeys),
 * sessions, personal access tokens and the first operator's setup. The security
 * configuration, the one trusted layer that decides who reaches which URL, lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.openvrm.account;
