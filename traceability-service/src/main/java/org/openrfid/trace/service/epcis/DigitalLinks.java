package org.openrfid.trace.service.epcis;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises identifiers in EPCIS events for the CBV 2.0 event hash: EPC pure-identity URIs, EPC class
 * and EPC pattern URIs and GS1 Digital Link URIs on any domain become the constrained canonical GS1
 * Digital Link URI on {@code https://id.gs1.org} (lowest identification level, no query string, no CPV).
 * Anything else is returned unchanged by {@link #normalise(String)}.
 */
public final class DigitalLinks {

    private DigitalLinks() {
    }

    static final String DL = "https://id.gs1.org/";

    /** EPC URN characters allowed in serials (TDS GS1 AI encodable character set 82, URN escaped). */
    private static final String XC = "(?:%[0-9A-Fa-f]{2}|[!')(*+,.0-9:;=A-Za-z_-])";

    private static final Pattern SGTIN = Pattern.compile("urn:epc:id:sgtin:(\\d{6,12})\\.(\\d{1,7})\\.(" + XC + "{1,20})");
    private static final Pattern SSCC = Pattern.compile("urn:epc:id:sscc:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern SGLN = Pattern.compile("urn:epc:id:sgln:(\\d{6,12})\\.(\\d{0,6})\\.(" + XC + "{1,20})");
    private static final Pattern GRAI = Pattern.compile("urn:epc:id:grai:(\\d{6,12})\\.(\\d{0,6})\\.(" + XC + "{1,16})");
    private static final Pattern GIAI = Pattern.compile("urn:epc:id:giai:(\\d{6,12})\\.(" + XC + "{1,24})");
    private static final Pattern GSRN = Pattern.compile("urn:epc:id:gsrn:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern GSRNP = Pattern.compile("urn:epc:id:gsrnp:(\\d{6,12})\\.(\\d{5,11})");
    private static final Pattern GDTI = Pattern.compile("urn:epc:id:gdti:(\\d{6,12})\\.(\\d{0,6})\\.(" + XC + "{0,17})");
    private static final Pattern CPI = Pattern.compile("urn:epc:id:cpi:(\\d{6,12})\\.((?:%2[3dfDF]|[0-9A-Z-])+)\\.(\\d{1,12})");
    private static final Pattern SGCN = Pattern.compile("urn:epc:id:sgcn:(\\d{6,12})\\.(\\d{0,6})\\.(\\d{1,12})");
    private static final Pattern GINC = Pattern.compile("urn:epc:id:ginc:(\\d{6,12})\\.(" + XC + "{1,24})");
    private static final Pattern GSIN = Pattern.compile("urn:epc:id:gsin:(\\d{6,12})\\.(\\d{4,10})");
    private static final Pattern ITIP = Pattern.compile("urn:epc:id:itip:(\\d{6,12})\\.(\\d{1,7})\\.(\\d{2})\\.(\\d{2})\\.(" + XC + "{1,20})");
    private static final Pattern UPUI = Pattern.compile("urn:epc:id:upui:(\\d{6,12})\\.(\\d{1,7})\\.(" + XC + "{1,28})");
    private static final Pattern PGLN = Pattern.compile("urn:epc:id:pgln:(\\d{6,12})\\.(\\d{0,6})");
    private static final Pattern LGTIN = Pattern.compile("urn:epc:class:lgtin:(\\d{6,12})\\.(\\d{1,7})\\.(" + XC + "{1,20})");
    private static final Pattern PAT_SGTIN = Pattern.compile("urn:epc:idpat:(sgtin|upui):(\\d{6,12})\\.(\\d{1,7})\\.\\*");
    private static final Pattern PAT_ITIP = Pattern.compile("urn:epc:idpat:itip:(\\d{6,12})\\.(\\d{1,7})\\.(\\d{2})\\.(\\d{2})\\.\\*");
    private static final Pattern PAT_GLN12 = Pattern.compile("urn:epc:idpat:(grai|gdti|sgcn):(\\d{6,12})\\.(\\d{0,6})\\.\\*");
    private static final Pattern PAT_CPI = Pattern.compile("urn:epc:idpat:cpi:(\\d{6,12})\\.((?:%2[3dfDF]|[0-9A-Z-])+)\\.\\*");

    private static final Pattern WEB = Pattern.compile(
            "https?://[^/?#]*(?:/[^?#]*)?/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc"
                    + "|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)/(\\d{4}[^/?#]+)((?:/[^/?#]+/[^/?#]+)*)/?(?:\\?[^#]*)?(?:#.*)?");
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(Map.entry("gtin", "01"), Map.entry("itip", "8006"),
            Map.entry("cpid", "8010"), Map.entry("gln", "414"), Map.entry("party", "417"), Map.entry("gsrnp", "8017"),
            Map.entry("gsrn", "8018"), Map.entry("gcn", "255"), Map.entry("sscc", "00"), Map.entry("gdti", "253"),
            Map.entry("ginc", "401"), Map.entry("gsin", "402"), Map.entry("grai", "8003"), Map.entry("giai", "8004"),
            Map.entry("cpv", "22"), Map.entry("lot", "10"), Map.entry("ser", "21"));

    private static final String DLC = "[\\x22\\x27\\x2D\\x2E\\x30-\\x39\\x3B-\\x3F\\x41-\\x5A\\x5F\\x61-\\x7A%]";
    private static final Pattern VALID_DL = Pattern.compile("https://id\\.gs1\\.org/(?:00/\\d{18}|01/\\d{14}(?:/(?:21|10)/" + DLC
            + "{0,20}|/235/" + DLC + "{0,28})?|253/\\d{13}" + DLC + "{0,17}|255/\\d{13}\\d{0,12}|401/" + DLC + "{0,30}|402/\\d{17}"
            + "|414/\\d{13}(?:/254/" + DLC + "{0,20})?|417/\\d{13}|8003/\\d{14}" + DLC + "{0,16}|8004/" + DLC + "{0,30}"
            + "|8006/\\d{18}(?:/(?:21|10)/" + DLC + "{0,20})?|8010/[#\\-/0-9A-Z%]{0,30}(?:/8011/\\d{0,12})?|8017/\\d{18}|8018/\\d{18})");

    /** The canonical Digital Link of a GS1 identifier URI, or the input unchanged when it is none. */
    public static String normalise(String uri) {
        String dl = toDigitalLink(uri);
        return dl != null ? dl : uri;
    }

    /** The canonical Digital Link of a GS1 identifier URI, or null. */
    public static String toDigitalLink(String uri) {
        if (uri == null) {
            return null;
        }
        if (uri.startsWith("urn:epc:")) {
            return fromUrn(uri);
        }
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return fromWeb(uri);
        }
        return null;
    }

    private static String fromUrn(String uri) {
        Matcher m;
        if ((m = SGTIN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 13) {
            return DL + "01/" + gtin(m.group(1), m.group(2)) + "/21/" + escape(m.group(3));
        }
        if ((m = SSCC.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 17) {
            return DL + "00/" + check(m.group(2).charAt(0) + m.group(1) + m.group(2).substring(1));
        }
        if ((m = SGLN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 12) {
            String gln = check(m.group(1) + m.group(2));
            return "0".equals(m.group(3)) ? DL + "414/" + gln : DL + "414/" + gln + "/254/" + escape(m.group(3));
        }
        if ((m = GRAI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 12) {
            return DL + "8003/" + check("0" + m.group(1) + m.group(2)) + escape(m.group(3));
        }
        if ((m = GIAI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
            return DL + "8004/" + m.group(1) + escape(m.group(2));
        }
        if ((m = GSRN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 17) {
            return DL + "8018/" + check(m.group(1) + m.group(2));
        }
        if ((m = GSRNP.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 17) {
            return DL + "8017/" + check(m.group(1) + m.group(2));
        }
        if ((m = GDTI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 12) {
            return DL + "253/" + check(m.group(1) + m.group(2)) + escape(m.group(3));
        }
        if ((m = CPI.matcher(uri)).matches()) {
            return DL + "8010/" + escape(m.group(1) + m.group(2)) + "/8011/" + m.group(3);
        }
        if ((m = SGCN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 12) {
            return DL + "255/" + check(m.group(1) + m.group(2)) + m.group(3);
        }
        if ((m = GINC.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() <= 30) {
            return DL + "401/" + m.group(1) + escape(m.group(2));
        }
        if ((m = GSIN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 16) {
            return DL + "402/" + check(m.group(1) + m.group(2));
        }
        if ((m = ITIP.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 13) {
            return DL + "8006/" + gtin(m.group(1), m.group(2)) + m.group(3) + m.group(4) + "/21/" + escape(m.group(5));
        }
        if ((m = UPUI.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 13) {
            return DL + "01/" + gtin(m.group(1), m.group(2)) + "/235/" + escape(m.group(3));
        }
        if ((m = PGLN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 12) {
            return DL + "417/" + check(m.group(1) + m.group(2));
        }
        if ((m = LGTIN.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 13) {
            return DL + "01/" + gtin(m.group(1), m.group(2)) + "/10/" + escape(m.group(3));
        }
        if ((m = PAT_SGTIN.matcher(uri)).matches() && m.group(2).length() + m.group(3).length() == 13) {
            return DL + "01/" + gtin(m.group(2), m.group(3));
        }
        if ((m = PAT_ITIP.matcher(uri)).matches() && m.group(1).length() + m.group(2).length() == 13) {
            return DL + "8006/" + gtin(m.group(1), m.group(2)) + m.group(3) + m.group(4);
        }
        if ((m = PAT_GLN12.matcher(uri)).matches() && m.group(2).length() + m.group(3).length() == 12) {
            String key = check(m.group(2) + m.group(3));
            return switch (m.group(1)) {
                case "grai" -> DL + "8003/" + check("0" + m.group(2) + m.group(3));
                case "gdti" -> DL + "253/" + key;
                default -> DL + "255/" + key;
            };
        }
        if ((m = PAT_CPI.matcher(uri)).matches()) {
            return DL + "8010/" + escape(m.group(1) + m.group(2));
        }
        return null;
    }

    private static String fromWeb(String uri) {
        Matcher m = WEB.matcher(uri);
        if (!m.matches()) {
            return null;
        }
        String key = SHORT_NAMES.getOrDefault(m.group(1), m.group(1));
        String value = m.group(2);
        String rest = m.group(3);
        if ("01".equals(key) && value.matches("\\d{8}|\\d{12}|\\d{13}")) {
            value = "0".repeat(14 - value.length()) + value;
        }
        StringBuilder out = new StringBuilder(DL).append(key).append('/').append(value);
        // key qualifiers: drop CPV, keep only the lowest level (serial wins over lot)
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        String serial = null;
        String lot = null;
        String other = null;
        for (int i = 0; i + 1 < parts.length; i += 2) {
            String ai = SHORT_NAMES.getOrDefault(parts[i], parts[i]);
            switch (ai) {
                case "22" -> { }
                case "21" -> serial = parts[i + 1];
                case "10" -> lot = parts[i + 1];
                default -> other = other == null ? "/" + ai + "/" + parts[i + 1] : other + "/" + ai + "/" + parts[i + 1];
            }
        }
        if (serial != null) {
            out.append("/21/").append(serial);
        } else if (lot != null) {
            out.append("/10/").append(lot);
        }
        if (other != null) {
            out.append(other);
        }
        String result = out.toString();
        return VALID_DL.matcher(result).matches() ? result : null;
    }

    /** GTIN-14 from company prefix and indicator + item reference, with its check digit. */
    private static String gtin(String companyPrefix, String indicatorAndItem) {
        return check(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1));
    }

    /** Appends the GS1 mod-10 check digit. */
    static String check(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? 3 * d : d;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** Percent-encodes what an EPC URN leaves literal but a Digital Link path segment must not. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '!' -> b.append("%21");
                case '(' -> b.append("%28");
                case ')' -> b.append("%29");
                case '*' -> b.append("%2A");
                case '+' -> b.append("%2B");
                case ',' -> b.append("%2C");
                case ':' -> b.append("%3A");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
