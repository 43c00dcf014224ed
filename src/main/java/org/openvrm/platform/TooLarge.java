package org.openvrm.platform;

/**
 * Input over a size limit that the upload limit does not catch (e.g. a logo); a 413 on
 * the API.
 */
public class TooLarge extends InvalidInput {

	public TooLarge(String field, String messageKey) {
		super(field, messageKey);
	}

}
