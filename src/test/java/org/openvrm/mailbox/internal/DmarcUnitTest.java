package org.openvrm.mailbox.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrm.mailbox.internal.Dmarc.Outcome;
import org.openvrm.mailbox.internal.Dmarc.Policy;
import org.openvrm.mailbox.internal.Dmarc.Result;
import org.openvrm.mailbox.internal.Dns.Trouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMARC as RFC 7489 describes it: policy discovery (the From domain, then its
 * organizational domain), alignment, p and sp, and what happens without a record or
 * without an answer.
 */
class DmarcUnitTest {

	private final Map<String, List<String>> zone = new HashMap<>();

	private final Dmarc.Txt dns = name -> {
		if (name.contains("broken")) {
			throw new Trouble("SERVFAIL");
		}
		return zone.getOrDefault(name, List.of());
	};

	@Test
	void aPassOfSpfOrDkimAlignedWithTheFromDomainPasses() {
		zone.put("_dmarc.example.com", List.of("v=DMARC1; p=reject; rua=mailto:d@example.com"));

		assertThat(outcome("example.com", "example.com", List.of())).isEqualTo(Outcome.PASS);
		assertThat(outcome("example.com", null, List.of("example.com"))).isEqualTo(Outcome.PASS);
		assertThat(outcome("example.com", null, List.of("other.example.net", "example.com"))).isEqualTo(Outcome.PASS);
		// relaxed alignment (the default): the same organizational domain is enough
		assertThat(outcome("example.com", "bounces.example.com", List.of())).isEqualTo(Outcome.PASS);
		assertThat(outcome("example.com", null, List.of("mail.example.com"))).isEqualTo(Outcome.PASS);
	}

	@Test
	void passesForAnotherDomainDoNotCountAndTheDomainsPolicyApplies() {
		zone.put("_dmarc.example.com", List.of("v=DMARC1; p=reject"));

		Result forged = Dmarc.evaluate("example.com", "attacker.example.org", List.of("attacker.example.org"), dns);

		assertThat(forged.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(forged.disposition()).isEqualTo("reject");
		assertThat(forged.rejects()).isTrue();
		assertThat(forged.domain()).isEqualTo("example.com");
	}

	@Test
	void strictAlignmentWantsTheVeryDomain() {
		zone.put("_dmarc.example.com", List.of("v=DMARC1; p=quarantine; adkim=s; aspf=s"));

		assertThat(outcome("example.com", "bounces.example.com", List.of("mail.example.com"))).isEqualTo(Outcome.FAIL);
		assertThat(outcome("example.com", "example.com", List.of())).isEqualTo(Outcome.PASS);
		assertThat(Dmarc.evaluate("example.com", null, List.of(), dns).disposition()).isEqualTo("quarantine");
	}

	@Test
	void aSubdomainWithoutARecordOfItsOwnFollowsTheOrganizationalDomainsSubdomainPolicy() {
		zone.put("_dmarc.example.com", List.of("v=DMARC1; p=none; sp=reject"));
		zone.put("_dmarc.example.co.uk", List.of("v=DMARC1; p=quarantine"));

		Result sub = Dmarc.evaluate("news.example.com", null, List.of(), dns);
		assertThat(sub.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(sub.disposition()).as("sp applies to a subdomain").isEqualTo("reject");
		assertThat(Dmarc.evaluate("example.com", null, List.of(), dns).disposition())
			.as("p applies to the domain itself")
			.isEqualTo("none");
		// sp not given: p is inherited; the public suffix list knows co.uk is a suffix
		assertThat(Dmarc.evaluate("shop.example.co.uk", null, List.of(), dns).disposition()).isEqualTo("quarantine");
		// a subdomain's own record wins over its organizational domain's
		zone.put("_dmarc.news.example.com", List.of("v=DMARC1; p=none"));
		assertThat(Dmarc.evaluate("news.example.com", null, List.of(), dns).disposition()).isEqualTo("none");
	}

	@Test
	void noRecordOrNoUsableRecordIsNone() {
		assertThat(outcome("quiet.example.com", null, List.of())).isEqualTo(Outcome.NONE);
		zone.put("_dmarc.spf-only.example.com", List.of("v=spf1 -all"));
		assertThat(outcome("spf-only.example.com", null, List.of())).isEqualTo(Outcome.NONE);
		zone.put("_dmarc.twice.example.com", List.of("v=DMARC1; p=reject", "v=DMARC1; p=none"));
		assertThat(outcome("twice.example.com", null, List.of())).as("two records count as none")
			.isEqualTo(Outcome.NONE);
		zone.put("_dmarc.late-v.example.com", List.of("p=reject; v=DMARC1"));
		assertThat(outcome("late-v.example.com", null, List.of())).isEqualTo(Outcome.NONE);
		assertThat(Dmarc.evaluate(null, "example.com", List.of(), dns).outcome()).isEqualTo(Outcome.NONE);
	}

	@Test
	void anInvalidPolicyWithAReportAddressReadsAsNone() {
		zone.put("_dmarc.odd.example.com", List.of("v=DMARC1; p=bounce; rua=mailto:d@odd.example.com"));
		zone.put("_dmarc.odder.example.com", List.of("v=DMARC1; p=bounce"));

		Result odd = Dmarc.evaluate("odd.example.com", null, List.of(), dns);
		assertThat(odd.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(odd.disposition()).isEqualTo("none");
		assertThat(outcome("odder.example.com", null, List.of())).isEqualTo(Outcome.NONE);
	}

	@Test
	void aSampledRejectPolicyIsAppliedAsQuarantineNeverAsARefusal() {
		zone.put("_dmarc.example.com", List.of("v=DMARC1; p=reject; pct=20"));

		Result result = Dmarc.evaluate("example.com", null, List.of(), dns);

		assertThat(result.disposition()).isEqualTo("quarantine");
		assertThat(result.rejects()).isFalse();
		assertThat(Policy.parse("v=DMARC1; p=reject; pct=x").pct()).isEqualTo(100);
	}

	@Test
	void aDnsFailureIsATemporaryErrorNeverARefusal() {
		Result result = Dmarc.evaluate("broken.example.com", null, List.of(), dns);

		assertThat(result.outcome()).isEqualTo(Outcome.TEMPERROR);
		assertThat(result.rejects()).isFalse();
	}

	@Test
	void theOrganizationalDomainComesFromThePublicSuffixList() {
		assertThat(Dmarc.organizational("a.b.example.com")).isEqualTo("example.com");
		assertThat(Dmarc.organizational("mail.example.co.uk")).isEqualTo("example.co.uk");
		assertThat(Dmarc.organizational("Example.COM.")).isEqualTo("example.com");
		assertThat(Dmarc.organizational("x.sender.example")).as("an unknown top-level domain: the '*' rule")
			.isEqualTo("sender.example");
		assertThat(Dmarc.aligned("mail.example.co.uk", "example.co.uk", false)).isTrue();
		assertThat(Dmarc.aligned("other.co.uk", "example.co.uk", false)).isFalse();
	}

	private Outcome outcome(String from, String spfPass, List<String> dkimPass) {
		return Dmarc.evaluate(from, spfPass, dkimPass, dns).outcome();
	}

}
