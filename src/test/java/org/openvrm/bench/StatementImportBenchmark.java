package org.openvrm.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import org.openvrm.Hub;
import org.openvrm.OpenVrmApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank statement of N rows (200,000 by default) from upload to done, in each format,
 * through the HTTP API with a personal access token: CSV (ING's layout: semicolons,
 * unsigned amounts with a decimal comma and an Af/Bij column), camt.053.001.02 and MT940;
 * then an overlapping CSV (half its rows already imported) to measure the duplicate
 * check. The hub runs in this JVM on an H2 file database as shipped (durable commits), in
 * a fresh temporary folder; the upload limit is raised for the run, as an operator
 * importing such files would. Prints rows per second and the most heap in use during each
 * import (sampled every 20 ms, garbage not yet collected included). Run with
 * {@code bench/statements.sh [rows]}; figures in bench/README.md.
 */
public final class StatementImportBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		Path data = Files.createTempDirectory("openvrm-statements-bench");
		SpringApplicationBuilder app = new SpringApplicationBuilder(OpenVrmApplication.class);
		// As arguments, so that they win over the test resources' settings (in-memory
		// database, leak detection).
		// SPRING_PROFILES_ACTIVE=postgres runs it on PostgreSQL (the profile's database)
		// instead.
		boolean postgres = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")).contains("postgres");
		String[] settings = { "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				postgres ? "--openvrm.bench.database=postgres"
						: "--spring.datasource.url=jdbc:h2:file:" + data.resolve("openvrm")
								+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
				"--spring.datasource.hikari.leak-detection-threshold=0",
				"--spring.servlet.multipart.max-file-size=300MB", "--spring.servlet.multipart.max-request-size=301MB",
				"--openvrm.operator.setup-code=benchmark-setup-code-0123456789",
				"--openvrm.vault.argon2.memory-kib=8192", "--openvrm.vault.argon2.iterations=1" };
		try (ConfigurableApplicationContext context = app.run(settings)) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			System.out.printf(Locale.ROOT,
					"%n| file | rows | size | upload s | import s | rows/s (upload to done) | peak heap MiB | added | already there |%n");
			System.out.println("|---|---|---|---|---|---|---|---|---|");
			Client first = new Client(port, Hub.personalAccessToken(Hub.person(port)));
			first.run("CSV (ING layout)", csv(rows, 0));
			first.run("CSV, overlapping: half already there", csv(rows, rows / 2));
			new Client(port, Hub.personalAccessToken(Hub.person(port))).run("camt.053.001.02", camt(rows));
			new Client(port, Hub.personalAccessToken(Hub.person(port))).run("MT940", mt940(rows));
		}
	}

	/**
	 * A person's script: upload, commit with the suggested mapping, follow the progress
	 * to the end.
	 */
	private record Client(HttpClient http, String base, String token) {

		Client(int port, String token) {
			this(HttpClient.newHttpClient(), "http://localhost:" + port, token);
		}

		void run(String label, byte[] file) throws Exception {
			System.gc();
			HeapSampler heap = HeapSampler.begin();
			long start = System.nanoTime();
			JsonNode upload = JSON.readTree(send("POST", "/api/v1/me/imports/transactions", multipart(file), 201));
			long uploaded = System.nanoTime();
			String id = upload.get("id").asString();
			send("POST", "/api/v1/me/imports/" + id + "/commit", json(JSON.writeValueAsString(upload.get("suggested"))),
					202);
			JsonNode status;
			do {
				Thread.sleep(100);
				status = JSON.readTree(send("GET", "/api/v1/me/imports/" + id, null, 200));
			}
			while (status.get("state").asString().equals("RUNNING"));
			long done = System.nanoTime();
			if (!status.get("state").asString().equals("DONE")) {
				throw new IllegalStateException(label + ": " + status);
			}
			int total = status.get("total").asInt();
			System.out.printf(Locale.ROOT, "| %s | %,d | %.1f MB | %.1f | %.1f | %,.0f | %,d | %,d | %,d |%n", label,
					total, file.length / 1e6, (uploaded - start) / 1e9, (done - uploaded) / 1e9,
					total / ((done - start) / 1e9), heap.peak() / (1024 * 1024), status.get("imported").asInt(),
					status.get("alreadyThere").asInt());
		}

		private String send(String method, String path, Body body, int expected) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + token);
			if (body == null) {
				request.GET();
			}
			else {
				request.header("Content-Type", body.type())
					.method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
	}

	private record Body(String type, byte[] bytes) {
	}

	private static Body json(String text) {
		return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
	}

	private static Body multipart(byte[] file) {
		MultipartBody body = MultipartBody.of("statement", file);
		return new Body(body.contentType(), body.bytes());
	}

	/** The most heap in use (garbage not yet collected included), sampled every 20 ms. */
	private static final class HeapSampler extends Thread {

		private volatile boolean running = true;

		private long peak;

		static HeapSampler begin() {
			HeapSampler sampler = new HeapSampler();
			sampler.setDaemon(true);
			sampler.start();
			return sampler;
		}

		@Override
		public void run() {
			while (running) {
				peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException stopped) {
					return;
				}
			}
		}

		long peak() throws InterruptedException {
			running = false;
			join();
			return peak;
		}

	}

	/**
	 * Row i of every file: a date over five years, a payee, an amount, money out three
	 * times in four.
	 */
	private record Row(LocalDate date, String payee, String description, long cents, boolean out) {

		static Row of(int i) {
			Random random = new Random(i);
			return new Row(LocalDate.of(2021, 1, 1).plusDays(i % 1800), PAYEES[random.nextInt(PAYEES.length)],
					"Reference " + i + " " + Long.toHexString(random.nextLong()), 100 + random.nextInt(250_000),
					random.nextInt(4) > 0);
		}

		String amount(char decimal) {
			return (cents / 100) + String.valueOf(decimal) + String.format(Locale.ROOT, "%02d", cents % 100);
		}
	}

	private static final String[] PAYEES = { "Albert Heijn 1234", "NS Groep", "Bol.com", "Vattenfall",
			"Gemeente Utrecht", "Coolblue B.V.", "Jumbo 567", "Eneco", "Ziggo", "Werkgever B.V." };

	/**
	 * Rows {@code from} to {@code from + count}, so that a second file can overlap the
	 * first.
	 */
	private static byte[] csv(int count, int from) {
		StringBuilder text = new StringBuilder(
				"\"Datum\";\"Naam / Omschrijving\";\"Rekening\";\"Tegenrekening\";\"Code\";\"Af Bij\";"
						+ "\"Bedrag (EUR)\";\"Mutatiesoort\";\"Mededelingen\"\n");
		return build(text, count, i -> {
			Row row = Row.of(from + i);
			return "\"" + row.date().toString().replace("-", "") + "\";\"" + row.payee()
					+ "\";\"NL20INGB0001234567\";\"\";\"GT\";\"" + (row.out() ? "Af" : "Bij") + "\";\""
					+ row.amount(',') + "\";\"Online bankieren\";\"" + row.description() + "\"\n";
		}, "");
	}

	private static byte[] camt(int count) {
		StringBuilder text = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
						<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-01-01T06:00:00</CreDtTm></GrpHdr>
						<Stmt><Id>BENCH-1</Id><CreDtTm>2026-01-01T06:00:00</CreDtTm>
						<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
						<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2020-12-31</Dt></Dt></Bal>
						""");
		return build(text, count, i -> {
			Row row = Row.of(i);
			String party = row.out() ? "Cdtr" : "Dbtr";
			return "<Ntry><Amt Ccy=\"EUR\">" + row.amount('.') + "</Amt><CdtDbtInd>" + (row.out() ? "DBIT" : "CRDT")
					+ "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + row.date() + "</Dt></BookgDt><ValDt><Dt>"
					+ row.date() + "</Dt></ValDt><BkTxCd/><NtryDtls><TxDtls><RltdPties><" + party + "><Nm>"
					+ row.payee() + "</Nm></" + party + "></RltdPties><RmtInf><Ustrd>" + row.description()
					+ "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
		}, "</Stmt></BkToCstmrStmt></Document>\n");
	}

	private static byte[] mt940(int count) {
		StringBuilder text = new StringBuilder(
				":20:BENCH\r\n:25:NL91ABNA0417164300\r\n:28C:1\r\n:60F:C201231EUR0,00\r\n");
		return build(text, count, i -> {
			Row row = Row.of(i);
			String date = row.date().format(DateTimeFormatter.ofPattern("yyMMdd"));
			return ":61:" + date + (row.out() ? "D" : "C") + row.amount(',') + "NTRFNONREF\r\n:86:/NAME/" + row.payee()
					+ "/REMI/USTD//" + row.description() + "/\r\n";
		}, ":62F:C261231EUR0,00\r\n-\r\n");
	}

	private static byte[] build(StringBuilder text, int count, IntFunction<String> row, String end) {
		for (int i = 0; i < count; i++) {
			text.append(row.apply(i));
		}
		return text.append(end).toString().getBytes(StandardCharsets.UTF_8);
	}

}
