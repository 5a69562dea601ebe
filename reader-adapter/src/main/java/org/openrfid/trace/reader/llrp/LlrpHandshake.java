package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.types.LLRPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a fresh link to the point where reports flow (§1.5 of our STANDARDS notes): the reader's
 * ConnectionAttemptEvent first (§13.2.6.11: nothing may be sent before it), its capabilities, Impinj
 * extensions when it is an Impinj reader, reader config with keepalive, a clean ROSpec/AccessSpec
 * slate, our ROSpec and the optional TID AccessSpec, then enable and start. Any refusal fails the link.
 */
final class LlrpHandshake {

    private static final Logger log = LoggerFactory.getLogger(LlrpHandshake.class);

    /** What the reader told us that the session logs. */
    record Outcome(int antennas, boolean impinj) {
    }

    private final LlrpReaderConfig config;
    private final LlrpChannel channel;

    LlrpHandshake(LlrpReaderConfig config, LlrpChannel channel) {
        this.config = config;
        this.channel = channel;
    }

    /** @param greeted whether the ConnectionAttemptEvent was read already (a reader-initiated link) */
    Outcome run(boolean greeted) throws IOException, LlrpDecodeException {
        if (!greeted) {
            awaitConnectionAttempt();
        }
        LLRPMessage caps = channel.transact(ClientMessages.getReaderCapabilities(), LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE);
        int antennas = antennaCount(caps);
        boolean impinj = vendor(caps) == ImpinjExtensions.VENDOR && enableImpinjExtensions();
        channel.transact(ClientMessages.setReaderConfig(config, impinj), LlrpMessageType.SET_READER_CONFIG_RESPONSE);
        channel.transact(ClientMessages.deleteRoSpec(0), LlrpMessageType.DELETE_ROSPEC_RESPONSE);
        channel.transact(ClientMessages.deleteAccessSpec(0), LlrpMessageType.DELETE_ACCESSSPEC_RESPONSE);
        channel.transact(ClientMessages.addRoSpec(config, antennas, impinj), LlrpMessageType.ADD_ROSPEC_RESPONSE);
        if (config.readTid()) {
            channel.transact(ClientMessages.addTidAccessSpec(), LlrpMessageType.ADD_ACCESSSPEC_RESPONSE);
            channel.transact(ClientMessages.enableAccessSpec(), LlrpMessageType.ENABLE_ACCESSSPEC_RESPONSE);
        }
        channel.transact(ClientMessages.enableRoSpec(), LlrpMessageType.ENABLE_ROSPEC_RESPONSE);
        channel.transact(ClientMessages.startRoSpec(), LlrpMessageType.START_ROSPEC_RESPONSE);
        return new Outcome(antennas, impinj);
    }

    private void awaitConnectionAttempt() throws IOException {
        byte[] frame = channel.readDuringSetUp();
        if (LlrpFrames.type(frame) != LlrpMessageType.READER_EVENT_NOTIFICATION) {
            throw new IOException("expected READER_EVENT_NOTIFICATION first, got message type " + LlrpFrames.type(frame));
        }
        ReaderEventNotificationData data = ((READER_EVENT_NOTIFICATION) ClientMessages.decode(frame)).getReaderEventNotificationData();
        ConnectionAttemptEvent event = data == null ? null : data.getConnectionAttemptEvent();
        if (event == null) {
            throw new IOException("first READER_EVENT_NOTIFICATION has no ConnectionAttemptEvent");
        }
        if (event.getStatus().intValue() != 0) {
            throw new IOException("reader refused the connection: " + event.getStatus());
        }
    }

    /**
     * IMPINJ_ENABLE_EXTENSIONS (CUSTOM_MESSAGE subtype 21) must precede any Impinj parameter. A reader
     * that answers with an error (an Impinj-branded reader without Octane extensions) is driven as a
     * plain LLRP reader rather than failing the session.
     */
    private boolean enableImpinjExtensions() throws IOException, LlrpDecodeException {
        byte[] answer = channel.request(ImpinjExtensions.enableExtensions(), "IMPINJ_ENABLE_EXTENSIONS", LlrpMessageType.CUSTOM_MESSAGE);
        if (LlrpFrames.type(answer) == LlrpMessageType.ERROR_MESSAGE) {
            log.warn("[{}] reader answered IMPINJ_ENABLE_EXTENSIONS with ERROR_MESSAGE: using plain LLRP", config.id());
            return false;
        }
        boolean ok = extensionsEnabled(answer);
        if (!ok) {
            log.warn("[{}] reader refused IMPINJ_ENABLE_EXTENSIONS: using plain LLRP", config.id());
        }
        return ok;
    }

    /** IMPINJ_ENABLE_EXTENSIONS_RESPONSE: u32 vendor, u8 subtype 22, then LLRPStatus. */
    private static boolean extensionsEnabled(byte[] answer) {
        int subtype = LlrpFrames.HEADER_LENGTH + 4;
        LlrpStatus status = LlrpStatus.at(answer, subtype + 1);
        return status != null && (answer[subtype] & 0xFF) == ImpinjExtensions.ENABLE_EXTENSIONS_RESPONSE && status.isSuccess();
    }

    private static long vendor(LLRPMessage caps) {
        if (caps instanceof GET_READER_CAPABILITIES_RESPONSE r && r.getGeneralDeviceCapabilities() != null
                && r.getGeneralDeviceCapabilities().getDeviceManufacturerName() != null) {
            return r.getGeneralDeviceCapabilities().getDeviceManufacturerName().toLong();
        }
        return -1;
    }

    private static int antennaCount(LLRPMessage caps) {
        if (caps instanceof GET_READER_CAPABILITIES_RESPONSE r && r.getGeneralDeviceCapabilities() != null
                && r.getGeneralDeviceCapabilities().getMaxNumberOfAntennaSupported() != null) {
            return r.getGeneralDeviceCapabilities().getMaxNumberOfAntennaSupported().intValue();
        }
        return 0;
    }
}
