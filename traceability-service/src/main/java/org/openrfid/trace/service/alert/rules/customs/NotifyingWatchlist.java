package org.openrfid.trace.service.alert.rules.customs;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.aopalliance.intercept.MethodInterceptor;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Wraps the watchlist port so that saving customs-hold entries, or ending any entry, is told of (the
 * holds in memory must follow within a second). A proxy, as for locations: reads pass untouched, and
 * another wrapper (the watchlist rule's) may sit inside or outside it.
 */
final class NotifyingWatchlist {

    /** Marks the proxies this class made, so a bean is wrapped once. */
    interface Notifying {
    }

    private NotifyingWatchlist() {
    }

    static Watchlist wrap(Watchlist target, Consumer<WatchlistChanged> changes) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.addInterface(Notifying.class);
        factory.addAdvice((MethodInterceptor) invocation -> {
            Object result = invocation.proceed();
            String method = invocation.getMethod().getName();
            Object[] args = invocation.getArguments();
            if (method.equals("save") && args.length == 1 && args[0] instanceof Collection<?> entries) {
                Set<String> objects = new HashSet<>();
                for (Object o : entries) {
                    if (o instanceof WatchlistEntry e && CustomsHolds.LIST.equals(e.list())) {
                        objects.add(CustomsHolds.key(e.kind(), e.objectId()));
                    }
                }
                if (!objects.isEmpty()) {
                    changes.accept(new WatchlistChanged(objects, Set.of()));
                }
            } else if (method.equals("end") && args.length >= 1 && args[0] instanceof Long id && Boolean.TRUE.equals(result)) {
                changes.accept(new WatchlistChanged(Set.of(), Set.of(id)));
            }
            return result;
        });
        return (Watchlist) factory.getProxy(NotifyingWatchlist.class.getClassLoader());
    }
}
