package org.openrfid.trace.service.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The map's tile server is the only origin besides the application's own that the policy may admit, and only to img-src. */
class SecurityHeadersUnitTests {

    @Test
    void withoutATileServerImagesComeFromTheApplicationOnly() {
        assertThat(SecurityHeaders.contentSecurityPolicy("")).contains("img-src 'self' data:;").isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(SecurityHeaders.contentSecurityPolicy(null)).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(SecurityHeaders.contentSecurityPolicy("/tiles/{z}/{x}/{y}.png")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void aTileServerIsAdmittedToImgSrcAndNowhereElse() {
        String policy = SecurityHeaders.contentSecurityPolicy("https://tiles.example.org:8443/osm/{z}/{x}/{y}.png?key=1");

        assertThat(policy).contains("img-src 'self' data: https://tiles.example.org:8443;").contains("connect-src 'self';")
                .contains("script-src 'self';").contains("default-src 'self';");
        assertThat(policy.split("https://tiles.example.org", -1)).hasSize(2);
    }

    @Test
    void aSubdomainPlaceholderBecomesAWildcardLabel() {
        assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(SecurityHeaders.tileOrigin("http://webrd0{s}.Example.com/appmaptile?x={x}&y={y}&z={z}")).isEqualTo("http://*.example.com");
        assertThat(SecurityHeaders.tileOrigin("http://10.1.2.3:8080/{z}/{x}/{y}.png")).isEqualTo("http://10.1.2.3:8080");
    }

    @Test
    void templatesTheCspCannotNarrowlyExpressAreRefusedNamingTheProperty() {
        for (String bad : new String[] {"ftp://tiles.example.org/{z}.png", "https://tiles.{s}.example.org/{z}.png", "https://{s}.org/{z}.png",
                "https://user@tiles.example.org/{z}.png", "//tiles.example.org/{z}.png", "https://tiles example.org/{z}.png"}) {
            assertThatThrownBy(() -> SecurityHeaders.tileOrigin(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("rfid.ui.map.tiles:");
        }
    }
}
