package org.openvrm.market.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Beckn {@code Authorization: Signature …} header (BECKN-006, "Signing Beckn APIs in
 * HTTP"): the sender's key, the signature's lifetime and an Ed25519 signature over the
 * signing string, which names {@code (created)}, {@code (expires)} and the BLAKE2b-512
 * digest of the body.
 *
 * @param subscriberId the sender as the network knows it (usually its domain)
 * @param keyId the sender's key among its keys (the registry's unique key id)
 * @param created when it was signed
 * @param expires when it stops being valid
 * @param signature the Ed25519 signature, base64
 */
public record BecknSignature(String subscriberId, String keyId, Instant created, Instant expires, String signature) {

	static final String ALGORITHM = "ed25519";

	static final String HEADERS = "(created) (expires) digest";

	/** {@code name="value"} pairs, commas between, blanks allowed around them. */
	private static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z]+)=\"([^\"]*)\"\\s*(?:,|$)");

	/** The header's value. */
	public String header() {
		return "Signature keyId=\"" + subscriberId + "|" + keyId + "|" + ALGORITHM + "\",algorithm=\"" + ALGORITHM
				+ "\",created=\"" + created.getEpochSecond() + "\",expires=\"" + expires.getEpochSecond()
				+ "\",headers=\"" + HEADERS + "\",signature=\"" + signature + "\"";
	}

	/** The string that is signed, for a body with this digest (base64 BLAKE2b-512). */
	static String signingString(Instant created, Instant expires, String digest) {
		return "(created): " + created.getEpochSecond() + "\n(expires): " + expires.getEpochSecond()
				+ "\ndigest: BLAKE-512=" + digest;
	}

	/**
	 * Reads a header's value; empty for anything that is not a well-formed ed25519 Beckn
	 * signature (another scheme or algorithm, a missing or repeated parameter, a keyId
	 * without its three parts, times that are not whole seconds).
	 */
	public static Optional<BecknSignature> parse(String header) {
		if (header == null || !header.startsWith("Signature ") || header.length() > 2048) {
			return Optional.empty();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PARAMETER.matcher(header.substring("Signature ".length()));
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			if (parameters.put(matcher.group(1), matcher.group(2)) != null) {
				return Optional.empty();
			}
			end = matcher.end();
		}
		if (end != header.length() - "Signature ".length()) {
			return Optional.empty();
		}
		String[] key = parameters.getOrDefault("keyId", "").split("\\|", -1);
		if (key.length != 3 || key[0].isEmpty() || key[1].isEmpty() || !ALGORITHM.equals(key[2])
				|| !ALGORITHM.equals(parameters.get("algorithm")) || !HEADERS.equals(parameters.get("headers"))
				|| parameters.get("signature") == null) {
			return Optional.empty();
		}
		try {
			return Optional
				.of(new BecknSignature(key[0], key[1], Instant.ofEpochSecond(Long.parseLong(parameters.get("created"))),
						Instant.ofEpochSecond(Long.parseLong(parameters.get("expires"))), parameters.get("signature")));
		}
		catch (NumberFormatException | NullPointerException | DateTimeException malformed) {
			return Optional.empty();
		}
	}

}
