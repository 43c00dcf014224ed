package org.openvrm.delivery.internal;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openvrm.platform.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointAddressUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.10",
			"169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "240.0.0.1", "192.0.0.8",
			"198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1" })
	void refusesEveryAddressThatIsNotPublic(String address) throws Exception {
		assertThat(EndpointAddress.isPublic(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111" })
	void acceptsPublicAddresses(String address) throws Exception {
		assertThat(EndpointAddress.isPublic(InetAddress.getByName(address))).as(address).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.org/hook", "javascript:alert(1)", "file:///etc/passwd",
			"https://user:pw@example.org/", "https:///no-host", "example.org/hook", "",
			"https://example.org/hook#fragment" })
	void refusesWhatIsNotAPlainHttpAddress(String url) {
		assertThatThrownBy(() -> EndpointAddress.checked(url, false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("webhook.url.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/hook", "http://127.0.0.1/hook", "https://10.0.0.5/hook",
			"http://[::1]:9000/hook", "http://169.254.169.254/latest/meta-data/" })
	void refusesLoopbackAndPrivateHostsUnlessTheOperatorAllowsThem(String url) {
		assertThatThrownBy(() -> EndpointAddress.checked(url, false)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("webhook.url.private");
		assertThat(EndpointAddress.checked(url, true).toString()).isEqualTo(url);
	}

}
