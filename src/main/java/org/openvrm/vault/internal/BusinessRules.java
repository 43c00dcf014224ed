package org.openvrm.vault.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openvrm.vault.Invoice.RuleWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.helger.commons.error.IError;
import com.helger.commons.error.level.EErrorLevel;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.EValidationBaseType;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;

/**
 * Checks an e-invoice against the EN 16931 business rules: the syntax's XML Schema, then
 * the official Schematron of CEN/TC 434 (release 1.3.13), both run by phive. What they
 * find is kept with the invoice as warnings with their rule ids ({@code BR-CO-10},
 * {@code BR-16}, …): the person owes what the invoice says whether or not its sender
 * followed every rule, so no invoice is refused for them. The first check compiles the
 * rules (a few seconds); later ones take milliseconds.
 */
public final class BusinessRules {

	static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

	static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

	static final String CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

	/** Most warnings an invoice keeps: one broken rule can fire on every line. */
	static final int MAX_WARNINGS = 50;

	private static final int MAX_TEXT = 400;

	private static final Logger log = LoggerFactory.getLogger(BusinessRules.class);

	private static final ValidationExecutorSetRegistry<IValidationSourceXML> RULES = rules();

	private BusinessRules() {
	}

	private static ValidationExecutorSetRegistry<IValidationSourceXML> rules() {
		ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
		EN16931Validation.initEN16931(registry);
		return registry;
	}

	/**
	 * The rules the invoice breaks, each once per place; null when no EN 16931 rules
	 * apply to its syntax (ZUGFeRD 1.0 predates the standard).
	 */
	public static List<RuleWarning> check(Document invoice) {
		DVRCoordinate rules = rulesFor(invoice.getDocumentElement());
		if (rules == null) {
			return null;
		}
		IValidationExecutorSet<IValidationSourceXML> executors = RULES.getOfID(rules);
		ValidationResultList results = ValidationExecutionManager.executeValidation(executors,
				ValidationSourceXML.create(null, invoice), Locale.ENGLISH);
		Set<RuleWarning> warnings = new LinkedHashSet<>(); // distinct
															// before
															// the cap
		for (ValidationResult result : results) {
			boolean schema = result.getValidationArtefact()
				.getValidationType()
				.getBaseType() == EValidationBaseType.XSD;
			for (IError error : result.getErrorList()) {
				if (!schema && !error.hasErrorID()) {
					// Not a rule the invoice breaks but the checker failing: say nothing
					// rather than something false.
					log.warn("EN 16931 rules could not be checked: {}", error.getErrorText(Locale.ENGLISH));
					return null;
				}
				if (error.getErrorLevel().isGE(EErrorLevel.WARN) && warnings.size() < MAX_WARNINGS) {
					warnings.add(warning(schema ? "XSD" : error.getErrorID(), error));
				}
			}
		}
		return List.copyOf(warnings);
	}

	private static RuleWarning warning(String rule, IError error) {
		String text = error.getErrorText(Locale.ENGLISH);
		text = text == null ? "" : text.strip();
		if (text.startsWith("[" + rule + "]")) { // the Schematron's texts repeat the id:
													// "[BR-07]-An Invoice shall …"
			text = text.substring(rule.length() + 2).replaceFirst("^\\s*-\\s*", "");
		}
		return new RuleWarning(rule, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
				error.getErrorLevel().isGE(EErrorLevel.ERROR));
	}

	private static DVRCoordinate rulesFor(Element root) {
		String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
		return switch (namespace) {
			case UBL_INVOICE -> EN16931Validation.VID_UBL_INVOICE_1313;
			case UBL_CREDIT_NOTE -> EN16931Validation.VID_UBL_CREDIT_NOTE_1313;
			case CII -> EN16931Validation.VID_CII_1313;
			default -> null;
		};
	}

}
