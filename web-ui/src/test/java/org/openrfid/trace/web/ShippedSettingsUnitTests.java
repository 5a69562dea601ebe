package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.retention.RetentionProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What the shipped application.yml and its postgis profile promise: retention on, demo off on PostGIS, health terse. */
class ShippedSettingsUnitTests {

    static StandardEnvironment load(String... files) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (String file : files) {
            // a later file overrides an earlier one, as a profile's file overrides the base
            yaml.load(file, new ClassPathResource(file)).forEach(env.getPropertySources()::addFirst);
        }
        return env;
    }

    @Test
    void retentionIsOnWithAValidPolicyForEveryKind() throws IOException {
        RetentionProperties retention = Binder.get(load("application.yml")).bind("rfid.retention", RetentionProperties.class).get();
        assertThat(retention.enabled()).isTrue();
        assertThat(retention.toPolicies()).hasSize(5);
    }

    @Test
    void demoModeIsOffUnderThePostgisProfileAndHealthNamesNoComponentsToStrangers() throws IOException {
        assertThat(load("application.yml").getProperty("rfid.demo.enabled")).isEqualTo("true");
        assertThat(load("application.yml", "application-postgis.yml").getProperty("rfid.demo.enabled")).isEqualTo("false");
        assertThat(load("application.yml").getProperty("management.endpoint.health.show-components")).isEqualTo("when-authorized");
    }
}
