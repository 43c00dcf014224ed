package org.openvrm;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fails a test class if Hikari reported a connection leak while it ran (registered for
 * every class through the service loader and
 * {@code junit.jupiter.extensions.autodetection.enabled}). A leak is reported once a
 * connection has been held for the threshold, so a report names the code that took it
 * even when it surfaces during a later class.
 */
public class NoConnectionLeaks implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) {
		List<String> reports = ConnectionLeakReports.take();
		if (!reports.isEmpty()) {
			fail("A database connection was held past the leak threshold (an unclosed stream, or a request that "
					+ "holds its connection too long):\n" + String.join("\n", reports));
		}
	}

}
