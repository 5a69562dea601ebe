package org.openrfid.trace.service.library.sip2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small library system speaking SIP2 over a real TCP socket, for the client's tests: it answers Login
 * (93 → 94) and Item Information (17 → 18) from a table of circulation statuses, checks the checksum of
 * every request that carries one (answering 96, "please resend", when it is wrong), and can be told to
 * be slow, to demand a login, or to break its own checksums.
 */
final class TestSip2Server implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    final Map<String, String> statuses = new ConcurrentHashMap<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile long delayMs;
    volatile boolean requireLogin;
    volatile boolean corruptChecksums;

    TestSip2Server() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-sip2-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "test-sip2-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            boolean loggedIn = false;
            String message;
            while ((message = read(in)) != null) {
                received.add(message);
                String answer;
                if (!Sip2Checksum.valid(message)) {
                    answer = "96";
                } else if (message.startsWith("93")) {
                    loggedIn = message.contains("CNgate|") && message.contains("COsecret|");
                    answer = loggedIn ? "941" : "940";
                } else if (message.startsWith("17") && (loggedIn || !requireLogin)) {
                    answer = itemInformation(Sip2Messages.fields(message.substring(2 + 18)).get("AB"));
                } else {
                    answer = "96";
                }
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                if (Sip2Checksum.sealed(message)) {
                    answer = Sip2Checksum.seal(answer, sequenceOf(message));
                    if (corruptChecksums) {
                        answer = answer.substring(0, answer.length() - 4) + "0000";
                    }
                }
                out.write((answer + "\r").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // the client hung up (or the test ended)
        }
    }

    private String itemInformation(String itemId) {
        String status = statuses.getOrDefault(itemId, "01");
        String title = statuses.containsKey(itemId) ? "AJ" + "Title of " + itemId + "|" : "";
        // 18, circulation status, security marker 02 (3M tattle-tape), fee type 01, transaction date
        return "18" + status + "0201" + "20260302UTC 090000" + "AB" + itemId + "|" + title + "AQmain|";
    }

    private static int sequenceOf(String message) {
        int ay = message.lastIndexOf("AY");
        return ay < 0 ? 0 : message.charAt(ay + 2) - '0';
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\r') {
                return b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
