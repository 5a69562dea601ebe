package org.openrfid.trace.service.alert.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A real HTTP receiver on 127.0.0.1 (an ephemeral port) for webhook tests: each path answers with the statuses it was
 * told to (then 200), optionally after a delay, and keeps every request it got.
 */
final class Receiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    record Got(String path, Map<String, List<String>> headers, byte[] body, long nanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Got> got = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, IntSupplier> always = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            got.add(new Got(path, Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            Long delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = answers.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).poll();
            if (status == null) {
                IntSupplier fixed = always.get(path);
                status = fixed == null ? 200 : fixed.getAsInt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(pool);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on {@code path}, in order; after them 200 (or what {@link #always} says). */
    Receiver answer(String path, Integer... statuses) {
        answers.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
        return this;
    }

    Receiver always(String path, int status) {
        always.put(path, () -> status);
        return this;
    }

    Receiver slow(String path, long millis) {
        delays.put(path, millis);
        return this;
    }

    List<Got> got(String path) {
        return got.stream().filter(g -> g.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
