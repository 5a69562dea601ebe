package org.openrfid.trace.reader.simulator;

import org.llrp.ltk.generated.enumerations.AirProtocols;
import org.llrp.ltk.generated.enumerations.AirProtocolsArray;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.parameters.GPIOCapabilities;
import org.llrp.ltk.generated.parameters.GeneralDeviceCapabilities;
import org.llrp.ltk.generated.parameters.PerAntennaAirProtocol;
import org.llrp.ltk.generated.parameters.ReceiveSensitivityTableEntry;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.SignedShort;
import org.llrp.ltk.types.UTF8String_UTF_8;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedShort;
import org.openrfid.trace.reader.llrp.ImpinjExtensions;

/** GET_READER_CAPABILITIES (§9.1.1): the general device capabilities, whatever was asked for. */
final class GetReaderCapabilitiesHandler implements MessageHandler {

    @Override
    public void handle(ClientRequest request) {
        ReaderIdentity reader = request.reader();
        GeneralDeviceCapabilities g = new GeneralDeviceCapabilities();
        g.setMaxNumberOfAntennaSupported(new UnsignedShort(reader.antennaCount()));
        g.setCanSetAntennaProperties(new Bit(false));
        g.setHasUTCClockCapability(new Bit(true));
        // DeviceManufacturerName is the IANA enterprise number; a generic reader says 0 (none).
        g.setDeviceManufacturerName(new UnsignedInteger(reader.impinj() ? ImpinjExtensions.VENDOR : 0));
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
        for (int a = 1; a <= reader.antennaCount(); a++) {
            PerAntennaAirProtocol pap = new PerAntennaAirProtocol();
            pap.setAntennaID(new UnsignedShort(a));
            AirProtocolsArray protocols = new AirProtocolsArray();
            protocols.add(new AirProtocols(AirProtocols.EPCGlobalClass1Gen2));
            pap.setProtocolID(protocols);
            g.addToPerAntennaAirProtocolList(pap);
        }
        GET_READER_CAPABILITIES_RESPONSE r = new GET_READER_CAPABILITIES_RESPONSE();
        r.setLLRPStatus(SimMessages.success());
        r.setGeneralDeviceCapabilities(g);
        request.reply(r);
    }
}
