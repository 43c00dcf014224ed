package org.openvrm;

import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every row of every table in the hub's schema as the database holds it, for the
 * provider-blind tests: whatever the hub stores must not contain what the person wrote.
 */
public final class RawStorage {

	private RawStorage() {
	}

	/**
	 * Where {@code marker} appears in stored data, as "table.column"; empty when nowhere.
	 */
	public static List<String> whereFound(JdbcTemplate jdbc, String marker) {
		byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
		List<String> found = new ArrayList<>();
		List<String> tables = jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')
				""", String.class);
		for (String table : tables) {
			jdbc.query("SELECT * FROM " + table, rs -> {
				int columns = rs.getMetaData().getColumnCount();
				for (int i = 1; i <= columns; i++) {
					int type = rs.getMetaData().getColumnType(i);
					boolean binary = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
							|| type == Types.BLOB;
					byte[] raw = binary ? rs.getBytes(i) : null;
					String text = rs.getString(i);
					if ((raw != null && contains(raw, needle)) || (text != null && text.contains(marker))) {
						found.add(table + "." + rs.getMetaData().getColumnName(i));
					}
				}
			});
		}
		return found;
	}

	/**
	 * Every table the check read, so that a test can prove it looked at the right places.
	 */
	public static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				SELECT lower(table_name) FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')
				""", String.class);
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
