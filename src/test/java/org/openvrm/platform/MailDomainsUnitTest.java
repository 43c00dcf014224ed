package org.openvrm.platform;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailDomainsUnitTest {

	@Test
	void subdomainsOfAnExpectedDomainMatchByOrganizationalDomain() {
		List<String> shop = List.of("shop.example", "sendgrid.net");
		assertThat(MailDomains.matches("shop.example", shop)).isTrue();
		assertThat(MailDomains.matches("news.mail.shop.example", shop)).isTrue();
		assertThat(MailDomains.matches("SHOP.Example.", shop)).isTrue();
		assertThat(MailDomains.matches("em123.sendgrid.net", shop)).isTrue();
		assertThat(MailDomains.matches("spam.example", shop)).isFalse();
		assertThat(MailDomains.matches("shop.example.evil", shop)).isFalse();
		assertThat(MailDomains.matches("myshop.example", shop)).isFalse();
		assertThat(MailDomains.matches(null, shop)).isFalse();
		assertThat(MailDomains.matches("shop.example", List.of())).isFalse();
		// an expected subdomain stands for its organization too
		assertThat(MailDomains.matches("shop.example", List.of("mail.shop.example"))).isTrue();
	}

	@Test
	void theOrganizationalDomainComesFromThePublicSuffixListNotTheLastTwoLabels() {
		assertThat(MailDomains.organizational("mail.shop.co.uk")).isEqualTo("shop.co.uk");
		assertThat(MailDomains.organizational("shop.co.uk")).isEqualTo("shop.co.uk");
		assertThat(MailDomains.organizational("co.uk")).isNull();
		assertThat(MailDomains.organizational("news.bank.be")).isEqualTo("bank.be");
		// a private suffix: two people's pages on github.io are not one sender
		assertThat(MailDomains.organizational("ann.github.io")).isEqualTo("ann.github.io");
		assertThat(MailDomains.matches("ann.github.io", List.of("bob.github.io"))).isFalse();
		assertThat(MailDomains.matches("x.shop.co.uk", List.of("other.co.uk"))).isFalse();
	}

	@Test
	void declaredDomainsAreCheckedAndWrittenInAscii() {
		assertThat(MailDomains.checked(
				List.of(" Mail.Shop.example ", "bücher.example", "sendgrid.net.", "", "mail.shop.example"),
				"mailDomains"))
			.containsExactly("mail.shop.example", "xn--bcher-kva.example", "sendgrid.net");
		assertThat(MailDomains.checked(null, "mailDomains")).isEmpty();
		for (String bad : List.of("*.shop.example", "shop@shop.example", "https://shop.example", "localhost", "co.uk",
				"com", "-bad.example", "a..example", "shop example")) {
			assertThatThrownBy(() -> MailDomains.checked(List.of(bad), "mailDomains")).as(bad)
				.isInstanceOfSatisfying(InvalidInput.class,
						invalid -> assertThat(invalid.messageKey()).isEqualTo("vendor.mail-domains.invalid"));
		}
		List<String> many = Collections.nCopies(MailDomains.MAX + 1, "").stream().toList();
		assertThat(MailDomains.checked(many, "mailDomains")).isEmpty();
		List<String> tooMany = IntStream.rangeClosed(0, MailDomains.MAX).mapToObj(i -> "d" + i + ".example").toList();
		assertThatThrownBy(() -> MailDomains.checked(tooMany, "mailDomains")).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.messageKey()).isEqualTo("vendor.mail-domains.too-many"));
	}

	@Test
	void addressesAndWebsitesGiveTheirDomain() {
		assertThat(MailDomains.ofAddress("<News@Shop.Example>")).isEqualTo("shop.example");
		assertThat(MailDomains.ofAddress("shop@sender.example")).isEqualTo("sender.example");
		assertThat(MailDomains.ofAddress("")).isNull();
		assertThat(MailDomains.ofAddress(null)).isNull();
		assertThat(MailDomains.ofWebsite("https://www.books.example/shop?x=1")).isEqualTo("www.books.example");
		assertThat(MailDomains.ofWebsite("not a url")).isNull();
		assertThat(MailDomains.ofWebsite(null)).isNull();
	}

}
