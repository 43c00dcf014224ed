package org.openvrm.vault;

public enum DocumentCategory {

	CONTRACT, INSURANCE, HEALTH, BANK, INVOICE, WARRANTY, IDENTITY, TAX, OTHER

}
