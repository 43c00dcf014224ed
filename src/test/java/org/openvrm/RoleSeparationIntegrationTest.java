package org.openvrm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openvrm.account.AccountKind;
import org.openvrm.account.Accounts;
import org.openvrm.account.NewAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People, vendor members and operators each reach their own part of the hub and nothing of the
 * others'. Every page and endpoint of the application is in {@link #ENDPOINTS}; a new one fails
 * {@link #everyEndpointIsInThisMatrix()} until its access rule is stated here.
 */
@HubTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleSeparationIntegrationTest {

	enum Who {

		ANONYMOUS, PERSON, VENDOR, OPERATOR

	}

	record Endpoint(String method, String pattern, String path, Set<Who> allowed) {
	}

	static final Set<Who> EVERYONE = Set.of(Who.ANONYMOUS, Who.PERSON, Who.VENDOR, Who.OPERATOR);

	static final Set<Who> SIGNED_IN = Set.of(Who.PERSON, Who.VENDOR, Who.OPERATOR);

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("GET", "/", "/", EVERYONE),
			new Endpoint("GET", "/signup", "/signup", EVERYONE),
			new Endpoint("GET", "/login", "/login", EVERYONE),
			new Endpoint("GET", "/vendor/signup", "/vendor/signup", EVERYONE),
			new Endpoint("GET", "/invitation", "/invitation", EVERYONE),
			new Endpoint("GET", "/setup", "/setup", EVERYONE),
			new Endpoint("GET", "/recover", "/recover", EVERYONE),
			new Endpoint("GET", "/account/password", "/account/password", SIGNED_IN),
			new Endpoint("POST", "/account/password", "/account/password", SIGNED_IN),
			new Endpoint("GET", "/me", "/me", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/tokens", "/me/tokens", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/recovery-code", "/me/recovery-code", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/delete", "/me/delete", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/delete", "/me/delete", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/deletion", "/api/v1/me/deletion", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/recovery-code", "/me/recovery-code", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/vault", "/me/vault", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/records", "/me/records", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/documents", "/me/documents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/contracts", "/me/contracts", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/contracts/new", "/me/contracts/new", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/contracts", "/me/contracts", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/contracts/{id}", "/me/contracts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/contracts/{id}", "/me/contracts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/contracts/{id}/delete", "/me/contracts/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/contracts", "/api/v1/me/contracts", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/export", "/api/v1/me/export", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/audit", "/me/audit", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/audit", "/api/v1/me/audit", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/audit/verify", "/api/v1/me/audit/verify", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/contracts", "/api/v1/me/contracts", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/contracts/{id}", "/api/v1/me/contracts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/contracts/{id}", "/api/v1/me/contracts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/contracts/{id}", "/api/v1/me/contracts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/documents", "/me/documents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/documents/{id}", "/me/documents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/documents/{id}/delete", "/me/documents/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/documents", "/api/v1/me/documents", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/documents", "/api/v1/me/documents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/documents/{id}", "/api/v1/me/documents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/documents/{id}/content", "/api/v1/me/documents/00000000-0000-0000-0000-000000000000/content", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/documents/{id}", "/api/v1/me/documents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/records", "/me/records", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/records/new", "/me/records/new", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/records/{id}", "/me/records/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/records/{id}", "/me/records/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/records/{id}/delete", "/me/records/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/records", "/api/v1/me/records", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/records", "/api/v1/me/records", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/records/{id}", "/api/v1/me/records/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/records/{id}", "/api/v1/me/records/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/records/{id}", "/api/v1/me/records/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/records/{id}/history", "/api/v1/me/records/00000000-0000-0000-0000-000000000000/history", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/vault/unlock", "/me/vault/unlock", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vault/unlock", "/me/vault/unlock", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/tokens", "/me/tokens", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/tokens/{id}/revoke", "/me/tokens/00000000-0000-0000-0000-000000000000/revoke", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me", "/api/v1/me", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/sessions", "/api/v1/me/sessions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/sessions/sign-out-others", "/api/v1/me/sessions/sign-out-others", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/sessions/{handle}/sign-out", "/api/v1/me/sessions/0000000000000000/sign-out", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/tokens", "/api/v1/me/tokens", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/tokens", "/api/v1/me/tokens", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/contracts.ics", "/api/v1/me/contracts.ics?token=ovrm_cal_unknown", EVERYONE),
			new Endpoint("GET", "/api/v1/me/calendar-feed", "/api/v1/me/calendar-feed", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/calendar-feed", "/api/v1/me/calendar-feed", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/calendar-feed", "/api/v1/me/calendar-feed", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/contracts/calendar-feed", "/me/contracts/calendar-feed", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/contracts/calendar-feed/delete", "/me/contracts/calendar-feed/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/imports", "/me/imports", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/transactions", "/me/imports/transactions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/contacts", "/me/imports/contacts", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/discard-waiting", "/me/imports/discard-waiting", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/invoices", "/me/imports/invoices", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/imports/{id}", "/me/imports/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/{id}", "/me/imports/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/imports/{id}/progress", "/me/imports/00000000-0000-0000-0000-000000000000/progress", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/imports/{id}/delete", "/me/imports/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/invoices", "/me/invoices", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/invoices/{id}", "/me/invoices/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/invoices/{id}/delete", "/me/invoices/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/transactions", "/me/transactions", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/counterparties", "/me/counterparties", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/counterparties/{id}/delete", "/me/counterparties/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/transactions", "/api/v1/me/imports/transactions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/contacts", "/api/v1/me/imports/contacts", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/discard-waiting", "/api/v1/me/imports/discard-waiting", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/invoices", "/api/v1/me/imports/invoices", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/{id}/preview", "/api/v1/me/imports/00000000-0000-0000-0000-000000000000/preview", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/imports/{id}/commit", "/api/v1/me/imports/00000000-0000-0000-0000-000000000000/commit", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/imports", "/api/v1/me/imports", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/imports/{id}", "/api/v1/me/imports/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/imports/{id}", "/api/v1/me/imports/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/invoices", "/api/v1/me/invoices", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/invoices/{id}", "/api/v1/me/invoices/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/invoices/{id}", "/api/v1/me/invoices/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/transactions", "/api/v1/me/transactions", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/counterparties", "/api/v1/me/counterparties", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/counterparties/{id}", "/api/v1/me/counterparties/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/terms", "/terms", EVERYONE),
			new Endpoint("GET", "/terms/{id}", "/terms/SD-BASE", EVERYONE),
			new Endpoint("GET", "/api/v1/terms", "/api/v1/terms", EVERYONE),
			new Endpoint("GET", "/api/v1/terms/{id}", "/api/v1/terms/SD-BASE", EVERYONE),
			new Endpoint("GET", "/api/v1/terms/{id}/jsonld", "/api/v1/terms/SD-BASE/jsonld", EVERYONE),
			new Endpoint("GET", "/me/terms", "/me/terms", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/terms", "/me/terms", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/terms", "/api/v1/me/terms", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/terms", "/api/v1/me/terms", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/categories", "/api/v1/categories", EVERYONE),
			new Endpoint("GET", "/api/v1/categories/{id}/attributes", "/api/v1/categories/travel/attributes", EVERYONE),
			new Endpoint("GET", "/api/v1/regions", "/api/v1/regions", EVERYONE),
			new Endpoint("GET", "/vendors", "/vendors", EVERYONE),
			new Endpoint("GET", "/vendors/{id}", "/vendors/00000000-0000-0000-0000-000000000000", EVERYONE),
			new Endpoint("GET", "/vendors/{id}/logo", "/vendors/00000000-0000-0000-0000-000000000000/logo", EVERYONE),
			new Endpoint("GET", "/api/v1/vendors", "/api/v1/vendors", EVERYONE),
			new Endpoint("GET", "/api/v1/vendors/{id}", "/api/v1/vendors/00000000-0000-0000-0000-000000000000", EVERYONE),
			new Endpoint("GET", "/console/profile", "/console/profile", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/profile", "/console/profile", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/profile/logo", "/console/profile/logo", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/customers", "/console/customers", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/profile", "/api/v1/vendor/profile", Set.of(Who.VENDOR)),
			new Endpoint("PUT", "/api/v1/vendor/profile", "/api/v1/vendor/profile", Set.of(Who.VENDOR)),
			new Endpoint("PATCH", "/api/v1/vendor/profile", "/api/v1/vendor/profile", Set.of(Who.VENDOR)),
			new Endpoint("PUT", "/api/v1/vendor/profile/logo", "/api/v1/vendor/profile/logo", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/relationships", "/api/v1/vendor/relationships", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/relationships/{ref}", "/api/v1/vendor/relationships/cus_unknown", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/operator/vendors", "/operator/vendors", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/operator/vendors/{id}/verification", "/operator/vendors/00000000-0000-0000-0000-000000000000/verification", Set.of(Who.OPERATOR)),
			new Endpoint("PUT", "/api/v1/operator/vendors/{id}/verification", "/api/v1/operator/vendors/00000000-0000-0000-0000-000000000000/verification", Set.of(Who.OPERATOR)),
			new Endpoint("GET", "/me/vendors", "/me/vendors", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors", "/me/vendors", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/off-hub", "/me/vendors/off-hub", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/vendors/{id}", "/me/vendors/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/{id}/status", "/me/vendors/00000000-0000-0000-0000-000000000000/status", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/{id}/notes", "/me/vendors/00000000-0000-0000-0000-000000000000/notes", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/{id}/terms", "/me/vendors/00000000-0000-0000-0000-000000000000/terms", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/{id}/end", "/me/vendors/00000000-0000-0000-0000-000000000000/end", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/relationships", "/api/v1/me/relationships", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/relationships", "/api/v1/me/relationships", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/relationships/{id}", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PATCH", "/api/v1/me/relationships/{id}", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/relationships/{id}/end", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000/end", Set.of(Who.PERSON)),
			new Endpoint("GET", "/.well-known/jwks.json", "/.well-known/jwks.json", EVERYONE),
			new Endpoint("POST", "/api/v1/agreements/verify", "/api/v1/agreements/verify", EVERYONE),
			new Endpoint("GET", "/api/v1/vendor/agreements", "/api/v1/vendor/agreements", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/relationships/{ref}/agreements/{agreementId}/accept", "/api/v1/vendor/relationships/cus_x/agreements/SD-BASE/accept", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/relationships/{ref}/agreements/{agreementId}/decline", "/api/v1/vendor/relationships/cus_x/agreements/SD-BASE/decline", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/agreements/{id}/record", "/api/v1/vendor/agreements/00000000-0000-0000-0000-000000000000/record", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/me/relationships/{id}/agreements", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000/agreements", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/agreements/{id}/record", "/api/v1/me/agreements/00000000-0000-0000-0000-000000000000/record", Set.of(Who.PERSON)),
			new Endpoint("GET", "/console/agreements", "/console/agreements", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/agreements/{ref}/{agreementId}/accept", "/console/agreements/cus_x/SD-BASE/accept", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/agreements/{ref}/{agreementId}/decline", "/console/agreements/cus_x/SD-BASE/decline", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/clients", "/api/v1/vendor/clients", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/clients", "/api/v1/vendor/clients", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/registration-tokens", "/api/v1/vendor/registration-tokens", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor-signups", "/api/v1/vendor-signups", EVERYONE),
			new Endpoint("POST", "/api/v1/vendor-registrations", "/api/v1/vendor-registrations", EVERYONE),
			new Endpoint("POST", "/api/v1/vendor/clients/{clientId}/rotate", "/api/v1/vendor/clients/ovc_unknown/rotate", Set.of(Who.VENDOR)),
			new Endpoint("DELETE", "/api/v1/vendor/clients/{clientId}", "/api/v1/vendor/clients/ovc_unknown", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/clients", "/console/clients", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/clients", "/console/clients", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/clients/registration-token", "/console/clients/registration-token", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/clients/{clientId}/rotate", "/console/clients/ovc_unknown/rotate", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/clients/{clientId}/revoke", "/console/clients/ovc_unknown/revoke", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/webhooks", "/api/v1/vendor/webhooks", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/webhooks", "/api/v1/vendor/webhooks", Set.of(Who.VENDOR)),
			new Endpoint("DELETE", "/api/v1/vendor/webhooks/{id}", "/api/v1/vendor/webhooks/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/webhooks/{id}/test", "/api/v1/vendor/webhooks/00000000-0000-0000-0000-000000000000/test", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/webhooks", "/console/webhooks", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/me/sharing", "/me/sharing", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/sharing/grants", "/me/sharing/grants", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/sharing/grants/{id}/revoke", "/me/sharing/grants/00000000-0000-0000-0000-000000000000/revoke", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/sharing/grants/{id}/until", "/me/sharing/grants/00000000-0000-0000-0000-000000000000/until", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/sharing/requests/{id}/approve", "/me/sharing/requests/00000000-0000-0000-0000-000000000000/approve", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/sharing/requests/{id}/decline", "/me/sharing/requests/00000000-0000-0000-0000-000000000000/decline", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/sharing/access-log", "/me/sharing/access-log", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/sharing/receipts/{id}", "/me/sharing/receipts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/kept-out", "/me/kept-out", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/kept-out", "/api/v1/me/kept-out", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/grants", "/api/v1/me/grants", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/grants", "/api/v1/me/grants", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/grants/{id}", "/api/v1/me/grants/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/grants/{id}", "/api/v1/me/grants/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/grants/{id}/revoke", "/api/v1/me/grants/00000000-0000-0000-0000-000000000000/revoke", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/access-log", "/api/v1/me/access-log", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/data-requests", "/api/v1/me/data-requests", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/data-requests/{id}", "/api/v1/me/data-requests/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/data-requests/{id}/approve", "/api/v1/me/data-requests/00000000-0000-0000-0000-000000000000/approve", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/data-requests/{id}/decline", "/api/v1/me/data-requests/00000000-0000-0000-0000-000000000000/decline", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/receipts", "/api/v1/me/receipts", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/receipts/{id}", "/api/v1/me/receipts/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/receipts/verify", "/api/v1/receipts/verify", EVERYONE),
			new Endpoint("GET", "/api/v1/vendor/relationships/{ref}/data", "/api/v1/vendor/relationships/cus_x/data", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/relationships/{ref}/data/documents/{id}", "/api/v1/vendor/relationships/cus_x/data/documents/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/relationships/{ref}/documents", "/api/v1/vendor/relationships/cus_x/documents", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/relationships/{ref}/transactions", "/api/v1/vendor/relationships/cus_x/transactions", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/data-requests", "/api/v1/vendor/data-requests", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/data-requests", "/api/v1/vendor/data-requests", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/data-requests/{id}", "/api/v1/vendor/data-requests/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/receipts", "/api/v1/vendor/receipts", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/receipts/{id}", "/api/v1/vendor/receipts/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/events", "/api/v1/vendor/events", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/offers/{offerId}/attachments", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/attachments", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/offers/{offerId}/attachments/{attachmentId}", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/attachments/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}/offers/{id}/attachments", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000/attachments", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/intents/{ref}/offers/{id}/attachments", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000/attachments", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/intents/{ref}/offers/{id}/attachments", "/console/intents/int_x/offers/00000000-0000-0000-0000-000000000000/attachments", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/me/contracts/{contractId}/intent", "/api/v1/me/contracts/00000000-0000-0000-0000-000000000000/intent", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/vendor/webhooks/{id}/deliveries", "/api/v1/vendor/webhooks/00000000-0000-0000-0000-000000000000/deliveries", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/webhooks/{id}/deliveries/{deliveryId}/redeliver", "/api/v1/vendor/webhooks/00000000-0000-0000-0000-000000000000/deliveries/00000000-0000-0000-0000-000000000000/redeliver", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/webhooks/{id}/deliveries/{deliveryId}/redeliver", "/console/webhooks/00000000-0000-0000-0000-000000000000/deliveries/00000000-0000-0000-0000-000000000000/redeliver", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/me/intents", "/me/intents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/intents/new", "/me/intents/new", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/intents/suggestions", "/me/intents/suggestions?category=travel", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents", "/me/intents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/intents/{id}", "/me/intents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/intents/{id}/edit", "/me/intents/00000000-0000-0000-0000-000000000000/edit", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}", "/me/intents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/publish", "/me/intents/00000000-0000-0000-0000-000000000000/publish", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/withdraw", "/me/intents/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/decline-all", "/me/intents/00000000-0000-0000-0000-000000000000/decline-all", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/shortlist", "/me/intents/00000000-0000-0000-0000-000000000000/shortlist", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/reopen", "/me/intents/00000000-0000-0000-0000-000000000000/reopen", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/offers/{offerId}/accept", "/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/intents/{id}/offers/{offerId}/messages", "/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.PERSON)),
			new Endpoint("GET", "/console/intents", "/console/intents", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/intents/{ref}", "/console/intents/int_x", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/intents/{ref}/agreement", "/console/intents/int_x/agreement", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/intents/{ref}/offers", "/console/intents/int_x/offers", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/intents/{ref}/offers/{id}/withdraw", "/console/intents/int_x/offers/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/intents/{ref}/offers/{id}/messages", "/console/intents/int_x/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/subscriptions", "/console/subscriptions", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/subscriptions", "/console/subscriptions", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/subscriptions/{id}/delete", "/console/subscriptions/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/me/intents", "/api/v1/me/intents", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents", "/api/v1/me/intents", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/intents/{id}", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/jsonld", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/jsonld", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/publish", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/publish", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/withdraw", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/decline-all", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/decline-all", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/shortlist", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/shortlist", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/reopen", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/reopen", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/offers", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/offers/{offerId}", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/offers/{offerId}/accept", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/intents/{id}/offers/{offerId}/messages", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/intents/{id}/offers/{offerId}/messages", "/api/v1/me/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/vendor/subscriptions", "/api/v1/vendor/subscriptions", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/subscriptions", "/api/v1/vendor/subscriptions", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/subscriptions/{id}", "/api/v1/vendor/subscriptions/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("PUT", "/api/v1/vendor/subscriptions/{id}", "/api/v1/vendor/subscriptions/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("DELETE", "/api/v1/vendor/subscriptions/{id}", "/api/v1/vendor/subscriptions/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents", "/api/v1/vendor/intents", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}", "/api/v1/vendor/intents/int_x", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}/jsonld", "/api/v1/vendor/intents/int_x/jsonld", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/intents/{ref}/agreement", "/api/v1/vendor/intents/int_x/agreement", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}/offers", "/api/v1/vendor/intents/int_x/offers", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/intents/{ref}/offers", "/api/v1/vendor/intents/int_x/offers", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}/offers/{id}", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("PUT", "/api/v1/vendor/intents/{ref}/offers/{id}", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/intents/{ref}/offers/{id}/withdraw", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/intents/{ref}/offers/{id}/messages", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/intents/{ref}/offers/{id}/messages", "/api/v1/vendor/intents/int_x/offers/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/me/inbox", "/me/inbox", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/inbox/rules", "/me/inbox/rules", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/inbox/{id}/archive", "/me/inbox/00000000-0000-0000-0000-000000000000/archive", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/inbox/channels/{relationshipId}", "/me/inbox/channels/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/inbox/channels/{relationshipId}/messages", "/me/inbox/channels/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/inbox/channels/{relationshipId}/close", "/me/inbox/channels/00000000-0000-0000-0000-000000000000/close", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/inbox/channels/{relationshipId}/limit", "/me/inbox/channels/00000000-0000-0000-0000-000000000000/limit", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/interests", "/me/interests", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/interests", "/me/interests", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/interests/{id}/withdraw", "/me/interests/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/introductions/{id}/accept", "/me/introductions/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/introductions/{id}/ignore", "/me/introductions/00000000-0000-0000-0000-000000000000/ignore", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/introductions/{id}/report", "/me/introductions/00000000-0000-0000-0000-000000000000/report", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/inbox", "/api/v1/me/inbox", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/inbox/{id}/archive", "/api/v1/me/inbox/00000000-0000-0000-0000-000000000000/archive", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/inbox/{id}/unarchive", "/api/v1/me/inbox/00000000-0000-0000-0000-000000000000/unarchive", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/channels", "/api/v1/me/channels", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/channels/{relationshipId}", "/api/v1/me/channels/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/channels/{relationshipId}/messages", "/api/v1/me/channels/00000000-0000-0000-0000-000000000000/messages", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/channels/{relationshipId}/close", "/api/v1/me/channels/00000000-0000-0000-0000-000000000000/close", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/channels/{relationshipId}/reopen", "/api/v1/me/channels/00000000-0000-0000-0000-000000000000/reopen", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/channels/{relationshipId}/limit", "/api/v1/me/channels/00000000-0000-0000-0000-000000000000/limit", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/inbox/rules", "/api/v1/me/inbox/rules", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/inbox/rules", "/api/v1/me/inbox/rules", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/interests", "/api/v1/me/interests", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/interests", "/api/v1/me/interests", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/interests/{id}", "/api/v1/me/interests/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/interests/{id}", "/api/v1/me/interests/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/interests/{id}", "/api/v1/me/interests/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/introductions", "/api/v1/me/introductions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/introductions/{id}/accept", "/api/v1/me/introductions/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/introductions/{id}/ignore", "/api/v1/me/introductions/00000000-0000-0000-0000-000000000000/ignore", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/introductions/{id}/report", "/api/v1/me/introductions/00000000-0000-0000-0000-000000000000/report", Set.of(Who.PERSON)),
			new Endpoint("GET", "/console/messages", "/console/messages", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/messages/{ref}", "/console/messages/cus_x", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/messages/{ref}", "/console/messages/cus_x", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/interests", "/console/interests", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/interests/{ref}/introductions", "/console/interests/itr_x/introductions", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/relationships/{ref}/messages", "/api/v1/vendor/relationships/cus_x/messages", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/relationships/{ref}/messages", "/api/v1/vendor/relationships/cus_x/messages", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/interests", "/api/v1/vendor/interests", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/interests/{ref}/introductions", "/api/v1/vendor/interests/itr_x/introductions", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/vendor/introductions", "/api/v1/vendor/introductions", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console/sharing", "/console/sharing", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/sharing/requests", "/console/sharing/requests", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/sharing/push", "/console/sharing/push", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/webhooks", "/console/webhooks", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/webhooks/{id}/test", "/console/webhooks/00000000-0000-0000-0000-000000000000/test", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/webhooks/{id}/delete", "/console/webhooks/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/console", "/console", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/invitations", "/console/invitations", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/invitations/{id}/cancel", "/console/invitations/00000000-0000-0000-0000-000000000000/cancel", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/operator", "/operator", Set.of(Who.OPERATOR)),
			new Endpoint("GET", "/actuator/health", "/actuator/health", Set.of(Who.OPERATOR)),
			new Endpoint("GET", "/actuator/prometheus", "/actuator/prometheus", Set.of(Who.OPERATOR)),
			new Endpoint("GET", "/account/sessions", "/account/sessions", SIGNED_IN),
			new Endpoint("POST", "/account/sessions/sign-out-others", "/account/sessions/sign-out-others", SIGNED_IN),
			new Endpoint("POST", "/account/sessions/{handle}/sign-out", "/account/sessions/0000000000000000/sign-out", SIGNED_IN),
			new Endpoint("GET", "/webauthn/register", "/webauthn/register", SIGNED_IN),
			new Endpoint("GET", "/me/policies", "/me/policies", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies", "/me/policies", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/{id}/switch", "/me/policies/00000000-0000-0000-0000-000000000000/switch", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/{id}/delete", "/me/policies/00000000-0000-0000-0000-000000000000/delete", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/actions/{id}/undo", "/me/policies/actions/00000000-0000-0000-0000-000000000000/undo", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/apply", "/me/policies/apply", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/service-share", "/me/policies/service-share", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/service-share/revoke", "/me/policies/service-share/revoke", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/policies/summary", "/me/policies/summary", Set.of(Who.PERSON)),
			new Endpoint("GET", "/me/welcome", "/me/welcome", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/welcome", "/me/welcome", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/welcome/skip", "/me/welcome/skip", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/requests/{id}/approve", "/me/decisions/requests/00000000-0000-0000-0000-000000000000/approve", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/requests/{id}/decline", "/me/decisions/requests/00000000-0000-0000-0000-000000000000/decline", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/intents/{id}/offers/{offerId}/accept", "/me/decisions/intents/00000000-0000-0000-0000-000000000000/offers/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/intents/{id}/publish", "/me/decisions/intents/00000000-0000-0000-0000-000000000000/publish", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/intents/{id}/withdraw", "/me/decisions/intents/00000000-0000-0000-0000-000000000000/withdraw", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/contracts/{id}/ask", "/me/decisions/contracts/00000000-0000-0000-0000-000000000000/ask", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/introductions/{id}/accept", "/me/decisions/introductions/00000000-0000-0000-0000-000000000000/accept", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/introductions/{id}/ignore", "/me/decisions/introductions/00000000-0000-0000-0000-000000000000/ignore", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/decisions/dismiss", "/me/decisions/dismiss", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/policies", "/api/v1/me/policies", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/policies", "/api/v1/me/policies", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/policies/{id}", "/api/v1/me/policies/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/policies/{id}", "/api/v1/me/policies/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/policies/{id}", "/api/v1/me/policies/00000000-0000-0000-0000-000000000000", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/policies/actions", "/api/v1/me/policies/actions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/policies/actions/{id}/undo", "/api/v1/me/policies/actions/00000000-0000-0000-0000-000000000000/undo", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/policies/apply", "/api/v1/me/policies/apply", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/policies/defaults", "/api/v1/me/policies/defaults", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/service-share", "/api/v1/me/service-share", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/service-share", "/api/v1/me/service-share", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/service-share", "/api/v1/me/service-share", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/decisions", "/api/v1/me/decisions", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/me/decisions/{item}/dismiss", "/api/v1/me/decisions/contract:x/dismiss", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/ratings", "/api/v1/me/ratings", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/me/relationships/{id}/rating", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000/rating", Set.of(Who.PERSON)),
			new Endpoint("PUT", "/api/v1/me/relationships/{id}/rating", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000/rating", Set.of(Who.PERSON)),
			new Endpoint("DELETE", "/api/v1/me/relationships/{id}/rating", "/api/v1/me/relationships/00000000-0000-0000-0000-000000000000/rating", Set.of(Who.PERSON)),
			new Endpoint("POST", "/api/v1/ratings/{id}/reports", "/api/v1/ratings/00000000-0000-0000-0000-000000000000/reports", Set.of(Who.PERSON)),
			new Endpoint("GET", "/api/v1/vendors/{id}/reputation", "/api/v1/vendors/00000000-0000-0000-0000-000000000000/reputation", EVERYONE),
			new Endpoint("GET", "/api/v1/vendor/ratings", "/api/v1/vendor/ratings", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/api/v1/vendor/ratings/{id}/reply", "/api/v1/vendor/ratings/00000000-0000-0000-0000-000000000000/reply", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/api/v1/operator/rating-reports", "/api/v1/operator/rating-reports", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/api/v1/operator/rating-reports/{id}/hide", "/api/v1/operator/rating-reports/00000000-0000-0000-0000-000000000000/hide", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/api/v1/operator/rating-reports/{id}/keep", "/api/v1/operator/rating-reports/00000000-0000-0000-0000-000000000000/keep", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/me/vendors/{id}/rating", "/me/vendors/00000000-0000-0000-0000-000000000000/rating", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/vendors/{id}/rating/delete", "/me/vendors/00000000-0000-0000-0000-000000000000/rating/delete", Set.of(Who.PERSON)),
			new Endpoint("POST", "/me/ratings/{id}/report", "/me/ratings/00000000-0000-0000-0000-000000000000/report", Set.of(Who.PERSON)),
			new Endpoint("GET", "/console/ratings", "/console/ratings", Set.of(Who.VENDOR)),
			new Endpoint("POST", "/console/ratings/{id}/reply", "/console/ratings/00000000-0000-0000-0000-000000000000/reply", Set.of(Who.VENDOR)),
			new Endpoint("GET", "/operator/rating-reports", "/operator/rating-reports", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/operator/rating-reports/{id}/hide", "/operator/rating-reports/00000000-0000-0000-0000-000000000000/hide", Set.of(Who.OPERATOR)),
			new Endpoint("POST", "/operator/rating-reports/{id}/keep", "/operator/rating-reports/00000000-0000-0000-0000-000000000000/keep", Set.of(Who.OPERATOR)));

	/** Handlers that are not pages of ours: sign-up posts (public by nature) and the error page. */
	static final Set<String> PUBLIC_FORM_POSTS = Set.of("/signup", "/vendor/signup", "/invitation", "/setup", "/recover", "/error",
			"/error/problem");

	/** Stands for "redirected to the sign-in page". */
	static final int TO_SIGN_IN = 999;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Map<Who, HubClient> clients;

	@BeforeAll
	void signInOnePerKind() {
		String operatorEmail = Hub.uniqueEmail("op");
		accounts.register(new NewAccount(operatorEmail, "Operator", Hub.PASSWORD, AccountKind.OPERATOR, Locale.ENGLISH));
		clients = Map.of(Who.ANONYMOUS, new HubClient(port), Who.PERSON, Hub.person(port), Who.VENDOR,
				Hub.vendorAdmin(port), Who.OPERATOR, Hub.signIn(port, operatorEmail, Hub.PASSWORD));
	}

	@Test
	void eachKindReachesOnlyItsOwnPart() {
		for (Endpoint endpoint : ENDPOINTS) {
			for (Who who : Who.values()) {
				int status = call(clients.get(who), endpoint);
				String what = who + " " + endpoint.method() + " " + endpoint.path() + " -> " + status;
				if (endpoint.allowed().contains(who)) {
					assertThat(status).as(what).isNotIn(401, 403, TO_SIGN_IN);
				}
				else if (who == Who.ANONYMOUS) {
					assertThat(status).as(what).isIn(TO_SIGN_IN, 401);
				}
				else {
					assertThat(status).as(what).isEqualTo(403);
				}
			}
		}
	}

	@Test
	void anonymousPagesRedirectToSignInAndTheApiAnswers401() {
		HubClient anonymous = new HubClient(port);
		assertThat(anonymous.get("/console").location()).isEqualTo("/login");
		assertThat(anonymous.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void everyEndpointIsInThisMatrix() {
		Set<String> mapped = mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().getBeanType().getPackageName().startsWith("org.openvrm"))
			.flatMap(e -> e.getKey().getPatternValues().stream())
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> covered = ENDPOINTS.stream().map(Endpoint::pattern).collect(Collectors.toSet());
		mapped.removeAll(covered);
		mapped.removeAll(PUBLIC_FORM_POSTS);
		assertThat(mapped).as("endpoints without a stated access rule").isEmpty();
	}

	private static int call(HubClient client, Endpoint endpoint) {
		if (endpoint.method().equals("GET")) {
			HubClient.Response response = client.get(endpoint.path());
			return response.status() == 302 && "/login".equals(response.location()) ? TO_SIGN_IN : response.status();
		}
		if (endpoint.path().startsWith("/api/")) {
			return client.sendJson(endpoint.method(), endpoint.path(), "{}").status();
		}
		HubClient.Response response = client.submit("/login", endpoint.path(), Map.of());
		return response.status() == 302 && "/login".equals(response.location()) ? TO_SIGN_IN : response.status();
	}
}
