package org.openrfid.trace.sampledata.generator;

import java.util.List;
import org.openrfid.trace.sampledata.csv.AsciiRowWriter;
import org.openrfid.trace.sampledata.csv.Csv;

/** Layouts of the generated files: scenario reads, passages (ground truth) and anomaly labels. */
public final class ScenarioCsv {
    public static final List<String> SCENARIO = List.of("offset_ms", "reader", "antenna", "epc", "tid", "rssi_dbm");
    public static final List<String> PASSAGES = List.of("epc", "location", "first_seen_offset_ms", "last_seen_offset_ms", "reads", "peak_rssi_dbm");
    public static final List<String> ANOMALIES = List.of("offset_ms", "kind", "epc", "location", "detail");

    private ScenarioCsv() {
    }

    public static void header(AsciiRowWriter out, List<String> header) {
        header.forEach(out::text);
        out.endRow();
    }

    public static void read(AsciiRowWriter out, Read read) {
        out.number(read.offsetMs()).text(read.reader()).number(read.antenna()).text(read.epc()).text(read.tid())
                .tenths(read.rssiTenths()).endRow();
    }

    public static void passage(AsciiRowWriter out, PassageSummary p) {
        out.text(p.epc()).text(p.location()).number(p.firstSeenMs()).number(p.lastSeenMs()).number(p.reads())
                .tenths(p.peakRssiTenths()).endRow();
    }

    /** Anomaly details are plain ASCII written by this module, so escaping is enough. */
    public static void anomaly(AsciiRowWriter out, Anomaly a) {
        out.number(a.offsetMs()).text(a.kind()).text(a.epc()).text(a.location()).text(Csv.escape(a.detail())).endRow();
    }
}
