package org.openvrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The habits the README names, checked on the sources so that the build fails when one is
 * broken: a test class says by its name how it runs (Maven picks tests by these names, so
 * a misnamed one would silently never run), and no class is a catch-all.
 */
class CodeHabitsUnitTest {

	private static final Path MAIN = Path.of("src/main/java");

	private static final Path TEST = Path.of("src/test/java");

	private static final Pattern TEST_ANNOTATION = Pattern
		.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|Property|Example)\\b");

	private static final Pattern STARTS_THE_HUB = Pattern.compile("(?m)^@(HubTest|SpringBootTest)\\b");

	/**
	 * The module structure check keeps the name Spring Modulith's documentation gives it.
	 */
	private static final List<String> NAMED_EXCEPTIONS = List.of("ModularityTests");

	@Test
	void everyTestClassIsNamedForItsKind() throws IOException {
		assertThat(sources(TEST).filter(file -> TEST_ANNOTATION.matcher(read(file)).find())
			.map(CodeHabitsUnitTest::className)
			.filter(name -> !name.endsWith("UnitTest") && !name.endsWith("IntegrationTest")
					&& !name.endsWith("BrowserTest") && !NAMED_EXCEPTIONS.contains(name)))
			.as("test classes not named *UnitTest, *IntegrationTest or *BrowserTest")
			.isEmpty();
	}

	@Test
	void unitTestsDoNotStartTheHub() throws IOException {
		assertThat(sources(TEST).filter(file -> className(file).endsWith("UnitTest"))
			.filter(file -> STARTS_THE_HUB.matcher(read(file)).find())
			.map(CodeHabitsUnitTest::className)).as("unit tests that start the hub (name them *IntegrationTest)")
			.isEmpty();
	}

	@Test
	void browserTestsLiveInTheirModule() throws IOException {
		assertThat(sources(TEST).filter(file -> className(file).endsWith("BrowserTest"))
			.filter(file -> file.getParent().equals(TEST.resolve("org/openvrm")))
			.map(CodeHabitsUnitTest::className)).as("browser tests in the root package").isEmpty();
	}

	@Test
	void noCatchAllClasses() throws IOException {
		assertThat(sources(MAIN).map(CodeHabitsUnitTest::className)
			.filter(name -> name.matches(".*(Manager|Helper|Helpers|Util|Utils)")))
			.as("classes named for no domain word")
			.isEmpty();
	}

	private static Stream<Path> sources(Path root) throws IOException {
		return Files.walk(root).filter(file -> file.toString().endsWith(".java"));
	}

	private static String className(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".java".length());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(file.toString(), ex);
		}
	}

}
