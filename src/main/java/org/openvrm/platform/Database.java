package org.openvrm.platform;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the hub runs on, for the few statements whose right form differs between
 * the embedded H2 and PostgreSQL (see ../shared/TOOLCHAIN.md): row locks, mostly.
 */
@Component
public class Database {

	private final boolean postgres;

	public Database(DataSource dataSource) throws MetaDataAccessException {
		this.postgres = "PostgreSQL"
			.equals(JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName()));
	}

	public boolean isPostgres() {
		return postgres;
	}

}
