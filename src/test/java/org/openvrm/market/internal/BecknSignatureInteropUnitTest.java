package org.openvrm.market.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrm.market.internal.BecknSigning.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Beckn signatures against an implementation that is not ours: {@code @noble/ed25519}
 * with {@code @noble/hashes}' BLAKE2b, pinned in {@code .ci/beckn-signatures} (installed
 * by {@code .ci/run}; locally {@code npm ci} in that folder). Each side signs, the other
 * checks; a tampered body, a wrong key and an expired signature are refused by both.
 */
class BecknSignatureInteropUnitTest {

	private static final Path SCRIPT_DIR = Path.of(".ci/beckn-signatures");

	private static final SecureRandom RANDOM = new SecureRandom();

	@TempDir
	static Path dir;

	private static Path body;

	private static Path tampered;

	@BeforeAll
	static void messages() throws IOException {
		assertThat(SCRIPT_DIR.resolve("node_modules/@noble/ed25519"))
			.as("run npm ci in .ci/beckn-signatures (.ci/run does)")
			.isDirectory();
		String message = "{\"context\":{\"domain\":\"openvrm:holiday\",\"action\":\"search\",\"message_id\":\""
				+ UUID.randomUUID() + "\"},\"message\":{\"intent\":{\"descriptor\":{\"name\":\"Été à la mer\"}}}}";
		body = Files.writeString(dir.resolve("body.json"), message, StandardCharsets.UTF_8);
		tampered = Files.writeString(dir.resolve("tampered.json"), message.replace("mer", "mar"),
				StandardCharsets.UTF_8);
	}

	@Test
	void theirCheckAcceptsOurSignatureAndRefusesWhatItShould() throws Exception {
		byte[] seed = seed();
		Instant created = Instant.now();
		BecknSignature ours = BecknSigning.sign(Files.readAllBytes(body), seed, "hub-a.example", "k1", created,
				Duration.ofMinutes(5));
		String publicKey = base64(BecknSigning.publicKey(seed));
		long now = created.getEpochSecond() + 1;

		assertThat(node("verify", body, publicKey, ours.header(), now)).isEqualTo("VALID");
		assertThat(node("verify", tampered, publicKey, ours.header(), now)).isEqualTo("WRONG_SIGNATURE");
		assertThat(node("verify", body, base64(BecknSigning.publicKey(seed())), ours.header(), now))
			.isEqualTo("WRONG_SIGNATURE");
		assertThat(node("verify", body, publicKey, ours.header(), ours.expires().getEpochSecond()))
			.isEqualTo("EXPIRED");
	}

	@Test
	void ourCheckAcceptsTheirSignatureAndRefusesWhatItShould() throws Exception {
		byte[] seed = seed();
		long created = Instant.now().getEpochSecond();
		String header = node("sign", body, base64(seed), "hub-b.example", "k7", created, created + 300);
		BecknSignature theirs = BecknSignature.parse(header).orElseThrow();
		byte[] publicKey = BecknSigning.publicKey(seed);
		Instant now = Instant.ofEpochSecond(created + 1);

		assertThat(theirs.subscriberId()).isEqualTo("hub-b.example");
		assertThat(BecknSigning.verify(Files.readAllBytes(body), theirs, publicKey, now)).isEqualTo(Verdict.VALID);
		assertThat(BecknSigning.verify(Files.readAllBytes(tampered), theirs, publicKey, now))
			.isEqualTo(Verdict.WRONG_SIGNATURE);
		assertThat(BecknSigning.verify(Files.readAllBytes(body), theirs, BecknSigning.publicKey(seed()), now))
			.isEqualTo(Verdict.WRONG_SIGNATURE);
		assertThat(
				BecknSigning.verify(Files.readAllBytes(body), theirs, publicKey, Instant.ofEpochSecond(created + 300)))
			.isEqualTo(Verdict.EXPIRED);
	}

	private static String node(String command, Path file, String key, Object... rest) throws Exception {
		List<String> arguments = new ArrayList<>(
				List.of("node", "beckn-signature.mjs", command, file.toAbsolutePath().toString(), key));
		for (Object argument : rest) {
			arguments.add(String.valueOf(argument));
		}
		Process process = new ProcessBuilder(arguments).directory(SCRIPT_DIR.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return out;
	}

	private static byte[] seed() {
		byte[] seed = new byte[32];
		RANDOM.nextBytes(seed);
		return seed;
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
