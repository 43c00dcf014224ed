package org.openvrm.market.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openvrm.market.internal.DemandFeed;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Public: open demand", description = "What people want to buy, for vendors without any integration: the "
		+ "intents whose people chose the open market, as schema.org Demands. No sign-in.")
class DemandFeedApi {

	static final String JSON_LD = "application/ld+json";

	static final String EXAMPLE = """
			{
			  "@context": ["https://schema.org", {"next": {"@id": "http://www.w3.org/ns/hydra/core#next", "@type": "@id"}}],
			  "@type": "DataFeed",
			  "@id": "https://hub.example.org/market/demand?limit=1",
			  "name": "Open demand at hub.example.org",
			  "description": "What people want to buy, published to the open market and taking offers, newest first. …",
			  "url": "https://hub.example.org/market/demand",
			  "dataFeedElement": [{
			    "@type": "Demand",
			    "@id": "https://hub.example.org/api/v1/vendor/intents/int_7kq2m9x4p8r3t6w2z5cd",
			    "identifier": "int_7kq2m9x4p8r3t6w2z5cd",
			    "name": "Train holiday by the sea, south of France",
			    "itemOffered": {
			      "@type": "Product",
			      "name": "Train holiday by the sea, south of France",
			      "category": "travel.package-holidays.beach",
			      "additionalProperty": [
			        {"@type": "PropertyValue", "propertyID": "transport", "value": "train", "valueReference": "required"},
			        {"@type": "PropertyValue", "propertyID": "rail-pass-held", "value": "yes", "valueReference": "nice-to-have"}
			      ]
			    },
			    "eligibleRegion": {"@type": "Place", "name": "South of France, by the sea",
			      "address": {"@type": "PostalAddress", "addressCountry": "FR", "addressRegion": "FR"}},
			    "availabilityStarts": "2027-08-01",
			    "availabilityEnds": "2027-08-15",
			    "eligibleQuantity": {"@type": "QuantitativeValue", "value": 4},
			    "priceSpecification": {"@type": "PriceSpecification", "maxPrice": 3500.00, "priceCurrency": "EUR"},
			    "validThrough": "2027-07-15T23:59:59.999999999Z",
			    "subjectOf": [{"@type": "DigitalDocument", "identifier": "SD-BASE",
			      "url": "https://hub.example.org/api/v1/terms/SD-BASE"}]
			  }],
			  "next": "https://hub.example.org/market/demand?after=MjAyNy0wNy0wMVQwOTozMDowMFogaW50Xzdr&limit=1"
			}""";

	private final DemandFeed feed;

	private final JsonMapper json;

	DemandFeedApi(DemandFeed feed, JsonMapper json) {
		this.feed = feed;
		this.json = json;
	}

	@GetMapping(path = DemandFeed.PATH, produces = { JSON_LD, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The public demand feed (JSON-LD)",
			description = "Anyone may read it, without signing in, when the hub's operator opened it "
					+ "(openvrm.market.demand-feed; 404 otherwise). A schema.org `DataFeed` whose `dataFeedElement`s "
					+ "are `Demand`s: the published intents whose people chose the open market, while they take offers "
					+ "(not shortlisted, not expired), newest publication first. Each appears under its random `identifier` "
					+ "(the intent's ref): nothing names or links the person. What is sought is the `itemOffered`, a "
					+ "`Product` with the `category` and the attributes as `additionalProperty`; the terms a bidder must "
					+ "accept are `subjectOf` links. Paged by an opaque cursor: when there is more, `next` in the body and "
					+ "the `Link: <…>; rel=\"next\"` header give the next page's address. Cacheable for 60 seconds "
					+ "(`Cache-Control: public, max-age=60`) with an `ETag`: `If-None-Match` gets 304 while nothing "
					+ "changed. Each client address may ask 60 times a minute by default (429 with Retry-After above).")
	@ApiResponse(responseCode = "200", description = "One page of the feed", headers = {
			@Header(name = "ETag", description = "The page's validator, for If-None-Match",
					schema = @Schema(type = "string")),
			@Header(name = "Cache-Control", description = "public, max-age=60", schema = @Schema(type = "string")),
			@Header(name = "Link", description = "`<address>; rel=\"next\"` when there is a next page",
					schema = @Schema(type = "string")) },
			content = {
					@Content(mediaType = JSON_LD,
							schema = @Schema(type = "object",
									description = "A schema.org DataFeed of Demands (JSON-LD); see the example"),
							examples = @ExampleObject(name = "page", summary = "A page of one Demand, with a next page",
									description = "Newest first; `next` (and the Link header) names the next page.",
									value = EXAMPLE)),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(type = "object", description = "The same document as plain JSON"),
							examples = @ExampleObject(name = "page", summary = "A page of one Demand, with a next page",
									description = "Newest first; `next` (and the Link header) names the next page.",
									value = EXAMPLE)) })
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match header named the page's ETag",
			content = @Content,
			headers = { @Header(name = "ETag", description = "The page's validator", schema = @Schema(type = "string")),
					@Header(name = "Cache-Control", description = "public, max-age=60",
							schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
	ResponseEntity<Map<String, Object>> page(
			@Parameter(description = "the cursor from the previous page's `next`") @RequestParam(
					required = false) String after,
			@Parameter(description = "1 to 100, default 50") @RequestParam(defaultValue = "50") int limit,
			HttpServletRequest request) {
		DemandFeed.Page page = feed.page(request.getRemoteAddr(), after, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
			.eTag(etag(page.document()))
			.varyBy(HttpHeaders.ACCEPT);
		if (page.next() != null) {
			ok.header(HttpHeaders.LINK, "<" + page.next() + ">; rel=\"next\"");
		}
		return ok.body(page.document());
	}

	/** A digest of the document as it is written: equal pages, equal tags. */
	private String etag(Map<String, Object> document) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(document));
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
