package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.enumerations.AISpecStopTriggerType;
import org.llrp.ltk.generated.enumerations.AccessReportTriggerType;
import org.llrp.ltk.generated.enumerations.AccessSpecState;
import org.llrp.ltk.generated.enumerations.AccessSpecStopTriggerType;
import org.llrp.ltk.generated.enumerations.AirProtocols;
import org.llrp.ltk.generated.enumerations.GetReaderCapabilitiesRequestedData;
import org.llrp.ltk.generated.enumerations.GetReaderConfigRequestedData;
import org.llrp.ltk.generated.enumerations.KeepaliveTriggerType;
import org.llrp.ltk.generated.enumerations.NotificationEventType;
import org.llrp.ltk.generated.enumerations.ROReportTriggerType;
import org.llrp.ltk.generated.enumerations.ROSpecStartTriggerType;
import org.llrp.ltk.generated.enumerations.ROSpecState;
import org.llrp.ltk.generated.enumerations.ROSpecStopTriggerType;
import org.llrp.ltk.generated.messages.ADD_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ADD_ROSPEC;
import org.llrp.ltk.generated.messages.CLOSE_CONNECTION;
import org.llrp.ltk.generated.messages.DELETE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.DELETE_ROSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ACCESSSPEC;
import org.llrp.ltk.generated.messages.ENABLE_ROSPEC;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG;
import org.llrp.ltk.generated.messages.SET_READER_CONFIG;
import org.llrp.ltk.generated.messages.START_ROSPEC;
import org.llrp.ltk.generated.parameters.AISpec;
import org.llrp.ltk.generated.parameters.AISpecStopTrigger;
import org.llrp.ltk.generated.parameters.AccessCommand;
import org.llrp.ltk.generated.parameters.AccessReportSpec;
import org.llrp.ltk.generated.parameters.AccessSpec;
import org.llrp.ltk.generated.parameters.AccessSpecStopTrigger;
import org.llrp.ltk.generated.parameters.C1G2Read;
import org.llrp.ltk.generated.parameters.C1G2TagSpec;
import org.llrp.ltk.generated.parameters.C1G2TargetTag;
import org.llrp.ltk.generated.parameters.EventNotificationState;
import org.llrp.ltk.generated.parameters.EventsAndReports;
import org.llrp.ltk.generated.parameters.InventoryParameterSpec;
import org.llrp.ltk.generated.parameters.KeepaliveSpec;
import org.llrp.ltk.generated.parameters.ROBoundarySpec;
import org.llrp.ltk.generated.parameters.ROReportSpec;
import org.llrp.ltk.generated.parameters.ROSpec;
import org.llrp.ltk.generated.parameters.ROSpecStartTrigger;
import org.llrp.ltk.generated.parameters.ROSpecStopTrigger;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationSpec;
import org.llrp.ltk.generated.parameters.TagReportContentSelector;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.BitArray_HEX;
import org.llrp.ltk.types.LLRPMessage;
import org.llrp.ltk.types.TwoBitField;
import org.llrp.ltk.types.UnsignedByte;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedShort;
import org.llrp.ltk.types.UnsignedShortArray;

/** Builds and reads the client's control messages with ltkjava (LLRP 1.0.1 only, so version 1 is implied). */
final class ClientMessages {

    static final int ROSPEC_ID = 1;
    static final int ACCESSSPEC_ID = 1;
    /** TID is 6 words on the serialised-TID chips used on windscreen and item tags (96-bit TID). */
    static final int TID_WORDS = 6;
    /**
     * Most antennas an ROSpec lists one by one. Readers have 1 to 8 ports, 32 or so with antenna hubs;
     * a capabilities answer claiming more is wrong, and listing up to 65535 IDs costs ltkjava quadratic
     * time and memory (gigabytes) and cannot even be encoded past a parameter's u16 length. Above it
     * the ROSpec asks for all antennas (0), as when the reader does not say.
     */
    static final int MAX_LISTED_ANTENNAS = 256;

    private ClientMessages() {
    }

    static byte[] encode(LLRPMessage msg, long id) {
        msg.setMessageID(new UnsignedInteger(id));
        try {
            return msg.encodeBinary();
        } catch (InvalidLLRPMessageException e) {
            throw new IllegalStateException("cannot encode " + msg.getName(), e);
        }
    }

    /** A control message as ltkjava reads it; one it cannot read is a broken link, hence an IOException. */
    static LLRPMessage decode(byte[] frame) throws IOException {
        try {
            return LLRPMessageFactory.createLLRPMessage(frame);
        } catch (InvalidLLRPMessageException | RuntimeException e) {
            throw new IOException("undecodable LLRP message type " + LlrpFrames.type(frame) + ": " + e.getMessage(), e);
        }
    }

    static LLRPMessage getReaderCapabilities() {
        GET_READER_CAPABILITIES m = new GET_READER_CAPABILITIES();
        m.setRequestedData(new GetReaderCapabilitiesRequestedData(GetReaderCapabilitiesRequestedData.All));
        return m;
    }

    /** GET_READER_CONFIG asking only for Identification (RequestedData 1, §13.1.7), for matching dial-in readers. */
    static LLRPMessage getIdentification() {
        GET_READER_CONFIG m = new GET_READER_CONFIG();
        m.setAntennaID(new UnsignedShort(0));
        m.setRequestedData(new GetReaderConfigRequestedData(GetReaderConfigRequestedData.Identification));
        m.setGPIPortNum(new UnsignedShort(0));
        m.setGPOPortNum(new UnsignedShort(0));
        return m;
    }

    static LLRPMessage setReaderConfig(LlrpReaderConfig cfg) {
        return setReaderConfig(cfg, false);
    }

    static LLRPMessage setReaderConfig(LlrpReaderConfig cfg, boolean impinj) {
        SET_READER_CONFIG m = new SET_READER_CONFIG();
        m.setResetToFactoryDefault(new Bit(false));

        ReaderEventNotificationSpec events = new ReaderEventNotificationSpec();
        List<EventNotificationState> states = new ArrayList<>();
        for (int type : new int[] {NotificationEventType.ROSpec_Event, NotificationEventType.Reader_Exception_Event,
                NotificationEventType.Antenna_Event}) {
            EventNotificationState s = new EventNotificationState();
            s.setEventType(new NotificationEventType(type));
            s.setNotificationState(new Bit(true));
            states.add(s);
        }
        events.setEventNotificationStateList(states);
        m.setReaderEventNotificationSpec(events);

        m.setROReportSpec(roReportSpec(cfg, impinj));

        KeepaliveSpec keepalive = new KeepaliveSpec();
        keepalive.setKeepaliveTriggerType(new KeepaliveTriggerType(KeepaliveTriggerType.Periodic));
        keepalive.setPeriodicTriggerValue(new UnsignedInteger(cfg.keepalive().toMillis()));
        m.setKeepaliveSpec(keepalive);

        // We delete and re-add our specs on every connection, so reports held across a reconnect
        // would arrive under a decoder state that no longer matches them (§12.2.6).
        EventsAndReports er = new EventsAndReports();
        er.setHoldEventsAndReportsUponReconnect(new Bit(false));
        m.setEventsAndReports(er);
        return m;
    }

    static ROReportSpec roReportSpec(LlrpReaderConfig cfg) {
        return roReportSpec(cfg, false);
    }

    /** With {@code impinj}, also asks for ImpinjPeakRSSI, RF phase angle and Doppler (see {@link ImpinjExtensions}). */
    static ROReportSpec roReportSpec(LlrpReaderConfig cfg, boolean impinj) {
        ROReportSpec spec = new ROReportSpec();
        spec.setROReportTrigger(new ROReportTriggerType(ROReportTriggerType.Upon_N_Tags_Or_End_Of_AISpec));
        spec.setN(new UnsignedShort(Math.max(0, Math.min(65535, cfg.reportEveryTags()))));
        TagReportContentSelector sel = new TagReportContentSelector();
        sel.setEnableROSpecID(new Bit(false));
        sel.setEnableSpecIndex(new Bit(false));
        sel.setEnableInventoryParameterSpecID(new Bit(false));
        sel.setEnableAntennaID(new Bit(true));
        sel.setEnableChannelIndex(new Bit(true));
        sel.setEnablePeakRSSI(new Bit(true));
        sel.setEnableFirstSeenTimestamp(new Bit(true));
        sel.setEnableLastSeenTimestamp(new Bit(true));
        sel.setEnableTagSeenCount(new Bit(true));
        sel.setEnableAccessSpecID(new Bit(false));
        spec.setTagReportContentSelector(sel);
        if (impinj) {
            spec.addToCustomList(ImpinjExtensions.tagReportContentSelector());
        }
        return spec;
    }

    static LLRPMessage deleteRoSpec(int id) {
        DELETE_ROSPEC m = new DELETE_ROSPEC();
        m.setROSpecID(new UnsignedInteger(id));
        return m;
    }

    static LLRPMessage deleteAccessSpec(int id) {
        DELETE_ACCESSSPEC m = new DELETE_ACCESSSPEC();
        m.setAccessSpecID(new UnsignedInteger(id));
        return m;
    }

    /**
     * One ROSpec, started explicitly (Null start trigger, §10.2.1.1.1), never stopping on its own; one
     * AISpec over the reported antennas whose Duration stop trigger makes the reader report at least
     * every {@code reportEvery} (Upon_N_Tags_Or_End_Of_AISpec), the spec list then repeating.
     */
    static LLRPMessage addRoSpec(LlrpReaderConfig cfg, int antennaCount) {
        return addRoSpec(cfg, antennaCount, false);
    }

    static LLRPMessage addRoSpec(LlrpReaderConfig cfg, int antennaCount, boolean impinj) {
        ROSpec spec = new ROSpec();
        spec.setROSpecID(new UnsignedInteger(ROSPEC_ID));
        spec.setPriority(new UnsignedByte(0));
        spec.setCurrentState(new ROSpecState(ROSpecState.Disabled));

        ROBoundarySpec boundary = new ROBoundarySpec();
        ROSpecStartTrigger start = new ROSpecStartTrigger();
        start.setROSpecStartTriggerType(new ROSpecStartTriggerType(ROSpecStartTriggerType.Null));
        boundary.setROSpecStartTrigger(start);
        ROSpecStopTrigger stop = new ROSpecStopTrigger();
        stop.setROSpecStopTriggerType(new ROSpecStopTriggerType(ROSpecStopTriggerType.Null));
        stop.setDurationTriggerValue(new UnsignedInteger(0));
        boundary.setROSpecStopTrigger(stop);
        spec.setROBoundarySpec(boundary);

        AISpec ai = new AISpec();
        // AntennaID 0 means "all antennas" (§10.2.2): when the reader did not tell us how many it has, or told nonsense.
        int n = Math.max(1, antennaCount);
        UnsignedShortArray antennas = new UnsignedShortArray();
        if (antennaCount <= 0 || antennaCount > MAX_LISTED_ANTENNAS) {
            antennas.add(new UnsignedShort(0));
        } else {
            for (int a = 1; a <= n; a++) {
                antennas.add(new UnsignedShort(a));
            }
        }
        ai.setAntennaIDs(antennas);
        AISpecStopTrigger aiStop = new AISpecStopTrigger();
        aiStop.setAISpecStopTriggerType(new AISpecStopTriggerType(AISpecStopTriggerType.Duration));
        aiStop.setDurationTrigger(new UnsignedInteger(Math.max(1, cfg.reportEvery().toMillis())));
        ai.setAISpecStopTrigger(aiStop);
        InventoryParameterSpec inv = new InventoryParameterSpec();
        inv.setInventoryParameterSpecID(new UnsignedShort(1));
        inv.setProtocolID(new AirProtocols(AirProtocols.EPCGlobalClass1Gen2));
        ai.addToInventoryParameterSpecList(inv);
        spec.addToSpecParameterList(ai);

        spec.setROReportSpec(roReportSpec(cfg, impinj));
        ADD_ROSPEC m = new ADD_ROSPEC();
        m.setROSpec(spec);
        return m;
    }

    static LLRPMessage enableRoSpec() {
        ENABLE_ROSPEC m = new ENABLE_ROSPEC();
        m.setROSpecID(new UnsignedInteger(ROSPEC_ID));
        return m;
    }

    static LLRPMessage startRoSpec() {
        START_ROSPEC m = new START_ROSPEC();
        m.setROSpecID(new UnsignedInteger(ROSPEC_ID));
        return m;
    }

    /**
     * An AccessSpec reading the TID bank (MemoryBank 2) of every singulated tag: the target tag mask is
     * empty, which matches all tags (§15.2.1.3.1.1); results come back inside each TagReportData.
     */
    static LLRPMessage addTidAccessSpec() {
        AccessSpec spec = new AccessSpec();
        spec.setAccessSpecID(new UnsignedInteger(ACCESSSPEC_ID));
        spec.setAntennaID(new UnsignedShort(0));
        spec.setProtocolID(new AirProtocols(AirProtocols.EPCGlobalClass1Gen2));
        spec.setCurrentState(new AccessSpecState(AccessSpecState.Disabled));
        spec.setROSpecID(new UnsignedInteger(ROSPEC_ID));
        AccessSpecStopTrigger stop = new AccessSpecStopTrigger();
        stop.setAccessSpecStopTrigger(new AccessSpecStopTriggerType(AccessSpecStopTriggerType.Null));
        stop.setOperationCountValue(new UnsignedShort(0));
        spec.setAccessSpecStopTrigger(stop);

        AccessCommand cmd = new AccessCommand();
        C1G2TagSpec tagSpec = new C1G2TagSpec();
        C1G2TargetTag target = new C1G2TargetTag();
        target.setMB(twoBits(1));
        target.setMatch(new Bit(true));
        target.setPointer(new UnsignedShort(0));
        target.setTagMask(new BitArray_HEX(""));
        target.setTagData(new BitArray_HEX(""));
        tagSpec.addToC1G2TargetTagList(target);
        cmd.setAirProtocolTagSpec(tagSpec);
        C1G2Read read = new C1G2Read();
        read.setOpSpecID(new UnsignedShort(RoAccessReportDecoder.DEFAULT_TID_OPSPEC_ID));
        read.setAccessPassword(new UnsignedInteger(0));
        read.setMB(twoBits(2));
        read.setWordPointer(new UnsignedShort(0));
        read.setWordCount(new UnsignedShort(TID_WORDS));
        cmd.addToAccessCommandOpSpecList(read);
        spec.setAccessCommand(cmd);

        AccessReportSpec report = new AccessReportSpec();
        report.setAccessReportTrigger(new AccessReportTriggerType(AccessReportTriggerType.Whenever_ROReport_Is_Generated));
        spec.setAccessReportSpec(report);
        ADD_ACCESSSPEC m = new ADD_ACCESSSPEC();
        m.setAccessSpec(spec);
        return m;
    }

    static LLRPMessage enableAccessSpec() {
        ENABLE_ACCESSSPEC m = new ENABLE_ACCESSSPEC();
        m.setAccessSpecID(new UnsignedInteger(ACCESSSPEC_ID));
        return m;
    }

    static LLRPMessage closeConnection() {
        return new CLOSE_CONNECTION();
    }

    /** Memory bank numbers are two-bit fields, most significant bit first. */
    static TwoBitField twoBits(int value) {
        TwoBitField f = new TwoBitField();
        if ((value & 2) != 0) {
            f.set(0);
        }
        if ((value & 1) != 0) {
            f.set(1);
        }
        return f;
    }
}
