package org.openrfid.trace.web.console;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language and time zone of the console's pages. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    /** Named so: the DispatcherServlet looks the resolver up by this bean name. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return ConsoleLocales.resolver();
    }

    @Bean
    ConsoleZone consoleZone(@Value("${rfid.ui.time-zone:Asia/Shanghai}") String zone) {
        return new ConsoleZone(ZoneId.of(zone));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // an unknown ?lang= is ignored rather than answered with an error page
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
