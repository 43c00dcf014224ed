package org.openvrm.bench.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.openvrm.intent.internal.matching.Demand;
import org.openvrm.intent.internal.matching.Interest;
import org.openvrm.intent.internal.matching.MatchingIndex;

/**
 * "Who bids?" on one thread: OpenVRM's {@link MatchingIndex} against Apache Lucene Monitor 9.11.1 on the
 * same {@link Workload}, for 10,000, 100,000 and 1,000,000 subscriptions in one run (or the sizes
 * given as the first argument, comma-separated; a second argument {@code ours} leaves Lucene out, for
 * quick runs while working on the index, {@code both} keeps it; a third names the workload,
 * {@code market} by default or {@code skewed}).
 * <p>
 * For each size: build our index (time, and heap per subscription from the used heap after
 * repeated {@code System.gc()} before and after), check it against the brute-force reference on the
 * first intents, warm up, then time every one of {@value #INTENTS} intents. Then build a Monitor with
 * one query per subscription, check that it returns the same match sets as our index on the first
 * {@value #AGREEMENT} intents (the size is abandoned if not), and time intents until
 * {@value #LUCENE_SECONDS} s or {@value #LUCENE_MAX} intents have passed, but never fewer than
 * {@value #LUCENE_MIN}.
 */
public final class MatchingBenchmark {

	static final int INTENTS = 100_000;

	static final int WARM_UP = 30_000;

	static final int AGREEMENT = 200;

	static final int REFERENCE_CHECK = 20;

	static final int LUCENE_MIN = 200;

	static final int LUCENE_MAX = 20_000;

	static final int LUCENE_SECONDS = 30;

	static final int REGISTER_BATCH = 10_000;

	static final int FLOOR = 5_000;

	static final int PIECES = 9;

	static final int FLOOR_ARRAYS = 8;

	private record Row(int size, String engine, double buildSeconds, double bytesPerSubscription, Latencies latencies,
			String note) {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		int[] sizes = args.length > 0
				? Arrays.stream(args[0].split(",")).mapToInt(s -> Integer.parseInt(s.strip().replace("_", ""))).toArray()
				: new int[] { 10_000, 100_000, 1_000_000 };
		boolean lucene = args.length < 2 || !args[1].equals("ours");
		Workload workload = args.length < 3 ? Workload.market() : Workload.named(args[2]);
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("OpenVRM matching benchmark: MatchingIndex vs Apache Lucene Monitor 9.11.1, one thread%n");
		System.out.printf("JVM %s %s, %d cores, max heap %d MiB, GC %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
		System.out.printf("Workload %s, seed %d: %d categories (%d leaves), 20 attributes x 5 values (see Workload)%n",
				workload.name(), Workload.SEED, workload.categoryCount(), workload.leafCount());
		System.out.printf("Regions: %s%n", workload.describe());
		System.out.printf("Ours: %d intents timed after %d warm-up matches; Lucene: %d-%d intents or %d s, after the agreement check%n%n",
				INTENTS, WARM_UP, LUCENE_MIN, LUCENE_MAX, LUCENE_SECONDS);

		List<Demand> intents = workload.intents(INTENTS);
		List<Row> rows = new ArrayList<>();
		for (int size : sizes) {
			System.out.printf("== %,d subscriptions%n", size);
			List<Interest> interests = workload.subscriptions(size);
			Integer[] keys = new Integer[size];
			for (int i = 0; i < size; i++) {
				keys[i] = i;
			}

			long before = usedHeap();
			long start = System.nanoTime();
			MatchingIndex<Integer> index = new MatchingIndex<>();
			for (int i = 0; i < size; i++) {
				index.put(keys[i], interests.get(i));
			}
			double build = (System.nanoTime() - start) / 1e9;
			double bytes = (double) (usedHeap() - before) / size;
			System.out.printf("ours: built in %.2f s, %.1f bytes/subscription%n", build, bytes);

			boolean reference = true;
			for (int i = 0; i < REFERENCE_CHECK && reference; i++) {
				Set<Integer> expected = new HashSet<>();
				for (int key = 0; key < size; key++) {
					if (interests.get(key).matches(intents.get(i))) {
						expected.add(key);
					}
				}
				reference = expected.equals(new HashSet<>(index.match(intents.get(i))));
			}
			System.out.printf("ours agrees with the brute-force reference on the first %d intents: %s%n", REFERENCE_CHECK,
					reference ? "yes" : "NO");

			List<Set<Integer>> ours = new ArrayList<>();
			for (int i = 0; i < AGREEMENT; i++) {
				ours.add(new HashSet<>(index.match(intents.get(i))));
			}
			run(intents, WARM_UP, index::match);
			Latencies our = time(intents, 0, INTENTS, Long.MAX_VALUE, index::match, List::size);
			System.out.printf("ours: %,.0f intents/s, p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, %.1f matches/intent"
					+ " (p50 %d, p99 %d), %.1f ns per match%n", our.throughput(), our.micros(0.5), our.micros(0.99),
					our.micros(0.999), our.averageMatches(), our.matchesAt(0.5), our.matchesAt(0.99), our.nanosPerMatch());
			rows.add(new Row(size, "ours", build, bytes, our, reference ? "" : "reference disagrees"));
			printBands(our);
			Latencies floor = resultFloor(index, intents);
			System.out.printf("floor: copying each intent's matching keys into a new array: p50 %.1f µs, p99 %.1f µs, "
					+ "%.1f ns per match (%d intents)%n", floor.micros(0.5), floor.micros(0.99), floor.nanosPerMatch(), floor.count());
			index = null;
			printMemoryFloor();
			if (!lucene) {
				System.out.println();
				continue;
			}

			before = usedHeap();
			start = System.nanoTime();
			try (Monitor monitor = new Monitor(new StandardAnalyzer())) {
				List<MonitorQuery> batch = new ArrayList<>(REGISTER_BATCH);
				for (int i = 0; i < size; i++) {
					batch.add(new MonitorQuery(Integer.toString(i), LuceneMapping.query(interests.get(i))));
					if (batch.size() == REGISTER_BATCH || i == size - 1) {
						monitor.register(batch);
						batch.clear();
					}
				}
				double luceneBuild = (System.nanoTime() - start) / 1e9;
				double luceneBytes = (double) (usedHeap() - before) / size;
				System.out.printf("lucene: built in %.2f s, %.1f bytes/subscription (queries included)%n", luceneBuild, luceneBytes);

				List<Document> documents = new ArrayList<>();
				for (int i = 0; i < Math.min(INTENTS, LUCENE_MAX + AGREEMENT); i++) {
					documents.add(LuceneMapping.document(intents.get(i)));
				}
				String disagreement = null;
				for (int i = 0; i < AGREEMENT && disagreement == null; i++) {
					Set<Integer> theirs = ids(monitor.match(documents.get(i), QueryMatch.SIMPLE_MATCHER));
					if (!theirs.equals(ours.get(i))) {
						disagreement = describe(i, intents.get(i), ours.get(i), theirs, interests);
					}
				}
				System.out.printf("agree: %s (match sets of the first %d intents)%n", disagreement == null ? "yes" : "no", AGREEMENT);
				if (disagreement != null) {
					System.out.println(disagreement);
					rows.add(new Row(size, "lucene", luceneBuild, luceneBytes, null, "disagrees: size abandoned"));
					continue;
				}
				Latencies theirs = time(documents, AGREEMENT, documents.size() - AGREEMENT, LUCENE_SECONDS * 1_000_000_000L,
						document -> match(monitor, document), MatchingQueries::getMatchCount);
				System.out.printf("lucene: %d intents timed; %,.0f intents/s, p50 %.1f µs, p99 %.1f µs, p99.9 %s µs, %.1f matches/intent%n",
						theirs.count(), theirs.throughput(), theirs.micros(0.5), theirs.micros(0.99), micros(theirs, 0.999),
						theirs.averageMatches());
				rows.add(new Row(size, "lucene", luceneBuild, luceneBytes, theirs,
						theirs.count() < INTENTS ? theirs.count() + " intents timed" : ""));
			}
			System.out.println();
		}
		print(rows);
	}

	private static <T, R> void run(List<T> inputs, int count, Function<T, R> engine) {
		long sink = 0;
		for (int i = 0; i < count; i++) {
			sink += engine.apply(inputs.get(i % inputs.size())).hashCode();
		}
		if (sink == 42) {
			System.out.print("");
		}
	}

	/** Times {@code engine} on inputs from {@code first}, one by one, until {@code count} or the time budget (at least {@value #LUCENE_MIN}). */
	private static <T, R> Latencies time(List<T> inputs, int first, int count, long budgetNanos,
			Function<T, R> engine, ToIntFunction<R> matchCount) {
		long[] nanos = new long[count];
		int[] matches = new int[count];
		int done = 0;
		long start = System.nanoTime();
		while (done < count && (done < LUCENE_MIN || System.nanoTime() - start < budgetNanos)) {
			T input = inputs.get(first + done);
			long t0 = System.nanoTime();
			R result = engine.apply(input);
			long t1 = System.nanoTime();
			nanos[done] = t1 - t0;
			matches[done++] = matchCount.applyAsInt(result);
		}
		long wall = System.nanoTime() - start;
		return new Latencies(Arrays.copyOf(nanos, done), Arrays.copyOf(matches, done), wall);
	}

	/**
	 * What any engine pays for the answer itself: for {@value #FLOOR} intents, the time to copy their
	 * matching keys, already gathered in an array, into a new array. The arrays are made before the
	 * timing and together far larger than the processor's caches, as an engine's data would be.
	 * Latencies much below this are not possible at these result sizes.
	 */
	private static Latencies resultFloor(MatchingIndex<Integer> index, List<Demand> intents) {
		Object[][] results = new Object[FLOOR][];
		for (int i = 0; i < FLOOR; i++) {
			results[i] = index.match(intents.get(i)).toArray();
		}
		long[] nanos = new long[FLOOR];
		int[] counts = new int[FLOOR];
		long sink = 0;
		long start = 0;
		for (int round = 0; round < 3; round++) {
			start = System.nanoTime();
			for (int i = 0; i < FLOOR; i++) {
				Object[] keys = results[i];
				long t0 = System.nanoTime();
				Object[] copy = new Object[keys.length];
				for (int j = 0; j < keys.length; j++) {
					copy[j] = keys[j];
				}
				nanos[i] = System.nanoTime() - t0;
				counts[i] = keys.length;
				sink += copy.length;
			}
		}
		if (sink == 42) {
			System.out.print("");
		}
		return new Latencies(nanos, counts, System.nanoTime() - start);
	}

	/**
	 * What this machine's memory allows at the time of the run, whatever the engine: the time to read
	 * 64 and 128 KiB, in {@value #PIECES} contiguous pieces (as an intent reads its cells) at random
	 * places of {@value #FLOOR_ARRAYS} arrays of 128 MiB, far larger than the processor's caches. At a
	 * million subscriptions the p99 intent reads about 75 KiB of its cells' rows and columns, gathers
	 * its keys from about 55 KiB and writes a 24 KiB result; see the README.
	 */
	private static void printMemoryFloor() {
		long[][] memory = new long[FLOOR_ARRAYS][16 << 20];
		for (long[] array : memory) {
			Arrays.fill(array, 1);
		}
		SplittableRandom random = new SplittableRandom(Workload.SEED);
		StringBuilder line = new StringBuilder("memory: reading cold, in " + PIECES + " pieces,");
		for (int kib : new int[] { 64, 128 }) {
			long[] nanos = new long[FLOOR];
			long sink = 0;
			int pieceWords = (kib << 10) / 8 / PIECES;
			int[] arrays = new int[PIECES];
			int[] starts = new int[PIECES];
			// the second round's times are kept: the first warms up the loop
			for (int round = 0; round < 2; round++) {
				for (int i = 0; i < FLOOR; i++) {
					for (int p = 0; p < PIECES; p++) {
						arrays[p] = random.nextInt(FLOOR_ARRAYS);
						starts[p] = random.nextInt(memory[0].length - pieceWords);
					}
					long t0 = System.nanoTime();
					for (int p = 0; p < PIECES; p++) {
						long[] array = memory[arrays[p]];
						for (int w = starts[p], end = w + pieceWords; w < end; w++) {
							sink += array[w];
						}
					}
					nanos[i] = System.nanoTime() - t0;
				}
			}
			Latencies floor = new Latencies(nanos, new int[FLOOR], 0);
			line.append(String.format(" %d KiB: p50 %.1f µs, p99 %.1f µs;", kib, floor.micros(0.5), floor.micros(0.99)));
			if (sink == 42) {
				System.out.print("");
			}
		}
		System.out.println(line.substring(0, line.length() - 1));
	}

	/**
	 * Latency by result size: what an intent costs depends on how many subscriptions it matches, so
	 * this shows which intents meet a latency budget, for whoever sets one.
	 */
	private static void printBands(Latencies latencies) {
		// each band is (bounds[b - 1], bounds[b]]; the first starts below 0 so it holds intents matching nothing
		int[] bounds = { -1, 100, 1_000, 5_000, 20_000, Integer.MAX_VALUE };
		for (int b = 1; b < bounds.length; b++) {
			Latencies band = latencies.matching(bounds[b - 1], bounds[b]);
			if (band.count() == 0) {
				continue;
			}
			String range = bounds[b] == Integer.MAX_VALUE ? String.format("> %,d", bounds[b - 1])
					: String.format("%,d-%,d", bounds[b - 1] + 1, bounds[b]);
			double p99 = band.micros(0.99);
			System.out.printf("  intents matching %-13s %5.1f %% of intents (%,d), p50 %7.1f µs, p99 %s%n", range,
					100.0 * band.count() / latencies.count(), band.count(), band.micros(0.5),
					Double.isNaN(p99) ? "n/a (under 100 intents)" : String.format("%7.1f µs", p99));
		}
	}

	private static MatchingQueries<QueryMatch> match(Monitor monitor, Document document) {
		try {
			return monitor.match(document, QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<Integer> ids(MatchingQueries<QueryMatch> matches) {
		Set<Integer> ids = new HashSet<>();
		for (QueryMatch match : matches.getMatches()) {
			ids.add(Integer.parseInt(match.getQueryId()));
		}
		return ids;
	}

	private static String describe(int i, Demand intent, Set<Integer> ours, Set<Integer> theirs, List<Interest> interests) {
		Set<Integer> onlyOurs = new TreeSet<>(ours);
		onlyOurs.removeAll(theirs);
		Set<Integer> onlyTheirs = new TreeSet<>(theirs);
		onlyTheirs.removeAll(ours);
		StringBuilder text = new StringBuilder("intent " + i + ": " + intent + "\n");
		onlyOurs.stream().limit(3).forEach(id -> text.append("  only ours: ").append(id).append(' ').append(interests.get(id))
			.append(" reference says ").append(interests.get(id).matches(intent)).append('\n'));
		onlyTheirs.stream().limit(3).forEach(id -> text.append("  only lucene: ").append(id).append(' ').append(interests.get(id))
			.append(" reference says ").append(interests.get(id).matches(intent)).append('\n'));
		return text.toString();
	}

	private static void print(List<Row> rows) {
		System.out.println("== Summary (one thread; latency per intent; bytes/subscription from used heap after System.gc())");
		System.out.printf("%-10s %-7s %9s %12s %9s %13s %10s %10s %10s %9s %11s %10s %10s  %s%n", "size", "engine", "build s",
				"bytes/sub", "intents", "intents/s", "p50 µs", "p99 µs", "p99.9 µs", "matches", "p99 matches", "ns/match",
				"ours/luc", "note");
		for (Row row : rows) {
			Latencies l = row.latencies();
			String ratio = "";
			if (row.engine().equals("lucene") && l != null) {
				Row ours = rows.stream().filter(r -> r.size() == row.size() && r.engine().equals("ours")).findFirst().orElseThrow();
				ratio = String.format("%.0fx", ours.latencies().throughput() / l.throughput());
			}
			System.out.printf("%-10s %-7s %9.2f %12.1f %9s %13s %10s %10s %10s %9s %11s %10s %10s  %s%n",
					String.format("%,d", row.size()), row.engine(), row.buildSeconds(), row.bytesPerSubscription(),
					l == null ? "-" : String.format("%,d", l.count()), l == null ? "-" : String.format("%,.0f", l.throughput()),
					micros(l, 0.5), micros(l, 0.99), micros(l, 0.999), l == null ? "-" : String.format("%.1f", l.averageMatches()),
					l == null ? "-" : String.format("%,d", l.matchesAt(0.99)), l == null ? "-" : String.format("%,.0f", l.nanosPerMatch()),
					ratio, row.note());
		}
	}

	private static String micros(Latencies latencies, double quantile) {
		if (latencies == null) {
			return "-";
		}
		double micros = latencies.micros(quantile);
		return Double.isNaN(micros) ? "n/a" : String.format("%.1f", micros);
	}

	private static long usedHeap() throws InterruptedException {
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}
}
