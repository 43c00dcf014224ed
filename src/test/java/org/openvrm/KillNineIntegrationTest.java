package org.openvrm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short version of {@code bench/crash.sh} for CI: the packaged hub
 * (target/openvrm.jar, built by the package phase before the integration tests) killed
 * with SIGKILL under write load twice, on the database of the run (H2 file as shipped, or
 * PostgreSQL): nothing acknowledged is lost and the audit chain verifies. On H2 this
 * failed before the hub set WRITE_DELAY=0.
 */
class KillNineIntegrationTest {

	@Test
	void acknowledgedWritesSurviveKillNine() throws Exception {
		Path jar = Path.of("target/openvrm.jar");
		assertThat(jar).as("the packaged hub (mvn package runs before the integration tests)").exists();

		List<KillNineTrials.Trial> trials = new KillNineTrials(jar, 20261206L, System.out).run(2);

		assertThat(trials).hasSize(2).allSatisfy(trial -> {
			assertThat(trial.acknowledged()).as(trial.toString()).isPositive();
			assertThat(trial.lostNothing()).as(trial.toString()).isTrue();
		});
		assertThat(Files.exists(jar)).isTrue();
	}

}
