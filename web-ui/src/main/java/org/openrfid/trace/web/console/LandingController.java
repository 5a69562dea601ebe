package org.openrfid.trace.web.console;

import org.openrfid.trace.service.privacy.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a form login ends ({@code rfid.security.landing-page}) when no page was asked for: on to the person's own
 * desk ({@link Menu#landing}), so a librarian arrives at the library desk rather than the traffic dashboard.
 */
@Controller
class LandingController {

    private final Callers callers;

    LandingController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/landing")
    String landing() {
        return "redirect:" + Menu.landing(callers.roles());
    }
}
