package org.openrfid.trace.web.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the security filter forwards a logged-in person whose roles do not open a page
 * ({@code rfid.security.denied-page}): the console's 403 page, with menu and language, in place of the
 * servlet container's error. API calls keep their problem detail.
 */
@Controller
class DeniedPageController {

    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }
}
