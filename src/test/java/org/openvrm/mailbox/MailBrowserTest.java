package org.openvrm.mailbox;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.Message.RecipientType;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openvrm.Browser;
import org.openvrm.HubTest;
import org.openvrm.mailbox.Correspondents.Person;
import org.openvrm.mailbox.internal.SmtpDoor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real mail in Chromium: the person makes an address for a shop that is not on the hub,
 * straight from the vendor list; the shop's mail arrives and the person reads it; the
 * person closes the address and the shop's next message is refused.
 */
@HubTest
class MailBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	SmtpDoor smtp;

	@Test
	void aPersonGivesAShopAnAddressReadsItsMailAndClosesIt() throws Exception {
		Person ann = Correspondents.person(port);
		SmtpSender shop = new SmtpSender(smtp.port());
		try (Browser browser = Browser.open(port, "en")) {
			MailboxBrowserTest.signIn(browser, ann.email());
			browser.go("/me/vendors");
			browser.type("shop-name", "Sole Mates Shoes").type("shop-website", "https://soles.example");
			browser.click(By.cssSelector("#shop-address-form button[type=submit]"));
			assertThat(browser.heading()).contains("Sole Mates Shoes");
			String address = browser.waitFor(By.cssSelector("#alias-list .alias-address")).getAttribute("value");
			assertThat(address).matches("[a-z2-9]{14}@mail\\.openvrm\\.test");

			assertThat(shop.send(order(shop, address, "Your sandals have shipped"))).isEqualTo(250);
			browser.click(By.id("nav-inbox"));
			assertThat(browser.waitFor(By.id("messages")).getText()).contains("Sole Mates Shoes")
				.contains("Your sandals have shipped");
			browser.click(By.cssSelector("#messages a"));
			assertThat(browser.waitFor(By.id("thread")).getText()).contains("Parcel 7731 leaves our warehouse today.");

			browser.go("/me/vendors");
			browser.click(By.linkText("Sole Mates Shoes"));
			browser.click(By.cssSelector("#alias-list button.danger"));
			assertThat(browser.waitFor(By.id("alias-list")).getText()).contains("closed");
			assertThat(shop.send(order(shop, address, "Last chance: 20% off"))).isEqualTo(550);

			browser.go("/me/kept-out");
			assertThat(browser.waitFor(By.tagName("main")).getText()).contains("you closed this address");
		}
	}

	private static MimeMessage order(SmtpSender sender, String to, String subject) throws Exception {
		MimeMessage message = new MimeMessage(sender.session());
		message.setFrom(new InternetAddress("orders@soles.example", "Sole Mates Shoes"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText("Parcel 7731 leaves our warehouse today.", "UTF-8");
		return message;
	}

}
