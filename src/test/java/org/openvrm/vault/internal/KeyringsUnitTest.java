package org.openvrm.vault.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openvrm.vault.internal.Keyrings.NewKeyring;
import org.openvrm.vault.internal.Keyrings.StoredKeyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringsUnitTest {

	private static final String PASSWORD = "violet tractor seaside 42";

	private final Keyrings keyrings = new Keyrings(new VaultProperties(new VaultProperties.Argon2(8192, 1, 1)),
			new ContentCipher());

	private final UUID ann = UUID.randomUUID();

	@Test
	void thePasswordOpensTheKeyringAndAWrongOneDoesNot() throws Exception {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		byte[] secret = created.unlocked().data().encrypt(bytes("blood type O+"), bytes("record"));

		UnlockedKeyring reopened = keyrings.unlockWithPassword(ann, created.stored(), PASSWORD);

		assertThat(reopened.data().decrypt(secret, bytes("record"))).isEqualTo(bytes("blood type O+"));
		assertThatThrownBy(() -> keyrings.unlockWithPassword(ann, created.stored(), "violet tractor seaside 43"))
			.isInstanceOf(WrongSecret.class);
	}

	@Test
	void theRecoveryCodeOpensTheKeyringHoweverItIsTyped() throws Exception {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		assertThat(created.recoveryCode()).matches("([A-Z2-7]{4}-){7}[A-Z2-7]{4}");
		byte[] secret = created.unlocked().data().encrypt(bytes("passport 123"), bytes("record"));

		String typed = " " + created.recoveryCode().toLowerCase().replace("-", " ") + " ";
		UnlockedKeyring reopened = keyrings.unlockWithRecoveryCode(ann, created.stored(), typed);

		assertThat(reopened.data().decrypt(secret, bytes("record"))).isEqualTo(bytes("passport 123"));
		assertThatThrownBy(
				() -> keyrings.unlockWithRecoveryCode(ann, created.stored(), "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"))
			.isInstanceOf(WrongSecret.class);
		assertThatThrownBy(() -> keyrings.unlockWithRecoveryCode(ann, created.stored(), "too short"))
			.isInstanceOf(WrongSecret.class);
	}

	@Test
	void aNewPasswordOpensTheSameKeysAndTheOldOneNoLonger() throws Exception {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		byte[] secret = created.unlocked().data().encrypt(bytes("iban"), bytes("record"));

		StoredKeyring rewrapped = keyrings.rewrapForPassword(created.stored(), created.unlocked(),
				"new gravel lantern 77");

		assertThat(keyrings.unlockWithPassword(ann, rewrapped, "new gravel lantern 77")
			.data()
			.decrypt(secret, bytes("record"))).isEqualTo(bytes("iban"));
		assertThatThrownBy(() -> keyrings.unlockWithPassword(ann, rewrapped, PASSWORD)).isInstanceOf(WrongSecret.class);
		assertThat(keyrings.unlockWithRecoveryCode(ann, rewrapped, created.recoveryCode())).isNotNull();
	}

	@Test
	void aTokenWrapOpensWithThatTokenOnly() throws Exception {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		UUID tokenId = UUID.randomUUID();
		String wrapped = keyrings.wrapForToken(created.unlocked(), tokenId, "ovrm_pat_right");
		byte[] secret = created.unlocked().data().encrypt(bytes("allergy"), bytes("record"));

		assertThat(keyrings.unlockWithToken(ann, created.stored(), tokenId, wrapped, "ovrm_pat_right")
			.data()
			.decrypt(secret, bytes("record"))).isEqualTo(bytes("allergy"));
		assertThatThrownBy(() -> keyrings.unlockWithToken(ann, created.stored(), tokenId, wrapped, "ovrm_pat_wrong"))
			.isInstanceOf(WrongSecret.class);
		assertThatThrownBy(
				() -> keyrings.unlockWithToken(ann, created.stored(), UUID.randomUUID(), wrapped, "ovrm_pat_right"))
			.isInstanceOf(WrongSecret.class);
	}

	@Test
	void aKeyringCopiedToAnotherAccountDoesNotOpen() {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		UUID mallory = UUID.randomUUID();

		assertThatThrownBy(() -> keyrings.unlockWithPassword(mallory, created.stored(), PASSWORD))
			.isInstanceOf(WrongSecret.class);
	}

	@Test
	void whatIsSealedToThePublicKeyOpensOnlyWithThePrivateKey() throws Exception {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		byte[] sealed = keyrings.sealerFor(created.stored().publicKeyset()).encrypt(bytes("invoice"), bytes("ctx"));

		assertThat(created.unlocked().opener().decrypt(sealed, bytes("ctx"))).isEqualTo(bytes("invoice"));
		NewKeyring other = keyrings.create(UUID.randomUUID(), PASSWORD);
		assertThatThrownBy(() -> other.unlocked().opener().decrypt(sealed, bytes("ctx")))
			.isInstanceOf(GeneralSecurityException.class);
	}

	@Test
	void theStoredKeyringHoldsNeitherPasswordNorRecoveryCode() {
		NewKeyring created = keyrings.create(ann, PASSWORD);
		String stored = created.stored().toString() + created.stored().dataKeyset() + created.stored().sealingKeyset()
				+ created.stored().keyringKeyByPassword() + created.stored().keyringKeyByRecovery();

		assertThat(stored).doesNotContain(PASSWORD).doesNotContain(created.recoveryCode().replace("-", ""));
		assertThat(created.stored().publicKeyset()).doesNotContain("privateKey");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
