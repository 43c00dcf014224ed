package org.openvrm.vault;

/**
 * The kinds of statement file the vault reads: CSV, whose columns the person maps, and
 * the three standard formats banks export besides, which say what each value is and need
 * no mapping: ISO 20022 camt.053 (XML), SWIFT MT940 and OFX/QFX (1.x SGML and 2.x XML).
 */
public enum StatementFormat {

	CSV, CAMT_053, MT940, OFX

}
