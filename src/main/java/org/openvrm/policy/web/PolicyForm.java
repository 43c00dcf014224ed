package org.openvrm.policy.web;

import java.util.List;

import org.openvrm.policy.PolicyRule;

/**
 * The settings page's "new policy" forms: one per kind, each filling the fields its kind
 * uses.
 */
public class PolicyForm {

	private String kind;

	private Boolean favouritesOnly;

	private List<String> fields;

	private List<String> purposes;

	private Integer maxDays;

	private List<String> categories;

	private Boolean unverified;

	private Integer days;

	private Integer offers;

	private Boolean publish;

	PolicyRule rule() {
		return new PolicyRule(favouritesOnly, fields, purposes, maxDays, categories, unverified, days, offers, publish);
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Boolean getFavouritesOnly() {
		return favouritesOnly;
	}

	public void setFavouritesOnly(Boolean favouritesOnly) {
		this.favouritesOnly = favouritesOnly;
	}

	public List<String> getFields() {
		return fields;
	}

	public void setFields(List<String> fields) {
		this.fields = fields;
	}

	public List<String> getPurposes() {
		return purposes;
	}

	public void setPurposes(List<String> purposes) {
		this.purposes = purposes;
	}

	public Integer getMaxDays() {
		return maxDays;
	}

	public void setMaxDays(Integer maxDays) {
		this.maxDays = maxDays;
	}

	public List<String> getCategories() {
		return categories;
	}

	public void setCategories(List<String> categories) {
		this.categories = categories;
	}

	public Boolean getUnverified() {
		return unverified;
	}

	public void setUnverified(Boolean unverified) {
		this.unverified = unverified;
	}

	public Integer getDays() {
		return days;
	}

	public void setDays(Integer days) {
		this.days = days;
	}

	public Integer getOffers() {
		return offers;
	}

	public void setOffers(Integer offers) {
		this.offers = offers;
	}

	public Boolean getPublish() {
		return publish;
	}

	public void setPublish(Boolean publish) {
		this.publish = publish;
	}

}
