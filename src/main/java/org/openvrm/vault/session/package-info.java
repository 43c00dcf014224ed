/**
 * The vault as the web sees it: opened on the person's session, or by the personal access
 * token an API call carries. Controllers of every module use it; services take the
 * {@link org.openvrm.vault.Vault} it gives them.
 */
@org.springframework.modulith.NamedInterface("session")
package org.openvrm.vault.session;
