package org.openvrm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;

import org.openvrm.Hub;
import org.openvrm.OpenVrmApplication;
import org.openvrm.vault.internal.ContentCipher;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Vault put + get through HTTP, with encryption and with it switched off, in one run
 * (issue 3's benchmark; figures in bench/README.md). The whole hub runs on an in-memory
 * H2 database with {@link ContentCipher} (the data key's and every document key's AEAD)
 * replaced by one that can be switched to a pass-through, so the two modes differ only in
 * the encryption of content. One client thread uploads a document with a personal access
 * token and downloads it again; batches alternate the two modes so that neither is
 * favoured by a warmer JVM. Run with {@code bench/vault.sh}.
 */
public final class VaultBenchmark {

	record Size(String label, int bytes, int warmup, int batch) {
	}

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
		List<Size> sizes = List.of(new Size("4 KiB", 4 * 1024, 500, 500), new Size("1 MiB", 1024 * 1024, 40, 40));
		SpringApplicationBuilder app = new SpringApplicationBuilder(OpenVrmApplication.class, Switchable.class);
		app.properties("server.port=0", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"openvrm.operator.setup-code=benchmark-setup-code-0123456789", "openvrm.vault.argon2.memory-kib=8192",
				"openvrm.vault.argon2.iterations=1");
		try (ConfigurableApplicationContext context = app.run()) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			SwitchableCipher cipher = context.getBean(SwitchableCipher.class);
			Client client = new Client(port, Hub.personalAccessToken(Hub.person(port)));
			System.out.println();
			System.out.println("| document | mode | put+get per s | mean ms | p99 ms |");
			System.out.println("|---|---|---|---|---|");
			for (Size size : sizes) {
				byte[] content = new byte[size.bytes()];
				new Random(42).nextBytes(content);
				for (boolean off : new boolean[] { false, true }) {
					cipher.off = off;
					for (int i = 0; i < size.warmup(); i++) {
						client.putAndGet(content);
					}
				}
				List<Long> on = new ArrayList<>();
				List<Long> without = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					cipher.off = false;
					on.addAll(batch(client, content, size.batch()));
					cipher.off = true;
					without.addAll(batch(client, content, size.batch()));
				}
				double onMean = row(size, "encrypted", on);
				double offMean = row(size, "encryption off", without);
				System.out.printf(Locale.ROOT, "| %s | cost of encryption | %.1f %% of request time | | |%n",
						size.label(), 100 * (onMean - offMean) / onMean);
			}
		}
	}

	private static List<Long> batch(Client client, byte[] content, int count) throws Exception {
		List<Long> nanos = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			client.putAndGet(content);
			nanos.add(System.nanoTime() - start);
		}
		return nanos;
	}

	/** Prints the mode's row and answers its mean request time in ms. */
	private static double row(Size size, String mode, List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		double meanMillis = Arrays.stream(sorted).average().orElse(0) / 1e6;
		System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f |%n", size.label(), mode, 1000 / meanMillis,
				meanMillis, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
		return meanMillis;
	}

	/**
	 * A person's script: uploads with its personal access token, downloads, checks the
	 * bytes.
	 */
	private record Client(HttpClient http, String base, String token) {

		Client(int port, String token) {
			this(HttpClient.newHttpClient(), "http://localhost:" + port, token);
		}

		void putAndGet(byte[] content) throws IOException, InterruptedException {
			MultipartBody body = MultipartBody.of("bench.bin", content);
			HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/documents"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", body.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(put.body());
			if (put.statusCode() != 201 || !id.find()) {
				throw new IllegalStateException("upload answered " + put.statusCode() + ": " + put.body());
			}
			HttpResponse<byte[]> get = http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/documents/" + id.group(1) + "/content"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (get.statusCode() != 200 || !Arrays.equals(get.body(), content)) {
				throw new IllegalStateException("download answered " + get.statusCode() + " or other bytes");
			}
		}
	}

	/**
	 * Benchmark only: content encrypted by Tink, or stored as it came while {@code off}.
	 */
	static class SwitchableCipher extends ContentCipher {

		volatile boolean off;

		@Override
		public Aead aead(KeysetHandle key) throws GeneralSecurityException {
			Aead real = super.aead(key);
			return new Aead() {
				@Override
				public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
					return off ? plaintext.clone() : real.encrypt(plaintext, associatedData);
				}

				@Override
				public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
					return off ? ciphertext.clone() : real.decrypt(ciphertext, associatedData);
				}
			};
		}

	}

	/**
	 * Given to this benchmark's application only: as a {@code @Configuration} under
	 * org.openvrm it was also picked up by every other test's and benchmark's component
	 * scan.
	 */
	static class Switchable {

		@Bean
		@Primary
		SwitchableCipher switchableCipher() {
			return new SwitchableCipher();
		}

	}

}
