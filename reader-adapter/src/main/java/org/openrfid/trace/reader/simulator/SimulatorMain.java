package org.openrfid.trace.reader.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.openrfid.trace.reader.llrp.LlrpTls;

/**
 * Command line for the simulator.
 *
 * <pre>
 * SimulatorMain --scenario PATH [--reader ID:PORT]... [--base-port 5084] [--time-scale 1.0] [--loop]
 * SimulatorMain --load-readers N --load-rate READS_PER_S --load-tags T [--base-port 5084]
 * SimulatorMain --gantries N --gantry-rate READS_PER_S [--gantry-present TAGS] [--base-port 5084]
 *   common: [--dial HOST:PORT] [--generic] [--tls-keystore PATH --tls-password PW] [--omit-unchanged] [--epc-bits N]
 * </pre>
 *
 * Without {@code --reader}, each distinct reader id of the scenario gets its own port from
 * {@code --base-port} upwards. Load mode generates random traffic and always loops; gantry mode
 * generates dense traffic of passing tags ({@link Scenario#gantries}) and always loops. {@code --dial}
 * makes every reader call the client instead (reader-initiated connections); {@code --generic} drops
 * the Impinj identity and extensions; {@code --tls-keystore} serves LLRP over TLS.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LlrpReaderSimulator sim;
        try {
            sim = fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: --scenario PATH [--reader ID:PORT]... [--base-port N] [--time-scale X] [--loop]");
            System.err.println("       --load-readers N --load-rate R --load-tags T [--base-port N]");
            System.err.println("       --gantries N --gantry-rate R [--gantry-present P] [--base-port N]");
            System.err.println("  and: [--dial HOST:PORT] [--generic] [--tls-keystore PATH --tls-password PW] [--omit-unchanged] [--epc-bits N]");
            System.exit(2);
            return;
        }
        sim.start();
        for (String id : sim.readerIds()) {
            int port = sim.port(id);
            System.out.println("LLRP reader " + id + (port < 0 ? " dialling its client" : " listening on 127.0.0.1:" + port));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        new CountDownLatch(1).await();
    }

    static LlrpReaderSimulator fromArgs(String[] args) {
        Path scenario = null;
        List<String[]> readers = new ArrayList<>();
        int basePort = 5084;
        double timeScale = 1.0;
        boolean loop = false;
        int loadReaders = 0;
        int loadRate = 100;
        int loadTags = 200;
        int gantries = 0;
        int gantryRate = 10_000;
        int gantryPresent = 200;
        String dial = null;
        boolean generic = false;
        Path keystore = null;
        String tlsPassword = "";
        boolean omitUnchanged = false;
        int epcBits = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--scenario" -> scenario = Path.of(value(args, ++i, a));
                case "--reader" -> {
                    String v = value(args, ++i, a);
                    int colon = v.lastIndexOf(':');
                    if (colon <= 0) {
                        throw new IllegalArgumentException("--reader needs ID:PORT, got " + v);
                    }
                    readers.add(new String[] {v.substring(0, colon), v.substring(colon + 1)});
                }
                case "--base-port" -> basePort = Integer.parseInt(value(args, ++i, a));
                case "--time-scale" -> timeScale = Double.parseDouble(value(args, ++i, a));
                case "--loop" -> loop = true;
                case "--load-readers" -> loadReaders = Integer.parseInt(value(args, ++i, a));
                case "--load-rate" -> loadRate = Integer.parseInt(value(args, ++i, a));
                case "--load-tags" -> loadTags = Integer.parseInt(value(args, ++i, a));
                case "--gantries" -> gantries = Integer.parseInt(value(args, ++i, a));
                case "--gantry-rate" -> gantryRate = Integer.parseInt(value(args, ++i, a));
                case "--gantry-present" -> gantryPresent = Integer.parseInt(value(args, ++i, a));
                case "--dial" -> dial = value(args, ++i, a);
                case "--generic" -> generic = true;
                case "--tls-keystore" -> keystore = Path.of(value(args, ++i, a));
                case "--tls-password" -> tlsPassword = value(args, ++i, a);
                case "--omit-unchanged" -> omitUnchanged = true;
                case "--epc-bits" -> epcBits = Integer.parseInt(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Scenario s;
        if (loadReaders > 0) {
            s = Scenario.load(loadReaders, loadRate, loadTags, System.nanoTime());
            loop = true;
        } else if (gantries > 0) {
            s = Scenario.gantries(gantries, gantryRate, gantryPresent, 42);
            loop = true;
        } else if (scenario != null) {
            s = Scenario.fromFile(scenario);
        } else {
            throw new IllegalArgumentException("give --scenario, --load-readers or --gantries");
        }
        LlrpReaderSimulator.Builder b = LlrpReaderSimulator.builder().scenario(s).timeScale(timeScale).loop(loop)
                .impinj(!generic).omitUnchangedFields(omitUnchanged).epcBitLength(epcBits);
        if (keystore != null) {
            b.tls(LlrpTls.serverContext(keystore, tlsPassword.toCharArray()));
        }
        if (dial != null) {
            int colon = dial.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--dial needs HOST:PORT, got " + dial);
            }
            String host = dial.substring(0, colon);
            int port = Integer.parseInt(dial.substring(colon + 1));
            Iterable<String> ids = readers.isEmpty() ? s.readerIds() : readers.stream().map(r -> r[0]).toList();
            ids.forEach(id -> b.dial(id, host, port));
        } else if (readers.isEmpty()) {
            int port = basePort;
            for (String id : s.readerIds()) {
                b.reader(id, port++);
            }
        } else {
            for (String[] r : readers) {
                b.reader(r[0], Integer.parseInt(r[1]));
            }
        }
        return b.build();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
