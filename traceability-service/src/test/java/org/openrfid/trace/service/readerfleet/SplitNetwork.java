package org.openrfid.trace.service.readerfleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The links between cluster members, as TCP proxies the test can cut. Each member binds its own loopback
 * address ({@code 127.0.0.1x}) and advertises its proxy ({@code 127.0.0.2x}, same port) as its public
 * address, so every member-to-member connection passes one proxy; members dial from their advertised
 * address (Hazelcast binds its outgoing sockets to it), so a proxy knows which member a connection comes from.
 *
 * <p>{@link #isolate} cuts one member off: every connection between it and the others stops carrying bytes
 * (a black hole, as a pulled cable or a dropping firewall: no reset, the members only notice missing
 * heartbeats), also connections opened during the cut. {@link #heal} closes those connections (bytes held
 * in them would tear the protocol's frames) and forwards new ones again; the members reconnect.
 */
final class SplitNetwork implements AutoCloseable {

    private final List<Proxy> proxies = new ArrayList<>();
    private volatile int isolated;

    /** The member's own address: where it binds. */
    static String memberHost(int member) {
        return "127.0.0.1" + member;
    }

    /** The member's proxy: what it advertises and the others dial. */
    static String proxyHost(int member) {
        return "127.0.0.2" + member;
    }

    /** Starts a proxy from {@link #proxyHost}:port to {@link #memberHost}:port. */
    void add(int member, int port) throws IOException {
        Proxy p = new Proxy(memberHost(member), port);
        proxies.add(p);
        p.start();
    }

    /** Cuts the member's links to every other member (until {@link #heal}). */
    void isolate(int member) {
        isolated = member;
        proxies.forEach(p -> p.connections.forEach(c -> c.frozen = cut(p, c.from)));
    }

    void heal() {
        isolated = 0;
        for (Proxy p : proxies) {
            for (Link c : List.copyOf(p.connections)) {
                if (c.frozen) {
                    c.close();
                }
            }
        }
    }

    /** Whether a connection from {@code from} through proxy {@code p} crosses the cut. */
    private boolean cut(Proxy p, String from) {
        int i = isolated;
        return i != 0 && ((p.member == i) != (member(from) == i));
    }

    /** The member a host of {@link #memberHost} or {@link #proxyHost} belongs to. */
    private static int member(String host) {
        return host.startsWith("127.0.0.") && host.length() == "127.0.0.1x".length() ? host.charAt(host.length() - 1) - '0' : -1;
    }

    @Override
    public void close() {
        proxies.forEach(Proxy::close);
    }

    private final class Proxy extends Thread {
        final String target;
        final int member;
        final int port;
        final ServerSocket server;
        final List<Link> connections = new CopyOnWriteArrayList<>();

        Proxy(String target, int port) throws IOException {
            super("split-proxy-" + target);
            setDaemon(true);
            this.target = target;
            this.member = member(target);
            this.port = port;
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(proxyHost(member)), port));
        }

        @Override
        public void run() {
            while (!server.isClosed()) {
                try {
                    Socket in = server.accept();
                    String from = in.getInetAddress().getHostAddress();
                    Link link = new Link(this, in, from, cut(this, from));
                    connections.add(link);
                    link.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        void close() {
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
            connections.forEach(Link::close);
        }
    }

    /** One proxied connection; a frozen one forwards nothing until it is closed. */
    private static final class Link {
        final Proxy proxy;
        final Socket in;
        final String from;
        volatile boolean frozen;
        volatile Socket out;

        Link(Proxy proxy, Socket in, String from, boolean frozen) {
            this.proxy = proxy;
            this.in = in;
            this.from = from;
            this.frozen = frozen;
        }

        void start() {
            Thread t = new Thread(this::connectAndPump, "split-link-" + from + "->" + proxy.target);
            t.setDaemon(true);
            t.start();
        }

        private void connectAndPump() {
            try {
                holdWhileFrozen();
                Socket s = new Socket(InetAddress.getByName(proxy.target), proxy.port);
                s.setTcpNoDelay(true);
                in.setTcpNoDelay(true);
                out = s;
                Thread back = new Thread(() -> pump(s, in), "split-pump-" + proxy.target + "->" + from);
                back.setDaemon(true);
                back.start();
                pump(in, s);
            } catch (IOException | InterruptedException e) {
                close();
            }
        }

        private void pump(Socket src, Socket dst) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream is = src.getInputStream(); OutputStream os = dst.getOutputStream()) {
                int n;
                while ((n = is.read(buffer)) >= 0) {
                    holdWhileFrozen();
                    os.write(buffer, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                // closed on either side
            } finally {
                close();
            }
        }

        /** A cut link carries nothing: the bytes wait here until the link is closed at the heal. */
        private void holdWhileFrozen() throws InterruptedException, IOException {
            while (frozen) {
                if (in.isClosed()) {
                    throw new IOException("closed while cut");
                }
                Thread.sleep(20);
            }
        }

        void close() {
            proxy.connections.remove(this);
            closeQuietly(in);
            closeQuietly(out);
        }

        private static void closeQuietly(Socket s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
