package org.openvrm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Keeps every connection leak report Hikari logs (the suite runs with
 * {@code spring.datasource.hikari.leak-detection-threshold}): where the leaked connection
 * was taken.
 */
public class ConnectionLeakReports extends AppenderBase<ILoggingEvent> {

	private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

	@Override
	protected void append(ILoggingEvent event) {
		if (!event.getFormattedMessage().startsWith("Connection leak detection triggered")) {
			return;
		}
		StringBuilder report = new StringBuilder(event.getFormattedMessage());
		IThrowableProxy taken = event.getThrowableProxy();
		if (taken != null && migrating(taken)) {
			return; // Flyway holds one connection for all migrations at start-up, by
					// design; on a file database that takes seconds
		}
		if (taken != null) {
			for (StackTraceElementProxy frame : taken.getStackTraceElementProxyArray()) {
				if (frame.getStackTraceElement().getClassName().startsWith("org.openvrm")) {
					report.append("\n\tat ").append(frame.getStackTraceElement());
				}
			}
		}
		REPORTS.add(report.toString());
	}

	private static boolean migrating(IThrowableProxy taken) {
		for (StackTraceElementProxy frame : taken.getStackTraceElementProxyArray()) {
			if (frame.getStackTraceElement().getClassName().startsWith("org.flywaydb")) {
				return true;
			}
		}
		return false;
	}

	/** The reports since the last call, which forgets them. */
	static List<String> take() {
		List<String> taken = List.copyOf(REPORTS);
		REPORTS.removeAll(taken);
		return taken;
	}

}
