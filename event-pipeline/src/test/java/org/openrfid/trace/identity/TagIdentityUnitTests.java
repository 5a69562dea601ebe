package org.openrfid.trace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openrfid.trace.reader.RawEpc;

/**
 * {@link TagIdentity} was a record; it now builds its strings on first use. It must still behave as the record
 * did: value equality over all components, a consistent hash, the record's {@code toString}, and the same strings
 * whichever thread asks first.
 */
class TagIdentityUnitTests {

    /** Numeric (sgtin, sscc, sgln, grai incl. empty asset type, giai-96, gsrn, gdti, cpi-96, sgcn, gid), string and raw forms. */
    @ParameterizedTest
    @ValueSource(strings = {
        "3074257BF7194E4000001A85", "30204ED9496334000000006E", "33403C3C3C3C3C3F0000FFFF",
        "36403C3C3C3C3E50A750A552B5AB172F74EDEDF00000000000", "350007AB70425D4000000586",
        "3B0E0CF5E76C9047759AD00373DC7602E7200", "F7012345", "00000000"})
    void decodedIdentityEqualsTheRecordOfItsValues(String hex) {
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex(hex));
        TagIdentity copy = new TagIdentity(id.scheme(), id.filter(), id.tagUri(), id.pureIdentityUri(),
                id.gs1ElementString(), id.digitalLink(), new LinkedHashMap<>(id.fields()), id.epc());
        TagIdentity fresh = EpcDecoder.decode(RawEpc.ofHex(hex));
        assertThat(fresh).isEqualTo(id).isEqualTo(copy).hasSameHashCodeAs(copy).hasSameHashCodeAs(id);
        assertThat(copy).isEqualTo(fresh);
        assertThat(EpcDecoder.decode(RawEpc.ofHex(hex)).toString()).isEqualTo(copy.toString());
        assertThat(id.isEpc()).isEqualTo(copy.isEpc());
    }

    @Test
    void everyNumericSchemeMatchesTheRecordOfItsValues() {
        for (String uri : List.of("urn:epc:tag:sscc-96:2.0614141.1234567890", "urn:epc:tag:sgln-96:1.0614141.12345.0",
                "urn:epc:tag:sgln-96:1.0614141.12345.400", "urn:epc:tag:giai-96:3.0614141.4611686018427",
                "urn:epc:tag:gsrn-96:0.0614141.0000123456", "urn:epc:tag:gsrnp-96:0.0614141.0000123456",
                "urn:epc:tag:gdti-96:0.0614141.12345.400", "urn:epc:tag:cpi-96:0.0614141.123456.12345",
                "urn:epc:tag:sgcn-96:0.0614141.12345.0041", "urn:epc:tag:gid-96:31415.271828.1414")) {
            TagIdentity id = EpcDecoder.decode(EpcEncoder.encode(uri));
            assertThat(id.tagUri()).isEqualTo(uri);
            TagIdentity copy = new TagIdentity(id.scheme(), id.filter(), id.tagUri(), id.pureIdentityUri(),
                    id.gs1ElementString(), id.digitalLink(), id.fields(), id.epc());
            assertThat(EpcDecoder.decode(EpcEncoder.encode(uri))).isEqualTo(copy);
        }
    }

    @Test
    void differentEpcsOrSchemesAreNotEqual() {
        TagIdentity a = EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"));
        TagIdentity b = EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A86"));
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isNotEqualTo(new TagIdentity("other", a.filter(), a.tagUri(), a.pureIdentityUri(),
                a.gs1ElementString(), a.digitalLink(), a.fields(), a.epc()));
        assertThat(a).isNotEqualTo(new TagIdentity(a.scheme(), a.filter(), a.tagUri(), a.pureIdentityUri(),
                null, a.digitalLink(), a.fields(), a.epc()));
        // word-padded SGTIN-198 (208 bits): same strings, different epc
        RawEpc exact = EpcEncoder.encode("urn:epc:tag:sgtin-198:2.0614141.812345.ABC");
        TagIdentity c = EpcDecoder.decode(exact);
        TagIdentity padded = EpcDecoder.decode(new RawEpc(java.util.Arrays.copyOf(exact.bytes(), 26), 208));
        assertThat(padded.tagUri()).isEqualTo(c.tagUri());
        assertThat(padded).isNotEqualTo(c);
    }

    @Test
    void toStringIsTheRecordForm() {
        assertThat(EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85")).toString()).isEqualTo(
                "TagIdentity[scheme=sgtin-96, filter=3, tagUri=urn:epc:tag:sgtin-96:3.0614141.812345.6789,"
                + " pureIdentityUri=urn:epc:id:sgtin:0614141.812345.6789, gs1ElementString=(01)80614141123458(21)6789,"
                + " digitalLink=https://id.gs1.org/01/80614141123458/21/6789, fields={companyPrefix=0614141,"
                + " itemReference=812345, serial=6789, gtin=80614141123458}, epc=3074257BF7194E4000001A85]");
    }

    @Test
    void stringsAreBuiltOnceAndNullWhereThereIsNoKey() {
        TagIdentity id = EpcDecoder.decode(RawEpc.ofHex("3074257BF7194E4000001A85"));
        assertThat(id.tagUri()).isSameAs(id.tagUri());
        assertThat(id.digitalLink()).isSameAs(id.digitalLink());
        assertThat(id.fields()).isSameAs(id.fields());
        TagIdentity gid = EpcDecoder.decode(RawEpc.ofHex("350007AB70425D4000000586"));
        assertThat(gid.filter()).isNull();
        assertThat(gid.gs1ElementString()).isNull();
        assertThat(gid.digitalLink()).isNull();
        assertThat(gid.isEpc()).isTrue();
    }

    /** The string forms written straight from numbers agree with the components in {@code fields}. */
    @Test
    void numericUrisAgreeWithTheFields() {
        for (RawEpc epc : EpcDecodeBenchmark.sample(3_000, new Random(3))) {
            TagIdentity id = EpcDecoder.decode(epc);
            int n = Schemes.byName(id.scheme()).family().components.length;
            String body = String.join(".", new ArrayList<>(id.fields().values()).subList(0, n));
            assertThat(id.pureIdentityUri()).endsWith(":" + body);
            assertThat(id.tagUri()).isEqualTo("urn:epc:tag:" + id.scheme() + ":" + id.filter() + "." + body);
            assertThat(EpcEncoder.encode(id.tagUri())).isEqualTo(epc);
        }
    }

    /** Each string may be built from numbers or from another string built before: the order must not matter. */
    @Test
    void stringsDoNotDependOnTheOrderTheyAreAskedFor() {
        for (RawEpc epc : EpcDecodeBenchmark.sample(300, new Random(9))) {
            TagIdentity tagFirst = EpcDecoder.decode(epc);
            String tag = tagFirst.tagUri();
            TagIdentity pureFirst = EpcDecoder.decode(epc);
            String pure = pureFirst.pureIdentityUri();
            TagIdentity fieldsFirst = EpcDecoder.decode(epc);
            Map<String, String> fields = fieldsFirst.fields();
            TagIdentity linkFirst = EpcDecoder.decode(epc);
            String link = linkFirst.digitalLink();
            for (TagIdentity id : List.of(tagFirst, pureFirst, fieldsFirst, linkFirst)) {
                assertThat(id.tagUri()).isEqualTo(tag);
                assertThat(id.pureIdentityUri()).isEqualTo(pure);
                assertThat(id.fields()).containsExactlyEntriesOf(fields);
                assertThat(id.digitalLink()).isEqualTo(link);
                assertThat(id.gs1ElementString()).isEqualTo(tagFirst.gs1ElementString());
            }
        }
    }

    @Test
    void threadsRacingForTheFirstUseSeeTheSameStrings() throws Exception {
        RawEpc[] epcs = EpcDecodeBenchmark.sample(500, new Random(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (RawEpc epc : epcs) {
                TagIdentity shared = EpcDecoder.decode(epc);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> seen = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    seen.add(pool.submit(() -> {
                        start.await();
                        return shared.digitalLink() + shared.tagUri() + shared.fields() + shared.pureIdentityUri();
                    }));
                }
                start.countDown();
                TagIdentity alone = EpcDecoder.decode(epc);
                String expected = alone.digitalLink() + alone.tagUri() + alone.fields() + alone.pureIdentityUri();
                for (Future<String> f : seen) {
                    assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
