package org.openvrm.vault.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.openvrm.platform.InvalidInput;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses XML that a person (or later a vendor) uploads, with every feature that can reach
 * outside the document switched off: no DOCTYPE at all (so no external entities, no
 * entity expansion bombs), no XInclude, no external schemas or stylesheets (OWASP XXE
 * prevention). A file with a DOCTYPE is refused, not silently stripped.
 */
public final class SafeXml {

	private SafeXml() {
	}

	/**
	 * @throws InvalidInput {@code xml.doctype} for a DOCTYPE, {@code xml.malformed} for
	 * anything not well-formed
	 */
	public static Document parse(byte[] xml, String field) {
		DocumentBuilder builder;
		try {
			builder = factory().newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", ex);
		}
		try {
			builder.setErrorHandler(new DefaultHandler()); // keep the JDK from printing
															// parse errors to stderr
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (SAXParseException ex) {
			boolean doctype = ex.getMessage() != null && ex.getMessage().contains("DOCTYPE");
			throw new InvalidInput(field, doctype ? "xml.doctype" : "xml.malformed");
		}
		catch (SAXException | IOException ex) {
			throw new InvalidInput(field, "xml.malformed");
		}
	}

	private static DocumentBuilderFactory factory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(true);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", ex);
		}
	}

}
