package org.openvrm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The habits the README and docs/code-layout.md name, checked on the sources so that the
 * build fails when one is broken: a test class says by its name how it runs (Maven picks
 * tests by these names, so a misnamed one would silently never run), no class is a
 * catch-all, SQL lives in each module's storage classes with one writer per table,
 * services stay small, and types are imported rather than written out in full.
 */
class CodeHabitsUnitTest {

	private static final Path MAIN = Path.of("src/main/java");

	private static final Path TEST = Path.of("src/test/java");

	private static final Pattern TEST_ANNOTATION = Pattern
		.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|Property|Example)\\b");

	private static final Pattern SQL_WRITE = Pattern
		.compile("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_][a-z0-9_]*)");

	private static final Pattern SERVICE = Pattern.compile("(?m)^@(Service|Component)\\b");

	private static final Pattern QUALIFIED_TYPE = Pattern
		.compile("(?<![\\w.@])((?:java|javax|jakarta|org|com|tools|io|net)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z]\\w*)");

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

	@Test
	void sqlLivesInTheModulesStorageClasses() throws IOException {
		assertThat(sources(MAIN).filter(file -> read(file).contains("jdbc.sql(") || read(file).contains("JdbcClient "))
			.filter(file -> !file.getParent().getFileName().toString().equals("internal")
					|| !className(file).endsWith("Repository"))
			.map(CodeHabitsUnitTest::className)).as("SQL outside an internal/*Repository").isEmpty();
	}

	@Test
	void everyTableHasOneWritingClass() throws IOException {
		Map<String, Set<String>> writers = new TreeMap<>();
		for (Path file : sources(MAIN).toList()) {
			Matcher write = SQL_WRITE.matcher(read(file));
			while (write.find()) {
				writers.computeIfAbsent(write.group(2), table -> new TreeSet<>()).add(className(file));
			}
		}
		assertThat(writers).as("tables written by more than one class")
			.allSatisfy((table, classes) -> assertThat(classes).as(table).hasSize(1));
	}

	@Test
	void servicesStayUnderThreeHundredLines() throws IOException {
		assertThat(sources(MAIN).filter(file -> SERVICE.matcher(read(file)).find())
			.filter(file -> read(file).lines().count() > 300)
			.map(CodeHabitsUnitTest::className)).as("services over 300 lines").isEmpty();
	}

	@Test
	void typesAreImportedNotWrittenOutInFull() throws IOException {
		List<String> inline = new ArrayList<>();
		for (Path file : Stream.concat(sources(MAIN), sources(TEST))
			.filter(file -> !file.endsWith("package-info.java"))
			.toList()) {
			String code = codeOnly(read(file));
			Set<String> clashing = clashingNames(file, code);
			Matcher name = QUALIFIED_TYPE.matcher(code);
			while (name.find()) {
				if (!clashing.contains(name.group(2))) {
					inline.add(className(file) + ": " + name.group());
				}
			}
		}
		assertThat(inline).as("fully qualified type names in code (import them)").isEmpty();
	}

	/** Code without comments, strings, package and import lines. */
	private static String codeOnly(String source) {
		String code = source.replaceAll("(?s)/\\*.*?\\*/", "")
			.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
			.replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"")
			.replaceAll("//[^\n]*", "");
		return code.lines()
			.filter(line -> !line.startsWith("import ") && !line.startsWith("package "))
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Simple names a file cannot import: those it imports for another type, declares, or
	 * shares with a class of its own package.
	 */
	private static Set<String> clashingNames(Path file, String code) throws IOException {
		Set<String> names = new HashSet<>();
		read(file).lines()
			.filter(line -> line.startsWith("import ") && !line.startsWith("import static"))
			.map(line -> line.substring(line.lastIndexOf('.') + 1, line.length() - 1))
			.forEach(names::add);
		try (Stream<Path> siblings = Files.list(file.getParent())) {
			siblings.filter(sibling -> sibling.toString().endsWith(".java"))
				.map(CodeHabitsUnitTest::className)
				.forEach(names::add);
		}
		Matcher declared = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)").matcher(code);
		while (declared.find()) {
			names.add(declared.group(1));
		}
		return names;
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
