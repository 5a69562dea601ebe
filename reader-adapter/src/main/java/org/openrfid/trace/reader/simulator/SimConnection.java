package org.openrfid.trace.reader.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.interfaces.AccessCommandOpSpec;
import org.llrp.ltk.generated.interfaces.SpecParameter;
import org.llrp.ltk.generated.messages.ADD_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ADD_ACCESSSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.ADD_ROSPEC;
import org.llrp.ltk.generated.messages.ADD_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION_RESPONSE;
import org.llrp.ltk.generated.messages.DELETE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.DELETE_ACCESSSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.DISABLE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.DISABLE_ACCESSSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.DISABLE_ROSPEC;
import org.llrp.ltk.generated.messages.DISABLE_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.ENABLE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ACCESSSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.ERROR_MESSAGE;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG_RESPONSE;
import org.llrp.ltk.generated.messages.CUSTOM_MESSAGE;
import org.llrp.ltk.generated.enumerations.GetReaderConfigRequestedData;
import org.llrp.ltk.generated.parameters.Custom;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;
import org.llrp.ltk.generated.messages.KEEPALIVE_ACK;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG_RESPONSE;
import org.llrp.ltk.generated.messages.START_ROSPEC;
import org.llrp.ltk.generated.messages.START_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.messages.STOP_ROSPEC;
import org.llrp.ltk.generated.messages.STOP_ROSPEC_RESPONSE;
import org.llrp.ltk.generated.parameters.AISpec;
import org.llrp.ltk.generated.parameters.C1G2Read;
import org.llrp.ltk.generated.parameters.GeneralDeviceCapabilities;
import org.llrp.ltk.generated.parameters.LLRPStatus;
import org.llrp.ltk.generated.parameters.ROReportSpec;
import org.llrp.ltk.generated.parameters.ROSpec;
import org.llrp.ltk.generated.parameters.TagReportContentSelector;
import org.llrp.ltk.generated.enumerations.AirProtocols;
import org.llrp.ltk.generated.enumerations.AirProtocolsArray;
import org.llrp.ltk.generated.parameters.GPIOCapabilities;
import org.llrp.ltk.generated.parameters.PerAntennaAirProtocol;
import org.llrp.ltk.generated.parameters.ReceiveSensitivityTableEntry;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.SignedShort;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.UTF8String_UTF_8;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedShort;
import org.openrfid.trace.reader.llrp.LlrpFrames;
import org.openrfid.trace.reader.llrp.LlrpMessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection to a simulated reader: answers control messages, carries reports and keepalives. */
final class SimConnection {

    private static final Logger log = LoggerFactory.getLogger(SimConnection.class);
    /** A client that leaves this many KEEPALIVEs unanswered is gone; a reader then drops it. */
    private static final int MAX_UNACKED_KEEPALIVES = 5;

    private final SimulatedReader reader;
    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final AtomicInteger unacked = new AtomicInteger();
    /** Last values sent on this connection, for omitting unchanged fields (§13.2.3). */
    private final SimMessages.Carry carry = new SimMessages.Carry();
    /** Reports without the omit-unchanged fault skip ltkjava (same bytes, a fraction of the cost); player thread only. */
    private final ReportEncoder reports = new ReportEncoder();
    private volatile boolean impinjExtensions;
    private volatile boolean closed;

    SimConnection(SimulatedReader reader, Socket socket) throws IOException {
        this.reader = reader;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static void refuse(Socket s, int status, long nowMicros) {
        try {
            LlrpFrames.write(s.getOutputStream(), SimMessages.encode(SimMessages.connectionAttempt(status, nowMicros), 0));
        } catch (IOException e) {
            // the refused client left already
        } finally {
            SimulatedReader.closeQuietly(s);
        }
    }

    void start() {
        sendRaw(SimMessages.encode(SimMessages.connectionAttempt(ConnectionAttemptStatusType.Success,
                SimulatedReader.nowMicros()), 0));
        Thread t = new Thread(this::readLoop, "llrp-sim-conn-" + reader.id);
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (!closed) {
                byte[] frame = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME);
                if (frame == null) {
                    break;
                }
                // A stalled reader neither answers nor acts; it catches up when it wakes.
                reader.awaitStallEnd();
                if (!handle(frame)) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.debug("[sim {}] client connection ended: {}", reader.id, e.toString());
            }
        } finally {
            abort();
        }
    }

    /** @return false when the connection is to close */
    private boolean handle(byte[] frame) {
        long id = LlrpFrames.messageId(frame);
        int type = LlrpFrames.type(frame);
        if (type == LlrpMessageType.KEEPALIVE_ACK) {
            unacked.set(0);
            return true;
        }
        LLRPMessage msg;
        try {
            msg = LLRPMessageFactory.createLLRPMessage(frame);
        } catch (InvalidLLRPMessageException | RuntimeException e) {
            error(id, StatusCode.M_ParameterError, "cannot decode message type " + type + ": " + e.getMessage());
            return true;
        }
        if (msg == null) {
            error(id, StatusCode.M_UnsupportedMessage, "unsupported message type " + type);
            return true;
        }
        try {
            synchronized (reader) {
                return handle(msg, id);
            }
        } catch (RuntimeException e) {
            log.warn("[sim {}] failed to handle {}: {}", reader.id, msg.getName(), e.toString());
            error(id, StatusCode.R_DeviceError, "simulator failure: " + e.getMessage());
            return true;
        }
    }

    private boolean handle(LLRPMessage msg, long id) {
        if (msg instanceof GET_READER_CAPABILITIES) {
            GET_READER_CAPABILITIES_RESPONSE r = new GET_READER_CAPABILITIES_RESPONSE();
            r.setLLRPStatus(SimMessages.success());
            GeneralDeviceCapabilities g = new GeneralDeviceCapabilities();
            g.setMaxNumberOfAntennaSupported(new UnsignedShort(reader.antennaCount));
            g.setCanSetAntennaProperties(new Bit(false));
            g.setHasUTCClockCapability(new Bit(true));
            // DeviceManufacturerName is the IANA enterprise number; a generic reader says 0 (none).
            g.setDeviceManufacturerName(new UnsignedInteger(reader.options.impinj() ? ImpinjExtensions.VENDOR : 0));
            g.setModelName(new UnsignedInteger(2001));
            g.setReaderFirmwareVersion(new UTF8String_UTF_8("openrfid-simulator"));
            // Mandatory sub-parameters of GeneralDeviceCapabilities (§9.2.1).
            ReceiveSensitivityTableEntry sens = new ReceiveSensitivityTableEntry();
            sens.setIndex(new UnsignedShort(1));
            sens.setReceiveSensitivityValue(new SignedShort(0));
            g.addToReceiveSensitivityTableEntryList(sens);
            GPIOCapabilities gpio = new GPIOCapabilities();
            gpio.setNumGPIs(new UnsignedShort(0));
            gpio.setNumGPOs(new UnsignedShort(0));
            g.setGPIOCapabilities(gpio);
            for (int a = 1; a <= reader.antennaCount; a++) {
                PerAntennaAirProtocol pap = new PerAntennaAirProtocol();
                pap.setAntennaID(new UnsignedShort(a));
                AirProtocolsArray protocols = new AirProtocolsArray();
                protocols.add(new AirProtocols(AirProtocols.EPCGlobalClass1Gen2));
                pap.setProtocolID(protocols);
                g.addToPerAntennaAirProtocolList(pap);
            }
            r.setGeneralDeviceCapabilities(g);
            reply(r, id);
        } else if (msg instanceof GET_READER_CONFIG m) {
            GET_READER_CONFIG_RESPONSE r = new GET_READER_CONFIG_RESPONSE();
            r.setLLRPStatus(SimMessages.success());
            int requested = m.getRequestedData().intValue();
            if (requested == GetReaderConfigRequestedData.All || requested == GetReaderConfigRequestedData.Identification) {
                r.setIdentification(SimMessages.identification(reader.id));
            }
            reply(r, id);
        } else if (msg instanceof CUSTOM_MESSAGE m) {
            if (reader.options.impinj() && m.getVendorIdentifier().toLong() == ImpinjExtensions.VENDOR
                    && m.getMessageSubtype().intValue() == ImpinjExtensions.ENABLE_EXTENSIONS) {
                impinjExtensions = true;
                reply(SimMessages.impinjEnableExtensionsResponse(), id);
            } else {
                error(id, StatusCode.M_UnsupportedMessage, "CUSTOM_MESSAGE vendor " + m.getVendorIdentifier()
                        + " subtype " + m.getMessageSubtype() + " is not supported");
            }
        } else if (msg instanceof SET_READER_CONFIG m) {
            if (m.getResetToFactoryDefault() != null && m.getResetToFactoryDefault().toBoolean()) {
                reader.roSpecs.clear();
                reader.accessSpecs.clear();
                reader.defaultSelector = SimulatedReader.Selector.DEFAULT;
                reader.keepaliveMs = 0;
            }
            if (m.getKeepaliveSpec() != null) {
                boolean periodic = m.getKeepaliveSpec().getKeepaliveTriggerType().intValue() == 1;
                reader.keepaliveMs = periodic ? m.getKeepaliveSpec().getPeriodicTriggerValue().toLong() : 0;
            }
            if (m.getROReportSpec() != null) {
                reader.defaultSelector = selector(m.getROReportSpec(), reader.defaultSelector);
                reader.defaultReportEveryTags = m.getROReportSpec().getN().intValue();
            }
            SET_READER_CONFIG_RESPONSE r = new SET_READER_CONFIG_RESPONSE();
            r.setLLRPStatus(SimMessages.success());
            reply(r, id);
        } else if (msg instanceof ADD_ROSPEC m) {
            ADD_ROSPEC_RESPONSE r = new ADD_ROSPEC_RESPONSE();
            r.setLLRPStatus(addRoSpec(m.getROSpec()));
            reply(r, id);
        } else if (msg instanceof DELETE_ROSPEC m) {
            DELETE_ROSPEC_RESPONSE r = new DELETE_ROSPEC_RESPONSE();
            long spec = m.getROSpecID().toLong();
            if (spec == 0) {
                reader.roSpecs.clear();
                r.setLLRPStatus(SimMessages.success());
            } else {
                r.setLLRPStatus(reader.roSpecs.remove(spec) != null ? SimMessages.success() : unknownSpec("ROSpec", spec));
            }
            reply(r, id);
        } else if (msg instanceof ENABLE_ROSPEC m) {
            ENABLE_ROSPEC_RESPONSE r = new ENABLE_ROSPEC_RESPONSE();
            r.setLLRPStatus(roSpecTransition(m.getROSpecID().toLong(), -1, 1));
            reply(r, id);
        } else if (msg instanceof START_ROSPEC m) {
            START_ROSPEC_RESPONSE r = new START_ROSPEC_RESPONSE();
            r.setLLRPStatus(roSpecTransition(m.getROSpecID().toLong(), 1, 2));
            reply(r, id);
        } else if (msg instanceof STOP_ROSPEC m) {
            STOP_ROSPEC_RESPONSE r = new STOP_ROSPEC_RESPONSE();
            r.setLLRPStatus(roSpecTransition(m.getROSpecID().toLong(), 2, 1));
            reply(r, id);
        } else if (msg instanceof DISABLE_ROSPEC m) {
            DISABLE_ROSPEC_RESPONSE r = new DISABLE_ROSPEC_RESPONSE();
            r.setLLRPStatus(roSpecTransition(m.getROSpecID().toLong(), -1, 0));
            reply(r, id);
        } else if (msg instanceof ADD_ACCESSSPEC m) {
            ADD_ACCESSSPEC_RESPONSE r = new ADD_ACCESSSPEC_RESPONSE();
            long spec = m.getAccessSpec().getAccessSpecID().toLong();
            if (spec == 0 || reader.accessSpecs.containsKey(spec)) {
                r.setLLRPStatus(SimMessages.status(StatusCode.A_Invalid, "AccessSpecID " + spec + " is zero or in use"));
            } else {
                reader.accessSpecs.put(spec, new SimulatedReader.AccessSpec(spec, tidOpSpecId(m)));
                r.setLLRPStatus(SimMessages.success());
            }
            reply(r, id);
        } else if (msg instanceof ENABLE_ACCESSSPEC m) {
            ENABLE_ACCESSSPEC_RESPONSE r = new ENABLE_ACCESSSPEC_RESPONSE();
            r.setLLRPStatus(accessSpecEnabled(m.getAccessSpecID().toLong(), true));
            reply(r, id);
        } else if (msg instanceof DISABLE_ACCESSSPEC m) {
            DISABLE_ACCESSSPEC_RESPONSE r = new DISABLE_ACCESSSPEC_RESPONSE();
            r.setLLRPStatus(accessSpecEnabled(m.getAccessSpecID().toLong(), false));
            reply(r, id);
        } else if (msg instanceof DELETE_ACCESSSPEC m) {
            DELETE_ACCESSSPEC_RESPONSE r = new DELETE_ACCESSSPEC_RESPONSE();
            long spec = m.getAccessSpecID().toLong();
            if (spec == 0) {
                reader.accessSpecs.clear();
                r.setLLRPStatus(SimMessages.success());
            } else {
                r.setLLRPStatus(reader.accessSpecs.remove(spec) != null ? SimMessages.success() : unknownSpec("AccessSpec", spec));
            }
            reply(r, id);
        } else if (msg instanceof KEEPALIVE_ACK) {
            unacked.set(0);
        } else if (msg instanceof CLOSE_CONNECTION) {
            // §13.1.6: the reader answers, then closes.
            CLOSE_CONNECTION_RESPONSE r = new CLOSE_CONNECTION_RESPONSE();
            r.setLLRPStatus(SimMessages.success());
            reply(r, id);
            return false;
        } else {
            error(id, StatusCode.M_UnsupportedMessage, "message " + msg.getName() + " is not supported by the simulator");
        }
        return true;
    }

    private LLRPStatus addRoSpec(ROSpec spec) {
        long specId = spec.getROSpecID().toLong();
        if (specId == 0 || reader.roSpecs.containsKey(specId)) {
            return SimMessages.status(StatusCode.A_Invalid, "ROSpecID " + specId + " is zero or in use");
        }
        boolean immediate = spec.getROBoundarySpec().getROSpecStartTrigger().getROSpecStartTriggerType().intValue() == 1;
        long every = 1000;
        if (spec.getSpecParameterList() != null) {
            for (SpecParameter p : spec.getSpecParameterList()) {
                if (p instanceof AISpec ai && ai.getAISpecStopTrigger().getAISpecStopTriggerType().intValue() == 1) {
                    every = Math.max(1, ai.getAISpecStopTrigger().getDurationTrigger().toLong());
                    break;
                }
            }
        }
        ROReportSpec rs = spec.getROReportSpec();
        int n = rs != null ? rs.getN().intValue() : reader.defaultReportEveryTags;
        SimulatedReader.Selector sel = rs != null ? selector(rs, reader.defaultSelector) : reader.defaultSelector;
        reader.roSpecs.put(specId, new SimulatedReader.RoSpec(specId, immediate, every, n, sel));
        return SimMessages.success();
    }

    /** Moves a ROSpec between Disabled(0), Inactive(1) and Active(2) as §10.2.1 allows. */
    private LLRPStatus roSpecTransition(long specId, int requiredState, int newState) {
        List<SimulatedReader.RoSpec> targets = specId == 0 ? List.copyOf(reader.roSpecs.values())
                : reader.roSpecs.containsKey(specId) ? List.of(reader.roSpecs.get(specId)) : List.of();
        if (targets.isEmpty() && specId != 0) {
            return unknownSpec("ROSpec", specId);
        }
        for (SimulatedReader.RoSpec r : targets) {
            if (requiredState >= 0 && r.state != requiredState) {
                if (specId != 0) {
                    return SimMessages.status(StatusCode.A_Invalid, "ROSpec " + specId + " is in state " + r.state);
                }
                continue;
            }
            r.state = newState == 1 && r.immediateStart && requiredState < 0 ? 2 : newState;
        }
        return SimMessages.success();
    }

    private LLRPStatus accessSpecEnabled(long specId, boolean enabled) {
        if (specId == 0) {
            reader.accessSpecs.values().forEach(a -> a.enabled = enabled);
            return SimMessages.success();
        }
        SimulatedReader.AccessSpec a = reader.accessSpecs.get(specId);
        if (a == null) {
            return unknownSpec("AccessSpec", specId);
        }
        a.enabled = enabled;
        return SimMessages.success();
    }

    private static int tidOpSpecId(ADD_ACCESSSPEC m) {
        if (m.getAccessSpec().getAccessCommand() == null || m.getAccessSpec().getAccessCommand().getAccessCommandOpSpecList() == null) {
            return -1;
        }
        for (AccessCommandOpSpec op : m.getAccessSpec().getAccessCommand().getAccessCommandOpSpecList()) {
            if (op instanceof C1G2Read read && read.getMB().intValue() == 2) {
                return read.getOpSpecID().intValue();
            }
        }
        return -1;
    }

    private SimulatedReader.Selector selector(ROReportSpec rs, SimulatedReader.Selector fallback) {
        TagReportContentSelector s = rs.getTagReportContentSelector();
        if (s == null) {
            return fallback;
        }
        byte[] impinj = impinjSelector(rs);
        return new SimulatedReader.Selector(on(s.getEnableAntennaID()), on(s.getEnableChannelIndex()),
                on(s.getEnablePeakRSSI()), on(s.getEnableFirstSeenTimestamp()), on(s.getEnableLastSeenTimestamp()),
                on(s.getEnableTagSeenCount()),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_PEAK_RSSI),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_RF_PHASE_ANGLE),
                ImpinjExtensions.enables(impinj, ImpinjExtensions.ENABLE_RF_DOPPLER_FREQUENCY));
    }

    /** The data of an ImpinjTagReportContentSelector, honoured only after IMPINJ_ENABLE_EXTENSIONS, as on a real reader. */
    private byte[] impinjSelector(ROReportSpec rs) {
        if (!impinjExtensions || rs.getCustomList() == null) {
            return new byte[0];
        }
        for (Custom c : rs.getCustomList()) {
            if (c.getVendorIdentifier().toLong() == ImpinjExtensions.VENDOR
                    && c.getParameterSubtype().toLong() == ImpinjExtensions.TAG_REPORT_CONTENT_SELECTOR) {
                // Re-encode and skip the 12-byte Custom header: BytesToEnd_HEX.toString() sign-extends bytes >= 0x80.
                byte[] all = c.encodeBinary().toByteArray();
                return java.util.Arrays.copyOfRange(all, 12, all.length);
            }
        }
        return new byte[0];
    }

    private static boolean on(Bit b) {
        return b != null && b.toBoolean();
    }

    private static LLRPStatus unknownSpec(String what, long id) {
        return SimMessages.status(StatusCode.A_Invalid, what + " " + id + " does not exist");
    }

    private void error(long id, int code, String text) {
        log.debug("[sim {}] ERROR_MESSAGE {}: {}", reader.id, code, text);
        ERROR_MESSAGE e = new ERROR_MESSAGE();
        e.setLLRPStatus(SimMessages.status(code, text));
        reply(e, id);
    }

    private void reply(LLRPMessage m, long id) {
        sendRaw(SimMessages.encode(m, id));
    }

    void sendKeepalive() {
        if (unacked.incrementAndGet() > MAX_UNACKED_KEEPALIVES) {
            log.info("[sim {}] client stopped answering keepalives: closing", reader.id);
            abort();
            return;
        }
        sendRaw(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, ids.getAndIncrement()));
    }

    void sendReport(List<SimMessages.Observation> batch, SimulatedReader.Selector sel, int tidOpSpecId) {
        byte[] frame;
        try {
            frame = reader.options.omitUnchanged()
                    ? SimMessages.encode(SimMessages.report(batch, sel, tidOpSpecId, reader.options, carry), ids.getAndIncrement())
                    : reports.encode(batch, sel, tidOpSpecId, reader.options.epcBits(), ids.getAndIncrement());
        } catch (RuntimeException e) {
            log.warn("[sim {}] dropping a report of {} reads that cannot be encoded: {}", reader.id, batch.size(), e.toString());
            return;
        }
        sendRaw(frame);
    }

    void sendRaw(byte[] frame) {
        if (closed) {
            return;
        }
        try {
            synchronized (out) {
                LlrpFrames.write(out, frame);
            }
        } catch (IOException e) {
            log.debug("[sim {}] send failed: {}", reader.id, e.toString());
            abort();
        }
    }

    void abort() {
        closed = true;
        SimulatedReader.closeQuietly(socket);
        reader.connectionEnded(this);
    }
}
