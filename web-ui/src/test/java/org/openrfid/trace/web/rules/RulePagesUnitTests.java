package org.openrfid.trace.web.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;

/** The rule form's reading and checks, and a stored rule's parameters as people read them. */
class RulePagesUnitTests {

    private static final Set<String> PLACES = Set.of("CQ-CP-001", "CQ-CP-002");

    @Test
    void aNightRuleForDangerousGoodsIsStoredAsTheCategoryRuleReadsIt() {
        RuleForm form = category(Map.of("vehicleTypes", List.of("dangerous_goods"), "vehicleTypes.codes", List.of("k11, h1a"),
                "from", List.of("22:00"), "to", List.of("6:00"), "days", List.of("FRI", "SAT"), "debounce", List.of("30")));
        assertThat(form.problems(PLACES)).isEmpty();
        RuleDefinition d = form.toDefinition(null);
        assertThat(d.params()).containsEntry("vehicleTypes", List.of("dangerous_goods", "K11", "H1A")).containsEntry("from", "22:00")
                .containsEntry("to", "06:00").containsEntry("days", List.of("FRI", "SAT")).containsEntry("debounce", "PT30M");
        assertThat(d.locations()).containsExactly("CQ-CP-001");
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);

        RuleForm again = RuleForm.of(d);
        assertThat(again.checked("vehicleTypes", "dangerous_goods")).isTrue();
        assertThat(again.value("vehicleTypes.codes")).isEqualTo("K11, H1A");
        assertThat(again.value("from")).isEqualTo("22:00");
        assertThat(again.value("debounce")).isEqualTo("30");
        assertThat(again.toDefinition(d)).isEqualTo(d);
    }

    @Test
    void hoursWithoutTheirEndNameTheMissingField() {
        Map<String, String> problems = category(Map.of("vehicleTypes", List.of("dangerous_goods"), "from", List.of("22:00"))).problems(PLACES);
        assertThat(problems).containsExactly(Map.entry("to", "rules.problem.hoursPair"));
        assertThat(category(Map.of("vehicleTypes", List.of("coach"), "from", List.of("07:00"), "to", List.of("07:00"))).problems(PLACES))
                .containsExactly(Map.entry("to", "rules.problem.hoursEmpty"));
        assertThat(category(Map.of("vehicleTypes", List.of("coach"), "from", List.of("25:00"), "to", List.of("07:00"))).problems(PLACES))
                .containsEntry("from", "rules.problem.time");
    }

    @Test
    void categoriesCodesNumbersPlacesAndIdAreChecked() {
        assertThat(category(Map.of()).problems(PLACES)).containsEntry("vehicleTypes", "rules.problem.categories");
        assertThat(category(Map.of("vehicleTypes.codes", List.of("tanker"))).problems(PLACES)).containsEntry("vehicleTypes", "rules.problem.code");
        assertThat(category(Map.of("vehicleTypes", List.of("rockets"))).problems(PLACES)).containsEntry("vehicleTypes", "rules.problem.code");
        RuleForm travel = new RuleForm("bad id", AlertType.CLONE_IMPOSSIBLE_TRAVEL, "HIGH", true,
                Map.of("topSpeedKmh", List.of("fast"), "window", List.of("1.5")), List.of("CQ-CP-999"), null, List.of());
        assertThat(travel.problems(PLACES)).containsEntry("id", "rules.problem.id").containsEntry("topSpeedKmh", "rules.problem.number")
                .containsEntry("window", "rules.problem.duration").containsEntry("places", "rules.problem.place");
    }

    @Test
    void editingKeepsWhatTheFormDoesNotOfferAndDropsEmptiedFields() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("excludeLists", List.of("customs_hold"));
        stored.put("severityByList", Map.of("inspection_expired", "LOW"));
        stored.put("debounce", "PT10M");
        RuleDefinition before = new RuleDefinition("watchlist", AlertType.WATCHLIST, true, Severity.CRITICAL, stored, List.of(), null);
        RuleForm form = new RuleForm("watchlist", AlertType.WATCHLIST, "CRITICAL", false,
                Map.of("excludeLists", List.of("customs_hold, inspection_expired"), "debounce", List.of("")), List.of(), null, List.of());
        RuleDefinition after = form.toDefinition(before);
        assertThat(after.enabled()).isFalse();
        assertThat(after.params()).containsEntry("excludeLists", List.of("customs_hold", "inspection_expired"))
                .containsEntry("severityByList", Map.of("inspection_expired", "LOW")).doesNotContainKey("debounce");
    }

    @Test
    void factsNamePlacesHoursCategoriesAndUnits() {
        RuleDefinition night = new RuleDefinition("dg-night", AlertType.CATEGORY_RESTRICTION, true, Severity.HIGH,
                Map.of("vehicleTypes", List.of("dangerous_goods", "K11"), "from", "22:00", "to", "06:00", "debounce", "PT2H"),
                List.of("CQ-CP-001"), null);
        RuleTexts texts = new RuleTexts(id -> id.equals("CQ-CP-001") ? "Chaotianmen Bridge" : id);
        List<RuleTexts.Fact> facts = texts.facts(night);
        assertThat(facts).extracting(RuleTexts.Fact::labelKey)
                .containsExactly("rules.param.vehicleTypes", "rules.param.hours", "rules.param.debounce", "rules.field.places");
        assertThat(facts.get(0).parts()).extracting(RuleTexts.Part::key).containsExactly("rules.category.dangerous_goods", "vehicleType.K11");
        assertThat(facts.get(1).parts()).extracting(RuleTexts.Part::text).containsExactly("22:00–06:00");
        assertThat(facts.get(2).parts().get(0)).isEqualTo(new RuleTexts.Part("rules.duration.HOURS", List.of(2L), null));
        assertThat(facts.get(3).parts()).extracting(RuleTexts.Part::text).containsExactly("Chaotianmen Bridge");

        RuleDefinition allDay = new RuleDefinition("coaches", AlertType.CATEGORY_RESTRICTION, true, Severity.HIGH,
                Map.of("vehicleTypes", "coach"), List.of(), null);
        assertThat(texts.facts(allDay)).extracting(f -> f.parts().get(0).key()).containsExactly("rules.category.coach", "rules.hours.allDay",
                "rules.places.all");
    }

    @Test
    void sectionsAreReadByRowAndStoredAsEquallyLongFromAndToLists() {
        List<RuleSection> rows = RuleSection.rows(List.of("CQ-CP-001", "", "CQ-CP-002"), List.of("CQ-CP-002", "", "CQ-CP-001", ""));
        assertThat(rows).as("rows with neither end dropped").containsExactly(new RuleSection("CQ-CP-001", "CQ-CP-002"),
                new RuleSection("CQ-CP-002", "CQ-CP-001"));
        RuleForm form = sectionSpeed(rows);
        assertThat(form.problems(PLACES)).isEmpty();
        Map<String, Object> stored = new LinkedHashMap<>(Map.of("from", List.of("CQ-CP-009"), "to", List.of("CQ-CP-008"), "limitKmh", 60.0));
        RuleDefinition before = new RuleDefinition("sections", AlertType.SECTION_SPEED, true, Severity.HIGH, stored, List.of(), null);
        RuleDefinition d = form.toDefinition(before);
        assertThat(d.params()).containsEntry("from", List.of("CQ-CP-001", "CQ-CP-002")).containsEntry("to", List.of("CQ-CP-002", "CQ-CP-001"))
                .containsEntry("limitKmh", 80.0).doesNotContainKey("sections");

        RuleForm again = RuleForm.of(d);
        assertThat(again.sections()).isEqualTo(rows);
        assertThat(again.sectionRows()).as("two empty rows to add more without JavaScript").hasSize(4).last().isEqualTo(new RuleSection("", ""));
        assertThat(again.toDefinition(d)).isEqualTo(d);
        assertThat(again.refersTo("CQ-CP-002")).as("a section's end is offered by the form (a lane would otherwise not be)").isTrue();
        assertThat(again.refersTo("CQ-CP-009")).as("the replaced section's end").isFalse();
        RuleTexts texts = new RuleTexts(id -> id.equals("CQ-CP-001") ? "Chaotianmen Bridge" : "Jiahua Bridge");
        assertThat(texts.facts(d).get(0).parts()).extracting(RuleTexts.Part::text)
                .containsExactly("Chaotianmen Bridge → Jiahua Bridge", "Jiahua Bridge → Chaotianmen Bridge");
    }

    @Test
    void aSectionWithOneEndTheSamePlaceTwiceAnUnknownPlaceOrNoSectionIsRefused() {
        assertThat(sectionSpeed(RuleSection.rows(List.of("CQ-CP-001"), List.of(""))).problems(PLACES))
                .containsExactly(Map.entry("sections", "rules.problem.sectionEnd"));
        assertThat(sectionSpeed(List.of(new RuleSection("CQ-CP-001", "CQ-CP-001"))).problems(PLACES))
                .containsExactly(Map.entry("sections", "rules.problem.sectionSame"));
        assertThat(sectionSpeed(List.of(new RuleSection("CQ-CP-001", "CQ-CP-999"))).problems(PLACES))
                .containsExactly(Map.entry("sections", "rules.problem.sectionPlace"));
        assertThat(sectionSpeed(RuleSection.rows(List.of("", ""), List.of("", ""))).problems(PLACES))
                .containsExactly(Map.entry("sections", "rules.problem.sectionNone"));
    }

    @Test
    void durationsAndNumbersReadAsPeopleWriteThem() {
        assertThat(RuleTexts.duration(java.time.Duration.ofSeconds(90)).key()).isEqualTo("rules.duration.SECONDS");
        assertThat(RuleTexts.duration(java.time.Duration.ofMinutes(10)).args()).containsExactly(10L);
        assertThat(RuleTexts.duration(java.time.Duration.ofDays(7)).key()).isEqualTo("rules.duration.DAYS");
        assertThat(RuleTexts.duration(java.time.Duration.ofMillis(1500)).args()).containsExactly("1.5");
        assertThat(RuleTexts.number(150.0)).isEqualTo("150");
        assertThat(RuleTexts.number(1.3)).isEqualTo("1.3");
        assertThat(RuleRefusals.field("params.topSpeedKmh: 5000.0 is outside 10.0..1000.0")).isEqualTo("topSpeedKmh");
        assertThat(RuleRefusals.field("area: not WKT")).isEqualTo("area");
        assertThat(RuleRefusals.field("something else")).isEqualTo("form");
    }

    private static RuleForm category(Map<String, List<String>> values) {
        return new RuleForm("dg-night", AlertType.CATEGORY_RESTRICTION, "CRITICAL", true, values, List.of("CQ-CP-001"), null, List.of());
    }

    private static RuleForm sectionSpeed(List<RuleSection> rows) {
        return new RuleForm("sections", AlertType.SECTION_SPEED, "HIGH", true, Map.of("limitKmh", List.of("80")), List.of(), null, rows);
    }
}
