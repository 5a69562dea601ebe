package org.openrfid.trace.identity;

/**
 * EPC pure-identity namespaces of GS1 EPC TDS 1.13 section 6.3 ({@code urn:epc:id:<name>:...}) with the
 * field names used in {@link TagIdentity#fields()}, in URI component order.
 */
enum Family {
    SGTIN("sgtin", "gtin", "companyPrefix", "itemReference", "serial"),
    SSCC("sscc", "sscc", "companyPrefix", "serialReference"),
    SGLN("sgln", "gln", "companyPrefix", "locationReference", "extension"),
    GRAI("grai", "grai", "companyPrefix", "assetType", "serial"),
    GIAI("giai", "giai", "companyPrefix", "individualAssetReference"),
    GSRN("gsrn", "gsrn", "companyPrefix", "serviceReference"),
    GSRNP("gsrnp", "gsrnp", "companyPrefix", "serviceReference"),
    GDTI("gdti", "gdti", "companyPrefix", "documentType", "serial"),
    CPI("cpi", "cpi", "companyPrefix", "componentPartReference", "serial"),
    SGCN("sgcn", "sgcn", "companyPrefix", "couponReference", "serial"),
    ITIP("itip", "itip", "companyPrefix", "itemReference", "piece", "total", "serial"),
    /** Party GLN (TDS 1.13 section 6.3.17): a pure identity without a binary encoding. */
    PGLN("pgln", "pgln", "companyPrefix", "partyReference"),
    GID("gid", null, "generalManagerNumber", "objectClass", "serial"),
    USDOD("usdod", null, "cageOrDodaac", "serial"),
    ADI("adi", null, "cageOrDodaac", "partNumber", "serial");

    final String urnName;
    /** Field name of the GS1 key, or null for the non-GS1 namespaces. */
    final String keyName;
    final String[] components;
    /** The components followed by the key name: the keys of {@link TagIdentity#fields()}. */
    final String[] fieldNames;

    Family(String urnName, String keyName, String... components) {
        this.urnName = urnName;
        this.keyName = keyName;
        this.components = components;
        this.fieldNames = java.util.Arrays.copyOf(components, components.length + 1);
        this.fieldNames[components.length] = keyName;
    }

    static Family byUrnName(String name) {
        for (Family f : values()) {
            if (f.urnName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
