package org.openrfid.trace.identity;

import java.util.OptionalInt;

/**
 * Knows where the GS1 Company Prefix ends in a GS1 key. A Digital Link URI or element string does not say
 * this, but the EPC pure identity needs it (GS1 EPC TDS 1.13 section 7: the split is by company prefix
 * length, which GS1 publishes as its "GCP length table"). {@link EpcInput} asks the implementations found
 * with {@link java.util.ServiceLoader} (file {@code META-INF/services/org.openrfid.trace.identity.CompanyPrefixLengths})
 * when no length is passed explicitly.
 */
public interface CompanyPrefixLengths {

    /**
     * @param primaryAi the GS1 application identifier of the key, e.g. {@code 01}, {@code 00}, {@code 8004}
     * @param key the key's value as in the element string, e.g. a GTIN-14
     * @return the number of digits of the company prefix (6 to 12), or empty when unknown
     */
    OptionalInt lengthOf(String primaryAi, String key);
}
