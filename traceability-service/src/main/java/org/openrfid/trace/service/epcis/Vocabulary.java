package org.openrfid.trace.service.epcis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.openrfid.trace.identity.EpcInput;

/** Normal forms used for storing and matching EPCIS values. */
public final class Vocabulary {

    private Vocabulary() {
    }

    static final String CBV = "https://ref.gs1.org/cbv/";
    /** Locations that are not SGLNs are named by this URI prefix plus the URL-encoded location id. */
    public static final String LOCATION_URI = "urn:openrfid:location:";

    public static String bizStep(String value) {
        return cbv(value, "BizStep-", "urn:epcglobal:cbv:bizstep:");
    }

    public static String disposition(String value) {
        return cbv(value, "Disp-", "urn:epcglobal:cbv:disp:");
    }

    private static String cbv(String value, String webPrefix, String urnPrefix) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.startsWith(urnPrefix)) {
            return CBV + webPrefix + v.substring(urnPrefix.length());
        }
        if (v.startsWith("cbv:")) {
            return CBV + v.substring(4);
        }
        return v.contains(":") ? v : CBV + webPrefix + v.toLowerCase(Locale.ROOT);
    }

    /** A read point or business location id as stored: GS1 keys as canonical Digital Links. */
    public static String location(String id) {
        return id == null || id.isBlank() ? null : DigitalLinks.normalise(id.strip());
    }

    /** The EPCIS location URI of a registry location: its SGLN if it is one, else a location URI. */
    public static String locationUri(String locationId) {
        if (locationId.startsWith("urn:epc:id:sgln:")) {
            return locationId;
        }
        return LOCATION_URI + URLEncoder.encode(locationId, StandardCharsets.UTF_8);
    }

    /**
     * An EPC parameter in any accepted form (EPC URN, Digital Link, tag URI, hex) as a canonical Digital
     * Link; other URIs unchanged.
     */
    public static String epc(String value) {
        String v = value.strip();
        String dl = DigitalLinks.toDigitalLink(v);
        if (dl != null) {
            return dl;
        }
        try {
            String pure = EpcInput.pureIdentity(v);
            String viaPure = DigitalLinks.toDigitalLink(pure);
            return viaPure != null ? viaPure : pure;
        } catch (RuntimeException e) {
            return v;
        }
    }
}
