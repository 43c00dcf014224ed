package org.openvrm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.flywaydb.core.Flyway;
import org.openvrm.mailbox.FixedDns;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The whole hub on a random port, on H2 or (profile {@code postgres}) PostgreSQL,
 * starting from an empty schema. Every integration and browser test uses exactly this, so
 * they share one context. The DNS that checks inbound mail is {@link FixedDns}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ HubTest.CleanDatabase.class, FixedDns.InPlace.class })
public @interface HubTest {

	@TestConfiguration(proxyBeanMethods = false)
	class CleanDatabase {

		@Bean
		FlywayMigrationStrategy cleanThenMigrate() {
			return (Flyway flyway) -> {
				flyway.clean();
				flyway.migrate();
			};
		}

	}

}
