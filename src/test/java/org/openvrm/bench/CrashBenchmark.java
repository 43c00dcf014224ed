package org.openvrm.bench;

import java.nio.file.Path;
import java.util.List;

import org.openvrm.KillNineTrials;

/**
 * {@code bench/crash.sh [trials]}: the packaged hub killed with SIGKILL under write load,
 * trial after trial on the same data (see {@link KillNineTrials}); prints each trial and
 * the totals and exits 1 if anything acknowledged was lost or the audit chain broke.
 */
public final class CrashBenchmark {

	private CrashBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
		boolean postgres = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");
		System.out.printf("%d kill -9 trials on %s, seed %d%n", trials,
				postgres ? "PostgreSQL" : "H2 (file, as shipped)", seed);
		List<KillNineTrials.Trial> results = new KillNineTrials(Path.of("target/openvrm.jar"), seed, System.out)
			.run(trials);
		long acknowledged = results.stream().mapToLong(KillNineTrials.Trial::acknowledged).sum();
		long missing = results.stream().mapToLong(KillNineTrials.Trial::missing).sum();
		long older = results.stream().mapToLong(KillNineTrials.Trial::older).sum();
		long broken = results.stream().filter(t -> !t.chainIntact()).count();
		System.out.printf(
				"total: %d trials, %d writes acknowledged, %d missing, %d at an older value, %d broken audit chains%n",
				results.size(), acknowledged, missing, older, broken);
		if (missing + older + broken > 0) {
			System.exit(1);
		}
	}

}
