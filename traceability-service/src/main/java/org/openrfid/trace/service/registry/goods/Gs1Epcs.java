package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.reader.RawEpc;

/** The GS1 keys an EPC carries, to check an object file's EPC column against its key columns. */
public final class Gs1Epcs {

    private static final String SGTIN = "urn:epc:id:sgtin:";
    private static final String SSCC = "urn:epc:id:sscc:";

    private Gs1Epcs() {
    }

    /** The pure-identity URI of the EPC, or null when it has none. */
    public static String uri(String epcHex) {
        try {
            return EpcInput.pureIdentity(epcHex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Refuses an EPC that is not the SGTIN of this GTIN-14 and serial. */
    public static void checkSgtin(RawEpc epc, String gtin14, String serial) {
        String uri = uri(epc.toHex());
        if (uri == null || !uri.startsWith(SGTIN)) {
            throw new IllegalArgumentException("EPC " + epc.toHex() + " is not an SGTIN" + (uri == null ? "" : " (" + uri + ")"));
        }
        String[] p = uri.substring(SGTIN.length()).split("\\.", 3);
        String body = p.length != 3 || p[1].isEmpty() ? "" : p[1].charAt(0) + p[0] + p[1].substring(1);
        if (p.length != 3 || !body.equals(gtin14.substring(0, 13)) || !p[2].equals(serial)) {
            throw new IllegalArgumentException("EPC " + uri + " is not GTIN " + gtin14 + " serial " + serial);
        }
    }

    /** Refuses an EPC that is not the SSCC given. */
    public static void checkSscc(RawEpc epc, String sscc) {
        String found = sscc(epc);
        if (!found.equals(sscc)) {
            throw new IllegalArgumentException("EPC " + epc.toHex() + " is SSCC " + found + ", not " + sscc);
        }
    }

    /** The SSCC (18 digits) of an SSCC EPC. */
    public static String sscc(RawEpc epc) {
        String uri = uri(epc.toHex());
        if (uri == null || !uri.startsWith(SSCC)) {
            throw new IllegalArgumentException("EPC " + epc.toHex() + " is not an SSCC" + (uri == null ? "" : " (" + uri + ")"));
        }
        String[] p = uri.substring(SSCC.length()).split("\\.", 2);
        String body = p[1].charAt(0) + p[0] + p[1].substring(1);
        return body + checkDigit(body);
    }

    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
