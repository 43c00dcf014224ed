package org.openvrm.market.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openvrm.market.internal.BecknSigning.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our signing against the worked example of BECKN-006 (the values below are the
 * document's), and the checks a receiver makes.
 */
class BecknSigningUnitTest {

	private static final String PRIVATE_KEY = "lP3sHA+9gileOkXYJXh4Jg8tK0gEEMbf9yCPnFpbldhrAY+NErqL9WD+Vav7TE5tyVXGXBle9ONZi2W7o144eQ==";

	private static final String PUBLIC_KEY = "awGPjRK6i/Vg/lWr+0xObclVxlwZXvTjWYtlu6NeOHk=";

	private static final String DIGEST = "b6lf6lRgOweajukcvcLsagQ2T60+85kRh/Rd2bdS+TG/5ALebOEgDJfyCrre/1+BMu5nA94o4DT3pTFXuUg7sw==";

	private static final String SIGNATURE = "cjbhP0PFyrlSCNszJM1F/YmHDVAWsZqJUPzojnE/7TJU3fJ/rmIlgaUHEr5E0/2PIyf0tpSnWtT6cyNNlpmoAQ==";

	private static final Instant CREATED = Instant.ofEpochSecond(1641287875);

	private static final Instant EXPIRES = Instant.ofEpochSecond(1641291475);

	@Test
	void theDigestOfTheSpecificationsExamples() throws IOException {
		assertThat(BecknSigning.digest(body())).isEqualTo(DIGEST);
		assertThat(BecknSigning.digest("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("qK3Uvd39k+SHfSdG5igXsRY2Sh+nvBSNlQkLxzM7NnP4JAHPeqLkyx7NkCluPxTLVBP47Xe+cwRbE5FM3NapGA==");
	}

	@Test
	void signsAsTheSpecificationsExampleDoes() throws IOException {
		BecknSignature signature = BecknSigning.sign(body(), seed(), "example-bap.com",
				"ae3ea24b-cfec-495e-81f8-044aaef164ac", CREATED, Duration.between(CREATED, EXPIRES));

		assertThat(signature.signature()).isEqualTo(SIGNATURE);
		assertThat(signature.header()).isEqualTo(
				"Signature keyId=\"example-bap.com|ae3ea24b-cfec-495e-81f8-044aaef164ac|ed25519\",algorithm=\"ed25519\","
						+ "created=\"1641287875\",expires=\"1641291475\",headers=\"(created) (expires) digest\","
						+ "signature=\"" + SIGNATURE + "\"");
		assertThat(Base64.getEncoder().encodeToString(BecknSigning.publicKey(seed()))).isEqualTo(PUBLIC_KEY);
	}

	@Test
	void acceptsTheSpecificationsHeaderWhileItIsValid() throws IOException {
		BecknSignature parsed = BecknSignature
			.parse("Signature keyId=\"example-bap.com|ae3ea24b-cfec-495e-81f8-044aaef164ac|ed25519\","
					+ "algorithm=\"ed25519\",created=\"1641287875\",expires=\"1641291475\","
					+ "headers=\"(created) (expires) digest\",signature=\"" + SIGNATURE + "\"")
			.orElseThrow();

		assertThat(parsed.subscriberId()).isEqualTo("example-bap.com");
		assertThat(parsed.keyId()).isEqualTo("ae3ea24b-cfec-495e-81f8-044aaef164ac");
		assertThat(BecknSigning.verify(body(), parsed, publicKey(), CREATED.plusSeconds(60))).isEqualTo(Verdict.VALID);
	}

	@Test
	void refusesATamperedBodyAWrongKeyAndTimesOutsideTheSignature() throws IOException {
		BecknSignature signature = new BecknSignature("example-bap.com", "k", CREATED, EXPIRES, SIGNATURE);
		byte[] tampered = body();
		tampered[tampered.length - 5] ^= 1;
		byte[] otherKey = BecknSigning.publicKey(new byte[32]);

		assertThat(BecknSigning.verify(tampered, signature, publicKey(), CREATED)).isEqualTo(Verdict.WRONG_SIGNATURE);
		assertThat(BecknSigning.verify(body(), signature, otherKey, CREATED)).isEqualTo(Verdict.WRONG_SIGNATURE);
		assertThat(BecknSigning.verify(body(), signature, publicKey(), EXPIRES)).isEqualTo(Verdict.EXPIRED);
		assertThat(BecknSigning.verify(body(), signature, publicKey(), CREATED.minusSeconds(120)))
			.isEqualTo(Verdict.NOT_YET_VALID);
		assertThat(BecknSigning.verify(body(),
				new BecknSignature("example-bap.com", "k", CREATED, EXPIRES, "not base64!"), publicKey(), CREATED))
			.isEqualTo(Verdict.MALFORMED);
	}

	@Test
	void readsOnlyWellFormedHeaders() {
		String valid = "keyId=\"a.example|k1|ed25519\",algorithm=\"ed25519\",created=\"1\",expires=\"2\","
				+ "headers=\"(created) (expires) digest\",signature=\"c2ln\"";

		assertThat(BecknSignature.parse("Signature " + valid)).isPresent();
		assertThat(BecknSignature.parse("Signature " + valid.replace("\",", "\", "))).isPresent();
		assertThat(BecknSignature.parse("Bearer " + valid)).isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid.replace("|ed25519", "|rsa"))).isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid.replace("a.example|k1|", "a.example|"))).isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid.replace("created=\"1\"", "created=\"soon\""))).isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid + ",signature=\"again\"")).isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid.replace(",headers=\"(created) (expires) digest\"", "")))
			.isEmpty();
		assertThat(BecknSignature.parse("Signature " + valid + " trailing")).isEmpty();
		assertThat(BecknSignature.parse(null)).isEmpty();
	}

	private static byte[] body() throws IOException {
		try (InputStream in = BecknSigningUnitTest.class.getResourceAsStream("/beckn/signing-example-body.json")) {
			return in.readAllBytes();
		}
	}

	private static byte[] seed() {
		return Arrays.copyOf(Base64.getDecoder().decode(PRIVATE_KEY), 32);
	}

	private static byte[] publicKey() {
		return Base64.getDecoder().decode(PUBLIC_KEY);
	}

}
