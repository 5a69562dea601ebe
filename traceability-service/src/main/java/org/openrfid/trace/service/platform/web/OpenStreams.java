package org.openrfid.trace.service.platform.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the open event streams (every SSE page: dashboard, map, alerts, desks, readers, system) when the
 * application stops. The web server's graceful shutdown waits for requests in progress, and a stream is
 * one until its client goes: with a console open, every stop waited the full 30 s phase timeout
 * ("Pausing ProtocolHandler" then "Stopping" 30 s later). Streams are ended before the server waits
 * (this lifecycle stops in the first phase, the server's graceful wait in a later one); browsers then
 * reconnect, to another member behind a balancer or to this one once it is back.
 *
 * <p>A filter notes each request that went asynchronous (an {@code SseEmitter} does) and forgets it when
 * it completes; the emitters' senders already treat a completed stream as a client that left.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OpenStreams extends OncePerRequestFilter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenStreams.class);

    private final Set<AsyncContext> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            AsyncContext async = request.getAsyncContext();
            open.add(async);
            async.addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    open.remove(async);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    open.remove(async);
                }

                @Override
                public void onError(AsyncEvent event) {
                    open.remove(async);
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        }
    }

    /** Requests that went asynchronous and have not completed (open event streams, mostly). */
    public int openCount() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<AsyncContext> ending = List.copyOf(open);
        for (AsyncContext async : ending) {
            try {
                async.complete();
            } catch (RuntimeException e) {
                // already completing on its own thread
            }
            open.remove(async);
        }
        if (!ending.isEmpty()) {
            log.info("Stopping: {} open event stream(s) ended so the web server need not wait for their clients", ending.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First to stop: before the web server's graceful shutdown waits for requests in progress. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
