package org.openrfid.trace.reader.llrp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.generated.parameters.UTCTimestamp;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedLong_DATETIME;

/**
 * The valid frames fuzzing starts from: captured ones from the shared LLRP test vectors (the LTK golden
 * streams, ltkjava's test messages, EdgeX's captured reader answers) when they are there, and frames
 * built here so the corpus is never empty. Besides single reports, whole reader sides of a conversation:
 * what a reader sends from accept through set-up into streaming, and what a dialling-in reader sends
 * to be identified, with the message IDs the client will use.
 */
final class FuzzCorpus {

    /** The listener's identification request ID (ReaderInitiatedListener.IDENTIFY_ID). */
    public static final long IDENTIFY_ID = 0x7FFF_0001L;
    static final long IMPINJ = 25882;

    private static final Path DIR = sharedLlrpDir();

    private FuzzCorpus() {
    }

    /** Where the shared vectors are, or null: the corpus then holds only the built frames. */
    private static Path sharedLlrpDir() {
        String prop = System.getProperty("rfid.shared.dir");
        for (String c : new String[] {prop, "../../shared", "../shared", "/work/shared"}) {
            if (c != null && !c.isBlank() && Files.isDirectory(Path.of(c, "data/llrp"))) {
                return Path.of(c, "data/llrp").normalize();
            }
        }
        return null;
    }

    public static boolean hasSharedVectors() {
        return DIR != null;
    }

    /** RO_ACCESS_REPORTs: captured, and built with ltkjava with every parameter the decoder knows. */
    public static List<byte[]> reports() {
        List<byte[]> out = new ArrayList<>();
        out.add(report96("3074257BF7194E4000001A85", 1, 1));
        Random random = new Random(18);
        for (int i = 0; i < 24; i++) {
            out.add(encode(RoAccessReportDecoderUnitTests.randomReport(random, 1 + random.nextInt(4)), 100 + i));
        }
        if (DIR != null) {
            out.add(read("ltkjava-test-resources/RO_ACCESS_REPORT.bin"));
            for (byte[] stream : goldenStreams()) {
                for (byte[] f : frames(stream)) {
                    if (LlrpFrames.type(f) == LlrpMessageType.RO_ACCESS_REPORT && f.length <= 4096) {
                        out.add(f);
                    }
                }
            }
            try (Stream<Path> edgex = Files.list(DIR.resolve("edgex-testdata/roAccessReports"))) {
                for (Path p : edgex.filter(p -> p.toString().endsWith(".bytes")).sorted().toList()) {
                    out.add(withHeader(LlrpMessageType.RO_ACCESS_REPORT, Files.readAllBytes(p), 7));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Every frame in the corpus of any type, for splicing. */
    public static List<byte[]> allFrames() {
        List<byte[]> out = new ArrayList<>(reports());
        for (List<byte[]> conversation : readerConversations()) {
            out.addAll(conversation);
        }
        if (DIR != null) {
            for (byte[] stream : goldenStreams()) {
                for (byte[] f : frames(stream)) {
                    if (f.length <= 4096) {
                        out.add(f);
                    }
                }
            }
            for (String name : new String[] {"CUSTOM_MESSAGE1", "CUSTOM_MESSAGE2", "READER_EVENT_NOTIFICATION",
                    "READER_EVENT_NOTIFICATION2", "ADD_ROSPEC2"}) {
                out.add(read("ltkjava-test-resources/" + name + ".bin"));
            }
        }
        return out;
    }

    /**
     * What a reader sends a client that dialled it, frame by frame, up to and past set-up: the
     * ConnectionAttemptEvent, an answer to each set-up request with the ID the client will give it
     * (LlrpHandshake's order, TID AccessSpec on), then what comes unasked while streaming.
     */
    public static List<List<byte[]>> readerConversations() {
        List<List<byte[]>> out = new ArrayList<>();
        byte[] plainCaps = success(LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE, 1);
        out.add(conversation(plainCaps, false));
        if (DIR != null) {
            byte[] impinjCaps = withHeader(LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE,
                    read("edgex-testdata/GetReaderCapabilitiesResponse-000.bytes"), 1);
            out.add(conversation(impinjCaps, true));
        }
        return out;
    }

    private static List<byte[]> conversation(byte[] caps, boolean impinj) {
        List<byte[]> c = new ArrayList<>();
        c.add(encode(connectionAttempt(), 0));
        c.add(caps);
        long id = 2;
        if (impinj) {
            // IMPINJ_ENABLE_EXTENSIONS_RESPONSE: CUSTOM_MESSAGE, vendor, subtype 22, LLRPStatus(success)
            c.add(ByteBuffer.allocate(10 + 5 + 8).putShort((short) ((1 << 10) | LlrpMessageType.CUSTOM_MESSAGE)).putInt(23)
                    .putInt((int) id++).putInt((int) IMPINJ).put((byte) 22)
                    .putShort((short) 287).putShort((short) 8).putShort((short) 0).putShort((short) 0).array());
        }
        for (int type : new int[] {LlrpMessageType.SET_READER_CONFIG_RESPONSE, LlrpMessageType.DELETE_ROSPEC_RESPONSE,
                LlrpMessageType.DELETE_ACCESSSPEC_RESPONSE, LlrpMessageType.ADD_ROSPEC_RESPONSE,
                LlrpMessageType.ADD_ACCESSSPEC_RESPONSE, LlrpMessageType.ENABLE_ACCESSSPEC_RESPONSE,
                LlrpMessageType.ENABLE_ROSPEC_RESPONSE, LlrpMessageType.START_ROSPEC_RESPONSE}) {
            c.add(success(type, id++));
        }
        c.add(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, 900));
        c.add(report96("3074257BF7194E4000001A85", 2, 901));
        if (DIR != null) {
            c.add(withHeader(LlrpMessageType.READER_EVENT_NOTIFICATION, read("edgex-testdata/ReaderEventNotification-000.bytes"), 902));
            c.add(read("ltkjava-test-resources/RO_ACCESS_REPORT.bin"));
        }
        // ERROR_MESSAGE unasked (M_UnexpectedMessage 102)
        c.add(ByteBuffer.allocate(18).putShort((short) ((1 << 10) | LlrpMessageType.ERROR_MESSAGE)).putInt(18).putInt(903)
                .putShort((short) 287).putShort((short) 8).putShort((short) 102).putShort((short) 0).array());
        return c;
    }

    /** What a reader dialling in sends: ConnectionAttemptEvent, a KEEPALIVE, then its Identification. */
    public static List<List<byte[]>> dialInGreetings() {
        List<List<byte[]>> out = new ArrayList<>();
        byte[] identification = ByteBuffer.allocate(10 + 8 + 15)
                .putShort((short) ((1 << 10) | LlrpMessageType.GET_READER_CONFIG_RESPONSE)).putInt(33).putInt((int) IDENTIFY_ID)
                .putShort((short) 287).putShort((short) 8).putShort((short) 0).putShort((short) 0)
                .putShort((short) 218).putShort((short) 15).put((byte) 1).putShort((short) 8)
                .put(new byte[] {0x00, 0x16, 0x25, (byte) 0xFF, (byte) 0xFF, 0x11, 0x25, (byte) 0xD6}).array();
        out.add(List.of(encode(connectionAttempt(), 0), LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, 5), identification));
        if (DIR != null) {
            out.add(List.of(encode(connectionAttempt(), 0), withHeader(LlrpMessageType.GET_READER_CONFIG_RESPONSE,
                    read("edgex-testdata/GetReaderConfigResponse-000.bytes"), (int) IDENTIFY_ID)));
        }
        return out;
    }

    static READER_EVENT_NOTIFICATION connectionAttempt() {
        ReaderEventNotificationData data = new ReaderEventNotificationData();
        UTCTimestamp ts = new UTCTimestamp();
        ts.setMicroseconds(new UnsignedLong_DATETIME(1_700_000_000_000_000L));
        data.setTimestamp(ts);
        ConnectionAttemptEvent ev = new ConnectionAttemptEvent();
        ev.setStatus(new ConnectionAttemptStatusType(ConnectionAttemptStatusType.Success));
        data.setConnectionAttemptEvent(ev);
        READER_EVENT_NOTIFICATION m = new READER_EVENT_NOTIFICATION();
        m.setReaderEventNotificationData(data);
        return m;
    }

    static byte[] success(int type, long messageId) {
        return ByteBuffer.allocate(18).putShort((short) ((1 << 10) | type)).putInt(18).putInt((int) messageId)
                .putShort((short) 287).putShort((short) 8).putShort((short) 0).putShort((short) 0).array();
    }

    static byte[] report96(String epcHex, int antenna, long messageId) {
        byte[] epc = java.util.HexFormat.of().parseHex(epcHex);
        return ByteBuffer.allocate(30).putShort((short) ((1 << 10) | LlrpMessageType.RO_ACCESS_REPORT)).putInt(30)
                .putInt((int) messageId).putShort((short) 240).putShort((short) 20)
                .put((byte) (0x80 | 13)).put(epc).put((byte) (0x80 | 1)).putShort((short) antenna).array();
    }

    static byte[] encode(LLRPMessage m, long id) {
        m.setMessageID(new UnsignedInteger(id));
        try {
            return m.encodeBinary();
        } catch (InvalidLLRPMessageException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] withHeader(int type, byte[] body, int id) {
        return ByteBuffer.allocate(10 + body.length).putShort((short) ((1 << 10) | type)).putInt(10 + body.length)
                .putInt(id).put(body).array();
    }

    private static List<byte[]> goldenStreams() {
        try (Stream<Path> golden = Files.list(DIR.resolve("ltk-golden"))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : golden.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> frames(byte[] stream) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        try {
            for (byte[] f = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME); f != null; f = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME)) {
                out.add(f);
            }
        } catch (IOException e) {
            // the golden streams are whole; stop at whatever is not
        }
        return out;
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
