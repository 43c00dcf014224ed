package org.openvrm.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

import org.springframework.stereotype.Component;

/**
 * At least 12 characters, at most 200, and not guessable: nbvcxz estimates how many
 * guesses an attacker needs, using its lists of the most common passwords, words and
 * names, keyboard patterns, dates, and the person's own e-mail and name. Below 2^40
 * guesses the password is refused.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 200;

	private static final double MIN_ENTROPY_BITS = 40;

	public enum Problem {

		TOO_SHORT("password.too-short"), TOO_LONG("password.too-long"), TOO_COMMON("password.too-common");

		private final String messageKey;

		Problem(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	public Optional<Problem> check(String password, String... personalWords) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of(Problem.TOO_SHORT);
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of(Problem.TOO_LONG);
		}
		Nbvcxz estimator = new Nbvcxz(configurationWith(personalWords));
		return estimator.estimate(password).isMinimumEntropyMet() ? Optional.empty() : Optional.of(Problem.TOO_COMMON);
	}

	private static Configuration configurationWith(String... personalWords) {
		List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
		DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
		for (String word : personalWords) {
			if (word == null) {
				continue;
			}
			for (String part : word.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
				if (part.length() > 2) {
					personal.addWord(part, 0);
				}
			}
		}
		dictionaries.add(personal.createDictionary());
		return new ConfigurationBuilder().setDictionaries(dictionaries)
			.setMinimumEntropy(MIN_ENTROPY_BITS)
			.setMaxLength(MAX_LENGTH)
			.createConfiguration();
	}

}
