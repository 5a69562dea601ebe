package org.openrfid.trace.service.enrichment;

import java.util.function.Consumer;
import org.aopalliance.intercept.MethodInterceptor;
import org.openrfid.trace.service.location.Locations;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Wraps the locations port so that every change through it (a method named save, delete, remove or
 * update...) is told of. A proxy rather than a decorator: the port grows (polygon locations), and
 * reads must pass through untouched whatever methods it gains.
 */
final class NotifyingLocations {

    private NotifyingLocations() {
    }

    static Locations wrap(Locations target, Consumer<RegistryChanged> changes) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            if (changes(invocation.getMethod().getName())) {
                changes.accept(new RegistryChanged.LocationsChanged());
            }
            return result;
        });
        return (Locations) factory.getProxy(NotifyingLocations.class.getClassLoader());
    }

    static boolean changes(String method) {
        return method.startsWith("save") || method.startsWith("delete") || method.startsWith("remove") || method.startsWith("update");
    }
}
