package org.openvrm.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the JSON field that did not fit the request's type, and what it should have held,
 * from Jackson's own account of where reading stopped
 * ({@code attributes[0].required: must be true or false}).
 */
final class JsonFieldError {

	private JsonFieldError() {
	}

	static String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference step : failure.getPath()) {
			if (step.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
			}
			else if (step.getIndex() >= 0) {
				path.append('[').append(step.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	static String message(JacksonException failure) {
		if (failure instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		if (TextWithoutNul.refused(failure)) {
			return TextWithoutNul.PROBLEM;
		}
		if (!(failure instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
			return "is not valid here";
		}
		String expected = expected(mismatch.getTargetType());
		if (failure instanceof InvalidNullException
				|| String.valueOf(failure.getOriginalMessage()).startsWith("Missing required")) {
			return "is required: " + expected;
		}
		return "must be " + expected;
	}

	private static String expected(Class<?> type) {
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
			return "a number";
		}
		if (type == String.class || type == char.class || type == Character.class) {
			return "a text";
		}
		if (type == UUID.class) {
			return "an id (UUID)";
		}
		if (type == LocalDate.class) {
			return "a date (YYYY-MM-DD)";
		}
		if (type == YearMonth.class) {
			return "a month (YYYY-MM)";
		}
		if (type == LocalTime.class) {
			return "a time (HH:MM)";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return "a date and time (ISO 8601, e.g. 2026-08-01T09:00:00Z)";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a value of another type";
	}

}
