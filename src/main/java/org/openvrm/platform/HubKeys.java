package org.openvrm.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.openvrm.platform.internal.HubKeyRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The hub's signing keys (ES256): they sign agreement records and consent receipts, and
 * are published at {@code /.well-known/jwks.json} so that anyone can verify what the hub
 * signed. The private key is kept in the database sealed under the master key, so every
 * node signs with the same key and a restart changes nothing.
 */
@Component
public class HubKeys {

	private static final byte[] SEALING_CONTEXT = HubKeyRepository.SEALING_CONTEXT.getBytes(StandardCharsets.UTF_8);

	/** A signature that checked out, and what it covers. */
	public record Verified(String kid, Map<String, Object> claims) {
	}

	private final HubKeyRepository repository;

	private final Clock clock;

	private final Aead master;

	private final byte[] masterKey;

	private volatile ECKey signing;

	HubKeys(HubKeyRepository repository, Clock clock, PlatformProperties properties) throws GeneralSecurityException {
		this.repository = repository;
		this.clock = clock;
		this.masterKey = masterKey(properties.keys().master(), properties.keys().masterFile());
		this.master = new AesGcmJce(this.masterKey);
	}

	/** A compact JWS over the claims, signed with the current key. */
	public String sign(Map<String, Object> claims) {
		ECKey key = signingKey();
		try {
			JWSObject jws = new JWSObject(
					new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JOSE).build(),
					new Payload(claims));
			jws.sign(new ECDSASigner(key));
			return jws.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("signing failed", ex);
		}
	}

	/**
	 * The claims of a JWS this hub signed, if the signature holds; empty for anything
	 * else.
	 */
	public Optional<Verified> verify(String compact) {
		try {
			JWSObject jws = JWSObject.parse(compact == null ? "" : compact.strip());
			if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
				return Optional.empty();
			}
			Optional<ECKey> key = publicKey(jws.getHeader().getKeyID());
			if (key.isEmpty() || !jws.verify(new ECDSAVerifier(key.get()))) {
				return Optional.empty();
			}
			return Optional.of(new Verified(key.get().getKeyID(), jws.getPayload().toJSONObject()));
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Seals a secret the hub must be able to use later (a webhook signing secret, say)
	 * under the master key, bound to {@code context} so that a sealed value copied
	 * elsewhere does not open.
	 */
	public byte[] seal(byte[] secret, String context) {
		try {
			return master.encrypt(secret, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("sealing failed", ex);
		}
	}

	public byte[] unseal(byte[] sealed, String context) {
		try {
			return master.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a sealed secret does not open with this master key", ex);
		}
	}

	/**
	 * A secret of the hub's for one purpose, derived from the master key (HKDF-SHA256):
	 * what the database alone cannot reproduce, to mix into hashes and keys of guessable
	 * inputs.
	 */
	public byte[] derivedSecret(String purpose) {
		try {
			return Hkdf.computeHkdf("HMACSHA256", masterKey, new byte[0], purpose.getBytes(StandardCharsets.UTF_8), 32);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HKDF failed", ex);
		}
	}

	/** The current signing key (private), for the authorization server's JWT encoder. */
	public JWKSource<SecurityContext> signingKeys() {
		return (selector, context) -> selector.select(new JWKSet(signingKey()));
	}

	/** Every public key, for checking tokens and records the hub signed. */
	public JWKSource<SecurityContext> publicKeys() {
		return (selector, context) -> {
			List<JWK> found = selector.select(published);
			return found.isEmpty() ? selector.select(reloaded()) : found;
		};
	}

	/** Every public key, current and retired: the JWK set to publish. */
	public Map<String, Object> jwks() {
		signingKey();
		return (published.isEmpty() ? reloaded() : published).toJSONObject(true);
	}

	/**
	 * The public keys, kept in memory: every vendor API request checks its token against
	 * them. A key id not among them (made by another node since) reloads them from the
	 * database, at most once a second, so that tokens with made-up key ids cannot turn
	 * into a query each.
	 */
	private volatile JWKSet published = new JWKSet();

	private volatile long reloadedAt;

	private JWKSet reloaded() {
		long now = System.nanoTime();
		if (!published.isEmpty() && now - reloadedAt < 1_000_000_000L) {
			return published;
		}
		published = new JWKSet(repository.publicJwks().stream().map(HubKeys::parse).map(JWK.class::cast).toList());
		reloadedAt = now;
		return published;
	}

	private Optional<ECKey> publicKey(String kid) {
		if (kid == null) {
			return Optional.empty();
		}
		JWK key = published.getKeyByKeyId(kid);
		if (key == null) {
			key = reloaded().getKeyByKeyId(kid);
		}
		return Optional.ofNullable(key).map(JWK::toECKey);
	}

	private ECKey signingKey() {
		ECKey key = signing;
		if (key == null) {
			synchronized (this) {
				if (signing == null) {
					signing = loadOrCreate();
					reloadedAt = 0;
					published = new JWKSet();
					reloaded();
				}
				key = signing;
			}
		}
		return key;
	}

	private ECKey loadOrCreate() {
		Optional<byte[]> sealed = repository.currentSealedPrivate();
		if (sealed.isPresent()) {
			return unseal(sealed.get());
		}
		try {
			ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
			repository.insert(key.getKeyID(), key.toPublicJWK().toJSONString(),
					master.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), SEALING_CONTEXT),
					clock.instant());
			return key;
		}
		catch (JOSEException | GeneralSecurityException ex) {
			throw new IllegalStateException("could not make the hub's signing key", ex);
		}
		catch (DuplicateKeyException anotherNodeWasFirst) {
			return loadOrCreate();
		}
	}

	private ECKey unseal(byte[] sealed) {
		try {
			return ECKey.parse(new String(master.decrypt(sealed, SEALING_CONTEXT), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The hub's signing key does not open with this master key "
					+ "(openvrm.keys.master / openvrm.keys.master-file): it must be the key the hub was first started with.",
					ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the stored signing key is damaged", ex);
		}
	}

	private static ECKey parse(String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored public key is damaged", ex);
		}
	}

	/** The configured key, or the one in the master-key file, made on first start. */
	private static byte[] masterKey(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.strip());
			if (key.length != 32) {
				throw new IllegalStateException("openvrm.keys.master must be 32 bytes, base64-encoded");
			}
			return key;
		}
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file keeps the directory's permissions.
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the master key file " + file, ex);
		}
	}

}
