package org.openrfid.trace.web.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.openrfid.trace.service.privacy.AccessRefusedException;
import org.openrfid.trace.service.privacy.Callers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs in its model (menu by role, time zone, language), and the error
 * pages a person sees instead of the API's problem JSON: a refused lookup is a 403 page in their
 * language, an unknown object a 404 page. Only the page controllers under {@code org.openrfid.trace.web}
 * are advised, before the API's problem handling.
 */
@ControllerAdvice(basePackages = "org.openrfid.trace.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsolePages {

    private final Callers callers;
    private final ConsoleZone zone;

    ConsolePages(Callers callers, ConsoleZone zone) {
        this.callers = callers;
        this.zone = zone;
    }

    @ModelAttribute("menu")
    List<Menu.Item> menu() {
        return Menu.forRoles(callers.roles());
    }

    @ModelAttribute("zone")
    ConsoleZone zone() {
        return zone;
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return ConsoleLocales.closest(locale).toLanguageTag();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The context path, for links written outside Thymeleaf's {@code @{…}} (live fragments share templates with pages). */
    @ModelAttribute("base")
    String base(HttpServletRequest request) {
        return request.getContextPath();
    }

    @ExceptionHandler(AccessRefusedException.class)
    String refused(AccessRefusedException e, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        common(model, request, locale);
        model.addAttribute("detail", e.getBody().getDetail());
        return "error/403";
    }

    @ExceptionHandler(NoSuchElementException.class)
    String notFound(NoSuchElementException e, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        common(model, request, locale);
        model.addAttribute("detail", e.getMessage());
        return "error/404";
    }

    /** Exception handlers' views do not get the {@code @ModelAttribute}s: the layout needs them all the same. */
    private void common(Model model, HttpServletRequest request, Locale locale) {
        model.addAttribute("menu", menu());
        model.addAttribute("zone", zone);
        model.addAttribute("lang", lang(locale));
        model.addAttribute("currentPath", currentPath(request));
        model.addAttribute("base", base(request));
    }
}
