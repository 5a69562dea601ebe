package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.llrp.ltk.generated.enumerations.C1G2ReadResultType;
import org.llrp.ltk.generated.messages.RO_ACCESS_REPORT;
import org.llrp.ltk.generated.parameters.AntennaID;
import org.llrp.ltk.generated.parameters.C1G2ReadOpSpecResult;
import org.llrp.ltk.generated.parameters.ChannelIndex;
import org.llrp.ltk.generated.parameters.Custom;
import org.llrp.ltk.generated.parameters.EPCData;
import org.llrp.ltk.generated.parameters.EPC_96;
import org.llrp.ltk.generated.parameters.FirstSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.LastSeenTimestampUTC;
import org.llrp.ltk.generated.parameters.PeakRSSI;
import org.llrp.ltk.generated.parameters.TagReportData;
import org.llrp.ltk.generated.parameters.TagSeenCount;
import org.llrp.ltk.types.Bit;
import org.llrp.ltk.types.BitArray_HEX;
import org.llrp.ltk.types.BytesToEnd_HEX;
import org.llrp.ltk.types.Integer96_HEX;
import org.llrp.ltk.types.SignedByte;
import org.llrp.ltk.types.UnsignedInteger;
import org.llrp.ltk.types.UnsignedLong_DATETIME;
import org.llrp.ltk.types.UnsignedShort;
import org.llrp.ltk.types.UnsignedShortArray_HEX;
import org.openrfid.trace.reader.TagRead;

/** Our RO_ACCESS_REPORT decoder against ltkjava on public vectors and random reports, plus malformed input. */
class RoAccessReportDecoderUnitTests {

    private static final long RECEIVED = 1_700_000_000_000_000L;

    @Test
    void matchesLtkjavaOnEveryPublicReport() throws Exception {
        Path dir = SharedData.llrpDir();
        List<byte[]> frames = new ArrayList<>();
        frames.add(Files.readAllBytes(dir.resolve("ltkjava-test-resources/RO_ACCESS_REPORT.bin")));
        try (Stream<Path> golden = Files.list(dir.resolve("ltk-golden"))) {
            for (Path p : golden.filter(p -> p.toString().endsWith(".bin")).sorted().toList()) {
                frames.addAll(reportsIn(Files.readAllBytes(p)));
            }
        }
        try (Stream<Path> edgex = Files.list(dir.resolve("edgex-testdata/roAccessReports"))) {
            for (Path p : edgex.filter(p -> p.toString().endsWith(".bytes")).sorted().toList()) {
                frames.add(withHeader(61, Files.readAllBytes(p), 7));
            }
        }
        int tags = 0;
        for (byte[] frame : frames) {
            List<TagRead> ours = new RoAccessReportDecoder().decode(frame, "r", RECEIVED);
            assertThat(ours).isEqualTo(LtkjavaReference.decode(frame, "r", RECEIVED));
            tags += ours.size();
        }
        assertThat(frames.size()).isGreaterThanOrEqualTo(1 + 24 + 9);
        assertThat(tags).isGreaterThan(30);
    }

    @Test
    void matchesLtkjavaOnRandomReports() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] frame = randomReport(random, 1 + random.nextInt(8)).encodeBinary();
            List<TagRead> expected = LtkjavaReference.decode(frame, "r", RECEIVED);
            List<TagRead> ours = new RoAccessReportDecoder().decode(frame, "r", RECEIVED);
            assertThat(ours).hasSameSizeAs(expected);
            for (int k = 0; k < ours.size(); k++) {
                assertThat(ours.get(k)).as("report %d tag %d", i, k).isEqualTo(expected.get(k));
            }
        }
    }

    @Test
    void carriesEnabledFieldsOverFromTheLastReport() throws Exception {
        RO_ACCESS_REPORT full = new RO_ACCESS_REPORT();
        TagReportData a = tag96("3034257BF7194E4000001A85");
        a.setAntennaID(antenna(3));
        PeakRSSI rssi = new PeakRSSI();
        rssi.setPeakRSSI(new SignedByte(-61));
        a.setPeakRSSI(rssi);
        full.addToTagReportDataList(a);
        RO_ACCESS_REPORT sparse = new RO_ACCESS_REPORT();
        sparse.addToTagReportDataList(tag96("3034257BF7194E4000001A86"));

        RoAccessReportDecoder carrying = new RoAccessReportDecoder(
                EnumSet.of(RoAccessReportDecoder.CarriedField.ANTENNA_ID, RoAccessReportDecoder.CarriedField.PEAK_RSSI), 1, 2);
        carrying.decode(full.encodeBinary(), "r", RECEIVED);
        TagRead carried = carrying.decode(sparse.encodeBinary(), "r", RECEIVED).get(0);
        assertThat(carried.antenna()).isEqualTo(3);
        assertThat(carried.peakRssiCdbm()).isEqualTo(-6100);

        carrying.reset();
        TagRead afterReset = carrying.decode(sparse.encodeBinary(), "r", RECEIVED).get(0);
        assertThat(afterReset.antenna()).isZero();
        assertThat(afterReset.hasRssi()).isFalse();
        assertThat(afterReset.firstSeenMicros()).isEqualTo(RECEIVED);
    }

    @Test
    void impinjPeakRssiAndPhaseAreUsed() throws Exception {
        RO_ACCESS_REPORT r = new RO_ACCESS_REPORT();
        TagReportData t = tag96("3034257BF7194E4000001A85");
        t.addToCustomList(custom(25882, 57, "ED98")); // -4712 = -47.12 dBm
        t.addToCustomList(custom(25882, 56, "0800")); // 2048 = 180 degrees
        t.addToCustomList(custom(9999, 57, "0001")); // another vendor: ignored
        r.addToTagReportDataList(t);
        TagRead read = new RoAccessReportDecoder().decode(r.encodeBinary(), "r", RECEIVED).get(0);
        assertThat(read.peakRssiCdbm()).isEqualTo(-4712);
        assertThat(read.phase()).isEqualTo(2048);
    }

    @Test
    void malformedReportsAreRejected() throws Exception {
        RO_ACCESS_REPORT r = new RO_ACCESS_REPORT();
        r.addToTagReportDataList(tag96("3034257BF7194E4000001A85"));
        byte[] good = r.encodeBinary();
        RoAccessReportDecoder d = new RoAccessReportDecoder();
        assertThat(d.decode(good, "r", RECEIVED)).hasSize(1);

        byte[] truncatedTlv = good.clone();
        truncatedTlv[13] = (byte) 0xF0;
        assertThatThrownBy(() -> d.decode(truncatedTlv, "r", RECEIVED)).isInstanceOf(LlrpDecodeException.class);

        byte[] unknownTv = good.clone();
        unknownTv[14] = (byte) 0xFF;
        assertThatThrownBy(() -> d.decode(unknownTv, "r", RECEIVED)).isInstanceOf(LlrpDecodeException.class)
                .hasMessageContaining("unknown TV");

        byte[] wrongLength = good.clone();
        wrongLength[5]++;
        assertThatThrownBy(() -> d.decode(wrongLength, "r", RECEIVED)).isInstanceOf(LlrpDecodeException.class);

        byte[] noEpc = withHeader(61, new byte[] {0x00, (byte) 0xF0, 0x00, 0x07, (byte) 0x81, 0x00, 0x01}, 1);
        assertThatThrownBy(() -> d.decode(noEpc, "r", RECEIVED)).hasMessageContaining("without EPCData");

        byte[] bigEpc = withHeader(61, new byte[] {0x00, (byte) 0xF0, 0x00, 0x0A, 0x00, (byte) 0xF1, 0x00, 0x06, (byte) 0xFF, (byte) 0xFF}, 1);
        assertThatThrownBy(() -> d.decode(bigEpc, "r", RECEIVED)).hasMessageContaining("does not fit");
    }

    @Test
    void randomBytesNeverHangOrThrowUnchecked() {
        Random random = new Random(7);
        RoAccessReportDecoder d = new RoAccessReportDecoder();
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            if (random.nextBoolean() && body.length >= 4) {
                body[0] = 0;
                body[1] = (byte) 0xF0;
                body[2] = 0;
                body[3] = (byte) body.length;
            }
            byte[] frame = withHeader(61, body, i);
            try {
                d.decode(frame, "r", RECEIVED);
            } catch (LlrpDecodeException expected) {
                // rejecting is fine; anything else fails the test
            }
        }
    }

    static RO_ACCESS_REPORT randomReport(Random random, int tags) {
        RO_ACCESS_REPORT r = new RO_ACCESS_REPORT();
        for (int i = 0; i < tags; i++) {
            TagReportData t = new TagReportData();
            int bits = random.nextInt(4) == 0 ? 96 : 1 + random.nextInt(496);
            StringBuilder hex = new StringBuilder();
            for (int k = 0; k < 24; k++) {
                hex.append(Integer.toHexString(random.nextInt(16)).toUpperCase());
            }
            if (bits == 96 && random.nextBoolean()) {
                EPC_96 e = new EPC_96();
                e.setEPC(new Integer96_HEX(hex.toString()));
                t.setEPCParameter(e);
            } else {
                Bit[] b = new Bit[bits];
                for (int k = 0; k < bits; k++) {
                    b[k] = new Bit(random.nextBoolean());
                }
                EPCData e = new EPCData();
                e.setEPC(new BitArray_HEX(b));
                t.setEPCParameter(e);
            }
            if (random.nextBoolean()) {
                t.setAntennaID(antenna(1 + random.nextInt(32)));
            }
            if (random.nextBoolean()) {
                PeakRSSI p = new PeakRSSI();
                p.setPeakRSSI(new SignedByte(-128 + random.nextInt(256)));
                t.setPeakRSSI(p);
            }
            if (random.nextBoolean()) {
                ChannelIndex c = new ChannelIndex();
                c.setChannelIndex(new UnsignedShort(random.nextInt(65536)));
                t.setChannelIndex(c);
            }
            long when = 1_600_000_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);
            if (random.nextBoolean()) {
                FirstSeenTimestampUTC f = new FirstSeenTimestampUTC();
                f.setMicroseconds(new UnsignedLong_DATETIME(when));
                t.setFirstSeenTimestampUTC(f);
            }
            if (random.nextBoolean()) {
                LastSeenTimestampUTC l = new LastSeenTimestampUTC();
                l.setMicroseconds(new UnsignedLong_DATETIME(when + random.nextInt(1_000_000)));
                t.setLastSeenTimestampUTC(l);
            }
            if (random.nextBoolean()) {
                TagSeenCount c = new TagSeenCount();
                c.setTagCount(new UnsignedShort(random.nextInt(65536)));
                t.setTagSeenCount(c);
            }
            if (random.nextBoolean()) {
                C1G2ReadOpSpecResult res = new C1G2ReadOpSpecResult();
                res.setResult(new C1G2ReadResultType(random.nextInt(4) == 0 ? 1 : 0));
                res.setOpSpecID(new UnsignedShort(1 + random.nextInt(3)));
                short[] words = new short[random.nextInt(8)];
                for (int k = 0; k < words.length; k++) {
                    words[k] = (short) random.nextInt(65536);
                }
                res.setReadData(new UnsignedShortArray_HEX(words));
                t.addToAccessCommandOpSpecResultList(res);
            }
            if (random.nextBoolean()) {
                t.addToCustomList(custom(random.nextBoolean() ? 25882 : 11, 55 + random.nextInt(4),
                        String.format("%04X", random.nextInt(65536))));
            }
            r.addToTagReportDataList(t);
        }
        return r;
    }

    static TagReportData tag96(String hex) {
        TagReportData t = new TagReportData();
        EPC_96 e = new EPC_96();
        e.setEPC(new Integer96_HEX(hex));
        t.setEPCParameter(e);
        return t;
    }

    static AntennaID antenna(int a) {
        AntennaID id = new AntennaID();
        id.setAntennaID(new UnsignedShort(a));
        return id;
    }

    static Custom custom(long vendor, long subtype, String dataHex) {
        Custom c = new Custom();
        c.setVendorIdentifier(new UnsignedInteger(vendor));
        c.setParameterSubtype(new UnsignedInteger(subtype));
        c.setData(new BytesToEnd_HEX(dataHex));
        return c;
    }

    /** EdgeX vectors are message bodies: prepend (1<<10)|type, 10+len, id. */
    static byte[] withHeader(int type, byte[] body, int id) {
        return ByteBuffer.allocate(10 + body.length).putShort((short) ((1 << 10) | type)).putInt(10 + body.length)
                .putInt(id).put(body).array();
    }

    /** Splits a concatenated-frames file and keeps the RO_ACCESS_REPORTs. */
    static List<byte[]> reportsIn(byte[] stream) throws Exception {
        List<byte[]> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        for (byte[] f = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME); f != null; f = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME)) {
            if (LlrpFrames.type(f) == LlrpMessageType.RO_ACCESS_REPORT) {
                out.add(f);
            }
        }
        return out;
    }
}
