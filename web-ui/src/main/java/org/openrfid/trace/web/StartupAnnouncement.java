package org.openrfid.trace.web;

import org.openrfid.trace.service.platform.security.AdminCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the app where the UI is and how to log in. */
@Component
class StartupAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(StartupAnnouncement.class);

    private final AdminCredentials admin;

    StartupAnnouncement(AdminCredentials admin) {
        this.admin = admin;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8080;
        String login = admin.generatedPassword()
                .map(p -> "user 'admin', generated password: " + p + "   (shown once; set RFID_ADMIN_PASSWORD to choose your own)")
                .orElse("user 'admin' with the password from RFID_ADMIN_PASSWORD");
        log.info("""

                ============================================================
                 RFID Trace is running: http://localhost:{}/
                 Log in as {}
                ============================================================""", port, login);
    }
}
