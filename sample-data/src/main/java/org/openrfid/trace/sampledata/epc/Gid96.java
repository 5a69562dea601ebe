package org.openrfid.trace.sampledata.epc;

/** GID-96 (TDS 1.13 section 14.5.7): header 0x35, general manager 28 bits, object class 24, serial 36. */
public record Gid96(long generalManager, long objectClass, long serial) {
    public String hex() {
        return new BitString().append(0x35, 8).append(generalManager, 28).append(objectClass, 24)
                .append(serial, 36).toHex();
    }

    public String pureIdentityUri() {
        return "urn:epc:id:gid:" + generalManager + "." + objectClass + "." + serial;
    }
}
