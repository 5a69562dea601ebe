package org.openrfid.trace.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The evidence maps of the rules, as a person reads them: what is compared, the key facts, times in the console's zone. */
class EvidenceViewUnitTests {

    private static final Instant AT = Instant.parse("2026-12-03T06:03:27Z");
    private final ConsoleZone zone = new ConsoleZone(ZoneId.of("Asia/Shanghai"));
    private final DisplayNames names = Mockito.mock(DisplayNames.class);
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    EvidenceViewUnitTests() {
        messages.setBasenames("i18n/alerts", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Mockito.when(names.locationName("CQ-CP-004")).thenReturn("黄花园大桥 Huanghuayuan Bridge");
    }

    @Test
    void aTidMismatchComparesTheRegisteredAndTheReadTid() {
        EvidenceView view = view(AlertType.CLONE_TID_MISMATCH, Map.of("passageId", "p1", "firstSeen", AT.toString(), "reader", "rdr-1",
                "tidRead", "E28011602000E9C39B2CF003", "tidRegistered", "E2801160200030AF564C8FFA"), Locale.ENGLISH);

        EvidenceView.Comparison c = view.comparison().orElseThrow();
        assertThat(List.of(c.leftLabelKey(), c.left(), c.rightLabelKey(), c.right()))
                .containsExactly("alerts.cmp.tidRegistered", "E2801160200030AF564C8FFA", "alerts.cmp.tidRead", "E28011602000E9C39B2CF003");
        assertThat(view.facts()).extracting(Fact::text).contains("2026-12-03 14:03:27", "rdr-1");
        assertThat(view.places()).extracting(EvidenceView.Place::name).containsExactly("黄花园大桥 Huanghuayuan Bridge");
    }

    @Test
    void aPlateSeenWithoutItsTagComparesTheCameraPlateWithAnUnreadEPlate() {
        Map<String, Object> camera = new LinkedHashMap<>();
        camera.put("camera", "cam-7");
        camera.put("plate", "渝A12345");
        camera.put("confidence", 0.93);
        camera.put("time", AT.toString());
        EvidenceView view = view(AlertType.PLATE_WITHOUT_TAG, Map.of("cameraRead", camera, "window", "PT30S",
                "readerLastSeen", AT.toString(), "passages", List.of()), Locale.SIMPLIFIED_CHINESE);

        EvidenceView.Comparison c = view.comparison().orElseThrow();
        assertThat(c.left()).isEqualTo("渝A12345");
        assertThat(c.rightKey()).isEqualTo("alerts.cmp.notRead");
        assertThat(view.facts()).extracting(Fact::text).contains("cam-7", "93 %", "30 s");
        assertThat(view.all()).extracting(EvidenceView.Row::label).contains("视频识别 · 摄像机", "时间窗");
    }

    @Test
    void anImpossibleTripHasTwoPlacesAndASentenceWithDistanceAndSpeedInTheReadersLanguage() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("first", Map.of("locationId", "CQ-CP-003", "location", "东水门长江大桥 Dongshuimen Bridge", "firstSeen", AT.toString()));
        evidence.put("second", Map.of("locationId", "CQ-CP-019", "location", "真武山隧道 Zhenwushan Tunnel", "firstSeen", AT.plusSeconds(30).toString()));
        evidence.put("distanceM", 4200L);
        evidence.put("seconds", 30.0);
        evidence.put("impliedSpeedKmh", 504L);
        evidence.put("topSpeedKmh", 180.0);

        EvidenceView zh = view(AlertType.CLONE_IMPOSSIBLE_TRAVEL, evidence, Locale.SIMPLIFIED_CHINESE);
        EvidenceView en = view(AlertType.CLONE_IMPOSSIBLE_TRAVEL, evidence, Locale.ENGLISH);

        assertThat(zh.places()).extracting(EvidenceView.Place::locationId).containsExactly("CQ-CP-003", "CQ-CP-019");
        assertThat(zh.places().get(1).time()).isEqualTo("2026-12-03 14:03:57");
        assertThat(zh.routeText()).isEqualTo("30 秒内行驶4.2 公里：504 公里/小时，超过合理的180 公里/小时");
        assertThat(en.routeText()).isEqualTo("4.2 km in 30 s: 504 km/h, beyond the plausible 180 km/h");
    }

    private EvidenceView view(AlertType type, Map<String, Object> evidence, Locale locale) {
        Alert a = new Alert(1, type, "rule-1", Severity.HIGH, AlertStatus.OPEN, AT, "CQ-CP-004", ObjectKind.VEHICLE, "v1",
                "3416451DA400000005F5E823", "渝A·Q8162", "summary", evidence, 0, AT, List.of());
        return new EvidenceView(a, zone, names, messages, locale);
    }
}
