package org.openvrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UI text exists in English, French and Dutch, and every key a page or class uses
 * exists.
 */
class MessageBundlesUnitTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z0-9.\\-]+)[}(]");

	private static final Pattern BRACED_KEY = Pattern.compile("\"\\{([a-z][a-z0-9\\-]*(?:\\.[a-z0-9\\-]+)+)}\"");

	private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][a-z\\-]*(?:\\.[a-z\\-]+){1,3})\"\\)");

	@ParameterizedTest
	@ValueSource(strings = { "fr", "nl" })
	void eachLanguageHasExactlyTheEnglishKeys(String language) {
		assertThat(keys("messages_" + language + ".properties")).isEqualTo(keys("messages.properties"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "nl" })
	void noTranslationIsLeftEmpty(String language) {
		Properties bundle = load("messages_" + language + ".properties");
		assertThat(bundle.stringPropertyNames())
			.allSatisfy(key -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> defined = keys("messages.properties");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
				Files.walk(Path.of("src/main/java")))) {
			files.filter(Files::isRegularFile).forEach(file -> used.addAll(keysIn(file)));
		}
		assertThat(used).isNotEmpty();
		assertThat(defined).containsAll(used);
	}

	private static Set<String> keysIn(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Set<String> keys = new TreeSet<>();
			collect(TEMPLATE_KEY.matcher(text), keys);
			collect(BRACED_KEY.matcher(text), keys);
			if (file.toString().endsWith(".java")) {
				Matcher matcher = JAVA_KEY.matcher(text);
				while (matcher.find()) {
					String candidate = matcher.group(1);
					if (!candidate.startsWith("openvrm.") && (candidate.contains("-") || candidate.endsWith(".invalid")
							|| candidate.endsWith(".taken"))) {
						keys.add(candidate);
					}
				}
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collect(Matcher matcher, Set<String> keys) {
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
	}

	private static Set<String> keys(String bundle) {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(String bundle) {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesUnitTest.class.getResourceAsStream("/" + bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
