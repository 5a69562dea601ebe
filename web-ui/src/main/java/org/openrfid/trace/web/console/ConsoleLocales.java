package org.openrfid.trace.web.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The console speaks Simplified Chinese and English. A language chosen in the header ({@code ?lang=zh-CN})
 * is remembered in a cookie; without one the browser's {@code Accept-Language} decides, and anything that
 * is not Chinese gets English.
 */
public final class ConsoleLocales {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private ConsoleLocales() {
    }

    /** The supported locale closest to the one asked for: any Chinese is zh-CN, everything else English. */
    public static Locale closest(Locale asked) {
        return asked != null && "zh".equals(asked.getLanguage()) ? CHINESE : ENGLISH;
    }

    static CookieLocaleResolver resolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("rfid-lang") {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return closest(super.resolveLocale(request));
            }
        };
        resolver.setDefaultLocaleFunction(ConsoleLocales::fromHeader);
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        return resolver;
    }

    /** The first language of Accept-Language we speak, in the browser's order of preference. */
    private static Locale fromHeader(HttpServletRequest request) {
        var languages = request.getLocales();
        while (languages.hasMoreElements()) {
            Locale l = languages.nextElement();
            if ("zh".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                return closest(l);
            }
        }
        return ENGLISH;
    }
}
