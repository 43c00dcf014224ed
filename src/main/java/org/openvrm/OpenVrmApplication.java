package org.openvrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenVrmApplication {

	public static void main(String[] args) {
		SpringApplication.run(OpenVrmApplication.class, args);
	}

}
