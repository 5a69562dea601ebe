package org.openrfid.trace.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.net.ssl.SSLException;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG_RESPONSE;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.GeneralDeviceCapabilities;
import org.llrp.ltk.generated.parameters.Identification;
import org.llrp.ltk.generated.parameters.PerAntennaAirProtocol;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.types.LLRPMessage;

/**
 * "Test connection": dials a reader, waits for its greeting, asks what it is (GET_READER_CAPABILITIES,
 * §9.1.1, and its Identification, §13.1.7) and hangs up with CLOSE_CONNECTION. Nothing is configured on
 * the reader: no ROSpec is added or deleted, so probing a reader another system drives changes nothing.
 *
 * <p>Failures come back as a {@link Failure} with a {@link Reason} a person can act on (wrong address,
 * firewall, not an LLRP port, reader busy with another client) rather than a stack trace.
 */
public final class LlrpProbe {

    /**
     * Makers by IANA private enterprise number (DeviceManufacturerName); only numbers we have checked are
     * named, the page shows the number for the rest.
     */
    private static final java.util.Map<Long, String> MAKERS = java.util.Map.of(ImpinjExtensions.VENDOR, "Impinj");

    /** Why a probe failed, in words the readers page translates. */
    public enum Reason {
        /** The name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on the port (connection refused) or no route to the host. */
        UNREACHABLE,
        /** No answer in time: a firewall dropping packets, or a host that is down. */
        TIMEOUT,
        /** The TLS handshake failed (certificate, trust, protocol). */
        TLS,
        /** Something answered that does not speak LLRP (wrong port, HTTP, telnet). */
        NOT_LLRP,
        /** The reader refused because another client is connected (LLRP allows one). */
        BUSY,
        /** The reader refused the connection for another reason, or answered a request with an error. */
        REFUSED
    }

    /** A failed probe: the reason and what was seen, for the page. */
    public static final class Failure extends Exception {
        private final Reason reason;

        Failure(Reason reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * What the reader said about itself.
     *
     * @param manufacturer     IANA enterprise number of the maker (0: none given)
     * @param manufacturerName the maker's name when known, else empty
     * @param model            the maker's model number
     * @param firmware         firmware version text
     * @param antennas         antennas it supports
     * @param airProtocols     air protocols over its antennas, e.g. {@code EPCGlobalClass1Gen2}
     * @param utcClock         whether it keeps UTC time (timestamps in reports are then usable as event time)
     * @param readerId         its Identification (MAC or EPC) as hex, empty when it did not say
     * @param tookMillis       dial to goodbye, in milliseconds
     */
    public record Report(long manufacturer, String manufacturerName, long model, String firmware, int antennas,
                         List<String> airProtocols, boolean utcClock, String readerId, long tookMillis) {
    }

    private static final long CAPABILITIES_ID = 1;
    private static final long IDENTIFICATION_ID = 2;
    private static final long CLOSE_ID = 3;

    private LlrpProbe() {
    }

    /** Probes {@code connector}'s reader, waiting at most {@code timeout} for each step. */
    public static Report probe(LlrpConnector connector, Duration timeout) throws Failure {
        long start = System.nanoTime();
        LlrpLink link;
        try {
            link = connector.open(timeout);
        } catch (UnknownHostException e) {
            throw new Failure(Reason.UNKNOWN_HOST, "unknown host: " + e.getMessage(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new Failure(Reason.UNREACHABLE, connector.describe() + ": " + e.getMessage(), e);
        } catch (SocketTimeoutException e) {
            throw new Failure(Reason.TIMEOUT, "no answer from " + connector.describe() + " within " + timeout.toMillis() + " ms", e);
        } catch (SSLException e) {
            throw new Failure(Reason.TLS, "TLS handshake with " + connector.describe() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Failure(Reason.UNREACHABLE, connector.describe() + ": " + e.getMessage(), e);
        }
        try {
            link.socket().setSoTimeout((int) timeout.toMillis());
            LlrpFrameReader frames = new LlrpFrameReader(link.in(), LlrpFrames.DEFAULT_MAX_FRAME);
            if (!link.greeted()) {
                awaitGreeting(frames, timeout);
            }
            send(link, ClientMessages.getReaderCapabilities(), CAPABILITIES_ID);
            GeneralDeviceCapabilities general = capabilities(answer(frames, CAPABILITIES_ID,
                    LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE, "GET_READER_CAPABILITIES"));
            send(link, ClientMessages.getIdentification(), IDENTIFICATION_ID);
            String readerId = identification(answer(frames, IDENTIFICATION_ID, LlrpMessageType.GET_READER_CONFIG_RESPONSE, "GET_READER_CONFIG"));
            sayGoodbye(link, frames);
            return report(general, readerId, (System.nanoTime() - start) / 1_000_000);
        } catch (SocketTimeoutException e) {
            throw new Failure(Reason.TIMEOUT, "the reader at " + link.peer() + " went silent (" + timeout.toMillis() + " ms)", e);
        } catch (LlrpFrames.LlrpFrameException | EOFException e) {
            throw new Failure(Reason.NOT_LLRP, "what " + link.peer() + " sent is not LLRP: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Failure(Reason.NOT_LLRP, link.peer() + ": " + e.getMessage(), e);
        } finally {
            link.closeQuietly();
        }
    }

    /** §13.2.6.11: the reader speaks first, with a ConnectionAttemptEvent saying whether we may stay. */
    private static void awaitGreeting(LlrpFrameReader frames, Duration timeout) throws IOException, Failure {
        byte[] frame = frames.read();
        if (frame == null) {
            throw new EOFException("closed before its greeting");
        }
        if (LlrpFrames.version(frame) != 1 || LlrpFrames.type(frame) != LlrpMessageType.READER_EVENT_NOTIFICATION) {
            throw new Failure(Reason.NOT_LLRP, "first message was not an LLRP READER_EVENT_NOTIFICATION (version "
                    + LlrpFrames.version(frame) + ", type " + LlrpFrames.type(frame) + ")", null);
        }
        ReaderEventNotificationData data = ((READER_EVENT_NOTIFICATION) ClientMessages.decode(frame)).getReaderEventNotificationData();
        ConnectionAttemptEvent event = data == null ? null : data.getConnectionAttemptEvent();
        if (event == null) {
            throw new Failure(Reason.NOT_LLRP, "the reader's first notification has no ConnectionAttemptEvent", null);
        }
        int status = event.getStatus().intValue();
        // ConnectionAttemptStatusType: 1 reader-initiated and 2 client-initiated connection already exists.
        if (status == 1 || status == 2) {
            throw new Failure(Reason.BUSY, "the reader has another client connected (" + event.getStatus() + ")", null);
        }
        if (status != 0) {
            throw new Failure(Reason.REFUSED, "the reader refused the connection: " + event.getStatus(), null);
        }
    }

    private static void send(LlrpLink link, LLRPMessage message, long id) throws IOException {
        LlrpFrames.write(link.out(), ClientMessages.encode(message, id));
    }

    /** Reads until the answer to {@code id}; keepalives and events in between are skipped. */
    private static LLRPMessage answer(LlrpFrameReader frames, long id, int type, String request) throws IOException, Failure {
        for (int skipped = 0; skipped < 1000; skipped++) {
            byte[] frame = frames.read();
            if (frame == null) {
                throw new EOFException("the reader hung up before answering " + request);
            }
            if (LlrpFrames.messageId(frame) != id) {
                continue;
            }
            LlrpStatus status = LlrpStatus.at(frame, LlrpFrames.HEADER_LENGTH);
            if (LlrpFrames.type(frame) == LlrpMessageType.ERROR_MESSAGE || status == null || !status.isSuccess()) {
                String why = status == null ? "no LLRPStatus" : status.codeName() + (status.description().isEmpty() ? "" : " (" + status.description() + ")");
                throw new Failure(Reason.REFUSED, request + " failed: " + why, null);
            }
            if (LlrpFrames.type(frame) == type) {
                return ClientMessages.decode(frame);
            }
        }
        throw new Failure(Reason.NOT_LLRP, "no answer to " + request + " among 1000 messages", null);
    }

    private static GeneralDeviceCapabilities capabilities(LLRPMessage answer) throws Failure {
        GeneralDeviceCapabilities g = answer instanceof GET_READER_CAPABILITIES_RESPONSE r ? r.getGeneralDeviceCapabilities() : null;
        if (g == null) {
            throw new Failure(Reason.REFUSED, "GET_READER_CAPABILITIES_RESPONSE without GeneralDeviceCapabilities", null);
        }
        return g;
    }

    private static String identification(LLRPMessage answer) {
        Identification id = answer instanceof GET_READER_CONFIG_RESPONSE r ? r.getIdentification() : null;
        if (id == null || id.getReaderID() == null) {
            return "";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < id.getReaderID().size(); i++) {
            hex.append(String.format("%02X", id.getReaderID().get(i).intValue() & 0xFF));
        }
        return hex.toString();
    }

    /** CLOSE_CONNECTION (§13.1.21); its answer is waited for briefly, but a reader that just hangs up is fine. */
    private static void sayGoodbye(LlrpLink link, LlrpFrameReader frames) {
        try {
            send(link, ClientMessages.closeConnection(), CLOSE_ID);
            link.socket().setSoTimeout(1000);
            for (int i = 0; i < 100; i++) {
                byte[] frame = frames.read();
                if (frame == null || LlrpFrames.messageId(frame) == CLOSE_ID) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the report is complete; how the reader ends the link does not change it
        }
    }

    private static Report report(GeneralDeviceCapabilities g, String readerId, long tookMillis) {
        long maker = g.getDeviceManufacturerName() == null ? 0 : g.getDeviceManufacturerName().toLong();
        TreeSet<String> protocols = new TreeSet<>();
        List<PerAntennaAirProtocol> perAntenna = g.getPerAntennaAirProtocolList();
        for (PerAntennaAirProtocol p : perAntenna == null ? List.<PerAntennaAirProtocol>of() : perAntenna) {
            if (p.getProtocolID() != null) {
                for (int i = 0; i < p.getProtocolID().size(); i++) {
                    int id = p.getProtocolID().get(i).intValue();
                    // AirProtocols (§16.2.1.1): 1 is the only one LLRP 1.0.1 defines.
                    protocols.add(id == 1 ? "EPCGlobalClass1Gen2" : "protocol " + id);
                }
            }
        }
        return new Report(maker, MAKERS.getOrDefault(maker, ""), g.getModelName() == null ? 0 : g.getModelName().toLong(),
                g.getReaderFirmwareVersion() == null ? "" : g.getReaderFirmwareVersion().toString(),
                g.getMaxNumberOfAntennaSupported() == null ? 0 : g.getMaxNumberOfAntennaSupported().intValue(),
                new ArrayList<>(protocols), g.getHasUTCClockCapability() != null && g.getHasUTCClockCapability().toBoolean(), readerId, tookMillis);
    }
}
