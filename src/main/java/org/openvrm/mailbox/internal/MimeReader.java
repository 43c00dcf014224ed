package org.openvrm.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.BasicBodyFactory;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a message as it came over SMTP with Apache Mime4j: its subject, sender, date, the
 * text (the plain part, or the HTML part turned into text) and the attachments' names.
 * Whatever it cannot read is kept as the raw source with a note, never an error: mail is
 * accepted before it is read, and nothing accepted may be lost.
 */
public final class MimeReader {

	private MimeReader() {
	}

	/**
	 * What a message says, ready to be sealed.
	 *
	 * @param attachments name, type and size of each part that is not the text
	 * @param malformed the text is the raw source, the message could not be read
	 * @param files the parts that are not the text, with their content, in the same order
	 * as {@code attachments}
	 */
	public record ReadMail(String subject, String from, Instant date, String text, List<String> attachments,
			boolean malformed, List<Attached> files) {

		public ReadMail(String subject, String from, Instant date, String text, List<String> attachments,
				boolean malformed) {
			this(subject, from, date, text, attachments, malformed, List.of());
		}
	}

	/**
	 * A part that is not the text.
	 *
	 * @param fileName as the sender named it; null when unnamed
	 * @param inline shown inside the HTML text ({@code cid:}), an image of its layout
	 */
	public record Attached(String fileName, String contentType, byte[] content, boolean inline) {

		@Override
		public String toString() {
			return "Attached[" + contentType + ", " + content.length + " bytes]";
		}
	}

	public static ReadMail read(byte[] raw) {
		try {
			return parse(raw);
		}
		catch (IOException | RuntimeException unreadable) {
			return unreadable(raw);
		}
	}

	private static ReadMail unreadable(byte[] raw) {
		return new ReadMail(null, null, null, new String(raw, StandardCharsets.UTF_8), List.of(), true);
	}

	private static ReadMail parse(byte[] raw) throws IOException {
		DefaultMessageBuilder builder = new DefaultMessageBuilder();
		// Permissive and silent: real mail breaks the rules often enough (long lines, bad
		// encodings); what can be read is read. A part without a charset is read as
		// UTF-8, which 8-bit mail nearly always is.
		builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
		builder.setDecodeMonitor(DecodeMonitor.SILENT);
		builder.setBodyFactory(new BasicBodyFactory(StandardCharsets.UTF_8));
		Message message = builder.parseMessage(new ByteArrayInputStream(raw));
		try {
			Parts parts = new Parts();
			parts.collect(message);
			String text = parts.plain != null ? parts.plain : parts.html != null ? htmlToText(parts.html) : "";
			if (text.isBlank() && parts.attachments.isEmpty()) {
				// Nothing readable came out (a multipart without its boundary, say): the
				// person gets the source rather than an empty message.
				return unreadable(raw);
			}
			Mailbox sender = message.getFrom() == null || message.getFrom().isEmpty() ? null : message.getFrom().get(0);
			String subject = message.getSubject() == null ? null : message.getSubject().replaceAll("\\s+", " ").strip();
			return new ReadMail(subject, sender == null ? null : sender.getAddress(),
					message.getDate() == null ? null : message.getDate().toInstant(), text.strip(), parts.attachments,
					false, parts.files());
		}
		finally {
			message.dispose();
		}
	}

	/**
	 * The first plain and HTML texts of a message, and everything else as attachments.
	 */
	private static final class Parts {

		String plain;

		String html;

		final List<String> attachments = new ArrayList<>();

		private final List<Attached> found = new ArrayList<>();

		private final List<String> contentIds = new ArrayList<>();

		/** The parts with their content; known once the HTML text, if any, is read. */
		List<Attached> files() {
			List<Attached> files = new ArrayList<>();
			for (int i = 0; i < found.size(); i++) {
				Attached file = found.get(i);
				String cid = contentIds.get(i);
				boolean inline = cid != null && html != null && html.contains("cid:" + cid);
				files.add(new Attached(file.fileName(), file.contentType(), file.content(), inline));
			}
			return files;
		}

		void collect(Entity entity) throws IOException {
			Body body = entity.getBody();
			if (body instanceof Multipart multipart) {
				for (Entity part : multipart.getBodyParts()) {
					collect(part);
				}
				return;
			}
			if (body instanceof Message nested) {
				collect(nested);
				return;
			}
			String type = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
			boolean attached = "attachment".equalsIgnoreCase(entity.getDispositionType())
					|| entity.getFilename() != null;
			if (!attached && body instanceof TextBody text && type.equals("text/plain") && plain == null) {
				plain = read(text);
			}
			else if (!attached && body instanceof TextBody text && type.equals("text/html") && html == null) {
				html = read(text);
			}
			else {
				byte[] content = content(body);
				attachments.add((entity.getFilename() == null ? "(no name)" : entity.getFilename()) + " (" + type + ", "
						+ content.length + " bytes)");
				found.add(new Attached(entity.getFilename(), type, content, false));
				Field contentId = entity.getHeader() == null ? null : entity.getHeader().getField("Content-ID");
				contentIds.add(contentId == null ? null : contentId.getBody().strip().replaceAll("^<|>$", ""));
			}
		}

		private static String read(TextBody text) throws IOException {
			try (Reader reader = text.getReader()) {
				StringBuilder out = new StringBuilder();
				char[] buffer = new char[8192];
				for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
					out.append(buffer, 0, n);
				}
				return out.toString();
			}
		}

		private static byte[] content(Body body) throws IOException {
			if (body instanceof SingleBody single) {
				try (InputStream in = single.getInputStream()) {
					return in.readAllBytes();
				}
			}
			return new byte[0];
		}

	}

	/** The text a reader sees of an HTML message: blocks on lines of their own. */
	static String htmlToText(String html) {
		Element body = Jsoup.parse(html).body();
		body.select("script, style, head, title").remove();
		StringBuilder out = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					// Whitespace between blocks is layout of the source, not text.
					boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
					out.append(lineStart ? text.text().stripLeading() : text.text());
				}
				else if (node instanceof Element element && (element.isBlock() || element.normalName().equals("br"))) {
					newLine(out);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					newLine(out);
				}
			}
		}, body);
		return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static void newLine(StringBuilder out) {
		if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
	}

}
