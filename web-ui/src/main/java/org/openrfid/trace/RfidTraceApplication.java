package org.openrfid.trace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The runnable application: service, pipeline, readers and UI in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RfidTraceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RfidTraceApplication.class, args);
    }
}
