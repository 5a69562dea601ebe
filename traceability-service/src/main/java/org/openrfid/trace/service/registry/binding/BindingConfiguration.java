package org.openrfid.trace.service.registry.binding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The binding services over whichever store adapters are wired. */
@Configuration(proxyBeanMethods = false)
public class BindingConfiguration {

    @Bean
    TagBinder tagBinder(NewTags tags, TagBindings bindings) {
        return new TagBinder(tags, bindings);
    }
}
