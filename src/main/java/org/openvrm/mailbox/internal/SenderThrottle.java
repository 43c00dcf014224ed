package org.openvrm.mailbox.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;

import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import org.springframework.stereotype.Component;

/**
 * Turns away a sending address (IP) that keeps causing refusals: each refused message
 * takes a token from its bucket (Bucket4j, {@code refusals-per-minute}, refilled over a
 * minute); with none left, its new connections get 421 and the running one is dropped.
 * Refusals are what is limited, not mail: a mailer sending much wanted mail from one
 * address is never slowed, a flood at a closed address or a guess at addresses is, before
 * it costs a database write. The addresses remembered are bounded (the least recently
 * seen forgotten first).
 */
@Component
class SenderThrottle implements SessionHandler {

	static final int ADDRESSES = 10_000;

	static final String TURNED_AWAY = "4.7.0 Too many refused messages from your address; try again later";

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > ADDRESSES;
		}
	};

	private final int perMinute;

	SenderThrottle(MailProperties mail) {
		this.perMinute = mail.refusalsPerMinute();
	}

	@Override
	public SessionAcceptance accept(Session session) {
		return spent(session.getRemoteAddress()) ? SessionAcceptance.failure(421, TURNED_AWAY)
				: SessionAcceptance.success();
	}

	@Override
	public void onSessionEnd(Session session) {
	}

	/** Whether the sender has no refusals left this minute. */
	boolean spent(SocketAddress sender) {
		Bucket bucket = bucket(sender);
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	/** One refusal more for the sender. */
	void refused(SocketAddress sender) {
		Bucket bucket = bucket(sender);
		if (bucket != null) {
			bucket.tryConsume(1);
		}
	}

	private Bucket bucket(SocketAddress sender) {
		if (perMinute <= 0) {
			return null;
		}
		String key = sender instanceof InetSocketAddress inet && inet.getAddress() != null
				? inet.getAddress().getHostAddress() : String.valueOf(sender);
		synchronized (buckets) {
			return buckets.computeIfAbsent(key,
					address -> Bucket.builder()
						.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
						.build());
		}
	}

}
