package org.openrfid.trace.web.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.analytics.Period;
import org.openrfid.trace.service.analytics.TravelTimes.Bin;

/** The page's own bucketing and formatting: histogram merge and p99, durations, heat colours, CSV, aligned periods. */
class ChartHelpersUnitTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void fineBinsMergeIntoRoundBinsKeepingEveryJourneyAndTheEmptyBinsBetween() {
        List<Bin> fine = List.of(new Bin(61, 62, 2), new Bin(89, 90, 1), new Bin(90, 91, 0), new Bin(150, 151, 4));

        List<Bin> merged = Histogram.merge(fine, 30);

        assertThat(merged).containsExactly(new Bin(60, 90, 3), new Bin(90, 120, 0), new Bin(120, 150, 0), new Bin(150, 180, 4));
        assertThat(merged.stream().mapToLong(Bin::count).sum()).isEqualTo(7);
        assertThat(Histogram.merge(List.of(), 30)).isEmpty();
    }

    @Test
    void p99IsTheNearestRankValueWithinHalfAFineBin() {
        // 100 journeys: 98 at 60 s, one at 120 s, one at 300 s; the 99th value is 120 s
        List<Bin> fine = List.of(new Bin(60, 61, 98), new Bin(120, 121, 1), new Bin(300, 301, 1));

        assertThat(Histogram.percentile(fine, 0.99)).isEqualTo(120.5);
        assertThat(Histogram.percentile(fine, 0.5)).isEqualTo(60.5);
        assertThat(Histogram.percentile(fine, 1.0)).isEqualTo(300.5);
        assertThat(Histogram.percentile(List.of(new Bin(0, 1, 0)), 0.99)).isNull();
    }

    @Test
    void theFineWidthStaysWithinTheServicesBinLimit() {
        assertThat(Histogram.fineWidthSeconds(7200, 10_000)).isEqualTo(1);
        assertThat(Histogram.fineWidthSeconds(21_600, 10_000)).isEqualTo(3);
        assertThat(21_600 / Histogram.fineWidthSeconds(21_600, 10_000) + 1).isLessThanOrEqualTo(10_000);
    }

    @Test
    void durationsReadAsAClock() {
        assertThat(Durations.clock(0.0)).isEqualTo("0:00");
        assertThat(Durations.clock(75.4)).isEqualTo("1:15");
        assertThat(Durations.clock(59.6)).isEqualTo("1:00");
        assertThat(Durations.clock(3725.0)).isEqualTo("1:02:05");
        assertThat(Durations.clock(null)).isEqualTo("–");
    }

    @Test
    void heatCellsDarkenWithTripsAndKeepTheirTextReadable() {
        assertThat(HeatScale.fill(0, 10)).isEqualTo("#ffffff");
        assertThat(HeatScale.fill(10, 10)).isEqualTo("#08306b");
        assertThat(HeatScale.ink(10, 10)).isEqualTo("#ffffff");
        assertThat(HeatScale.ink(1, 100)).isEqualTo("#1b1f24");
        // square root: a quarter of the maximum is half way
        assertThat(HeatScale.level(25, 100)).isEqualTo(0.5);
        assertThat(HeatScale.level(3, 0)).isZero();
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() {
        assertThat(Csv.line(List.of("a", 3, 2.5, 4.0))).isEqualTo("a,3,2.500,4\r\n");
        assertThat(Csv.field("朝天门, Chaotianmen")).isEqualTo("\"朝天门, Chaotianmen\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(Csv.field(-3)).isEqualTo("-3");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void periodsEndOnTheNextIntervalBoundaryInTheConsolesZone() {
        Instant now = Instant.parse("2026-12-05T17:47:10Z"); // 01:47:10 on the 6th in Shanghai

        Period hourly = ChartPeriod.aligned(now, Duration.ofHours(24), Duration.ofHours(1), SHANGHAI);
        assertThat(hourly).isEqualTo(new Period(Instant.parse("2026-12-04T18:00:00Z"), Instant.parse("2026-12-05T18:00:00Z")));
        assertThat(ChartPeriod.starts(hourly, Duration.ofHours(1))).hasSize(24);

        Period quarters = ChartPeriod.aligned(now, Duration.ofHours(1), Duration.ofMinutes(15), SHANGHAI);
        assertThat(quarters.to()).isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));
        assertThat(ChartPeriod.starts(quarters, Duration.ofMinutes(15))).hasSize(4);

        // days begin at midnight in Shanghai (16:00 UTC)
        Period daily = ChartPeriod.aligned(now, Duration.ofDays(7), Duration.ofDays(1), SHANGHAI);
        assertThat(daily.to()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(ChartPeriod.starts(daily, Duration.ofDays(1))).hasSize(7);

        // a boundary is the end of the period it closes
        Instant boundary = Instant.parse("2026-12-05T17:45:00Z");
        assertThat(ChartPeriod.aligned(boundary, Duration.ofHours(1), Duration.ofMinutes(15), SHANGHAI).to()).isEqualTo(boundary);
        assertThat(ChartPeriod.aligned(boundary.plusMillis(1), Duration.ofHours(1), Duration.ofMinutes(15), SHANGHAI).to())
                .isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));

        // an hour of day bars is one day
        assertThat(ChartPeriod.aligned(now, Duration.ofHours(1), Duration.ofDays(1), SHANGHAI).length()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void onlyTheOfferedChoicesAreTakenAndTheMessageNamesTheField() {
        assertThatThrownBy(() -> ChartPeriod.span("P90D")).hasMessageStartingWith("period:");
        assertThatThrownBy(() -> ChartPeriod.interval("PT1S")).hasMessageStartingWith("interval:");
        AnalyticsForm form = new AnalyticsForm("od-matrix", null, null, null, "CAT", null, null, null, "PT7M", null, null, null, null);
        assertThatThrownBy(form::checkedKind).hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> form.duration("tripGap", form.tripGap(), AnalyticsForm.TRIP_GAPS)).hasMessageStartingWith("tripGap:");
    }

    @Test
    void aDownloadAsksTheChartsOwnQuestion() {
        AnalyticsForm flows = new AnalyticsForm("flows", "PT6H", "PT15M", List.of("CQ-CP-001", " ", "CQ-CP-002"), "VEHICLE", "X", null,
                null, null, null, null, null, null);
        assertThat(flows.href("/analytics/flows.csv"))
                .isEqualTo("/analytics/flows.csv?period=PT6H&interval=PT15M&location=CQ-CP-001&location=CQ-CP-002&kind=VEHICLE");
        AnalyticsForm companions = new AnalyticsForm("companions", null, null, null, null, null, null, null, null, "渝A·12345", "case 7", null, null);
        assertThat(companions.href("/analytics/companions.csv")).startsWith("/analytics/companions.csv?period=PT24H&plate=")
                .contains("purpose=case%207").contains("delta=PT5M");
        assertThat(AnalyticsForm.of("nonsense").chart()).isEqualTo("flows");
        assertThat(AnalyticsForm.of(null).chart()).isEqualTo("flows");
        // a download answers the period the page showed, not a later one
        Instant shown = Instant.parse("2026-12-05T10:00:00Z");
        AnalyticsForm od = AnalyticsForm.of("od-matrix").at(shown);
        assertThat(od.href("/analytics/od-matrix.csv")).isEqualTo("/analytics/od-matrix.csv?period=PT24H&tripGap=PT30M&end=2026-12-05T10:00:00Z");
        assertThat(od.periodAt(Instant.EPOCH, SHANGHAI)).isEqualTo(new Period(shown.minus(Duration.ofHours(24)), shown));
        Instant now = Instant.parse("2026-12-05T10:07:30.250Z");
        assertThat(AnalyticsForm.of("od-matrix").periodAt(now, SHANGHAI).to()).isEqualTo(Instant.parse("2026-12-05T10:07:31Z"));
        assertThat(AnalyticsForm.of("flows").periodAt(now, SHANGHAI).to()).as("flows end with the current hour")
                .isEqualTo(Instant.parse("2026-12-05T11:00:00Z"));
        assertThat(AnalyticsForm.of("dwell").period()).isEqualTo("PT1H");
    }
}
