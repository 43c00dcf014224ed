package org.openvrm.intent.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.openvrm.intent.Attribute;
import org.openvrm.intent.Intent;
import org.openvrm.intent.IntentDraft;

import org.springframework.format.annotation.DateTimeFormat;

/** The intent form, bound field by field; six attribute rows, empty ones ignored. */
public class IntentForm {

	static final int ROWS = 6;

	public static class Row {

		private String key;

		private String value;

		private boolean required;

		public String getKey() {
			return key;
		}

		public void setKey(String key) {
			this.key = key;
		}

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public boolean isRequired() {
			return required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

	}

	private String title;

	private String category;

	private List<String> regions = new ArrayList<>();

	private String place;

	private Integer radiusKm;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private Integer quantity;

	private BigDecimal budget;

	private String currency = "EUR";

	private String description;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expiresOn;

	private List<String> terms = new ArrayList<>();

	private List<String> disclosure = new ArrayList<>();

	private boolean openMarket;

	private List<Row> attributes = new ArrayList<>();

	/**
	 * Where the intent came from ({@code contract:<id>}), kept through the form; only
	 * such values are taken.
	 */
	private String source;

	public IntentForm() {
		while (attributes.size() < ROWS) {
			attributes.add(new Row());
		}
	}

	/** A suggested draft, not stored yet. */
	static IntentForm of(IntentDraft draft) {
		IntentForm form = new IntentForm();
		form.title = draft.title();
		form.category = draft.category();
		form.budget = draft.budget();
		form.currency = draft.currency() == null ? "EUR" : draft.currency();
		form.expiresOn = draft.expiresOn();
		form.terms = new ArrayList<>(draft.terms());
		form.disclosure = new ArrayList<>(draft.disclosure());
		form.openMarket = Boolean.TRUE.equals(draft.openMarket());
		return form;
	}

	String source() {
		return source != null && source.matches("contract:[0-9a-f-]{36}") ? source : null;
	}

	static IntentForm of(Intent intent) {
		IntentForm form = new IntentForm();
		form.title = intent.title();
		form.category = intent.category();
		form.regions = new ArrayList<>(intent.regions());
		form.place = intent.place();
		form.radiusKm = intent.radiusKm();
		form.from = intent.from();
		form.to = intent.to();
		form.quantity = intent.quantity();
		form.budget = intent.budget();
		form.currency = intent.currency() == null ? "EUR" : intent.currency();
		form.description = intent.description();
		form.expiresOn = LocalDate.ofInstant(intent.expiresAt(), ZoneOffset.UTC).minusDays(1);
		form.terms = new ArrayList<>(intent.terms());
		form.disclosure = new ArrayList<>(intent.disclosure());
		form.openMarket = intent.openMarket();
		form.attributes = new ArrayList<>();
		for (Attribute attribute : intent.attributes()) {
			Row row = new Row();
			row.key = attribute.key();
			row.value = attribute.value();
			row.required = attribute.required();
			form.attributes.add(row);
		}
		while (form.attributes.size() < Math.max(ROWS, intent.attributes().size() + 2)) {
			form.attributes.add(new Row());
		}
		return form;
	}

	IntentDraft draft() {
		List<Attribute> filled = attributes.stream()
			.filter(row -> row.key != null && !row.key.isBlank() || row.value != null && !row.value.isBlank())
			.map(row -> new Attribute(row.key, row.value, row.required))
			.toList();
		return new IntentDraft(title, category, null, regions, place, radiusKm, from, to, quantity, budget,
				budget == null ? null : currency, filled, description, expiresOn, terms, disclosure, openMarket);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public List<String> getRegions() {
		return regions;
	}

	public void setRegions(List<String> regions) {
		this.regions = regions == null ? new ArrayList<>() : regions;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public Integer getRadiusKm() {
		return radiusKm;
	}

	public void setRadiusKm(Integer radiusKm) {
		this.radiusKm = radiusKm;
	}

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public Integer getQuantity() {
		return quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getBudget() {
		return budget;
	}

	public void setBudget(BigDecimal budget) {
		this.budget = budget;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public LocalDate getExpiresOn() {
		return expiresOn;
	}

	public void setExpiresOn(LocalDate expiresOn) {
		this.expiresOn = expiresOn;
	}

	public List<String> getTerms() {
		return terms;
	}

	public void setTerms(List<String> terms) {
		this.terms = terms;
	}

	public boolean isOpenMarket() {
		return openMarket;
	}

	public void setOpenMarket(boolean openMarket) {
		this.openMarket = openMarket;
	}

	public List<String> getDisclosure() {
		return disclosure;
	}

	public void setDisclosure(List<String> disclosure) {
		this.disclosure = disclosure;
	}

	public List<Row> getAttributes() {
		return attributes;
	}

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public void setAttributes(List<Row> attributes) {
		this.attributes = attributes;
	}

}
