package org.openrfid.trace.web.customs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.customs.Declaration;
import org.openrfid.trace.service.customs.DeclarationStatus;
import org.openrfid.trace.service.customs.GtinQuantity;
import org.openrfid.trace.service.gate.GateContents;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.Reconciliation;

/** The declaration page's "declared and read": each declared line with what the latest gate transaction read, and the undeclared. */
class DeclarationViewUnitTests {

    static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    static final String P1 = "006141411000000019";
    static final String P2 = "006141411000000026";
    static final String GTIN = "00614141123452";

    @Test
    void beforeAnyGateEveryLineIsNotYetRead() {
        DeclarationView view = DeclarationView.of(declaration(), null);

        assertThat(view.declared()).extracting(DeclarationView.Line::state).containsOnly("NOT_YET");
        assertThat(view.undeclared()).isEmpty();
    }

    @Test
    void aReadPalletAMissingOneAShortGtinCountAndUndeclaredGoodsByTheirGtinAndTag() {
        Reconciliation r = new Reconciliation("customs_declaration", "CD-1",
                List.of(GateItem.unit(GateItem.PALLET, P1, "31D4257BF405F5E101000000"), GateItem.gtin(GTIN, 2)),
                List.of(GateItem.unit(GateItem.PALLET, P2, null), GateItem.gtin(GTIN, 1)),
                List.of(new GateItem(GateItem.GOODS, "6f1c0d52-0000-0000-0000-000000000001", "3054024220AC67C0000F4242", "10037000765438", 1,
                        null)), "INSPECT", "inspecting", "mismatch_instance", List.of());
        GateContents c = new GateContents("PORT-1", "Port gate", "port_gate", "IN", T0, T0.plusSeconds(5), null, null, List.of(),
                List.of("p1"));

        DeclarationView view = DeclarationView.of(declaration(), new GateTransaction("gt-1", c, r, T0.plusSeconds(6)));

        assertThat(view.declared()).extracting(DeclarationView.Line::label, DeclarationView.Line::read, DeclarationView.Line::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(P1, 1, "READ"), org.assertj.core.groups.Tuple.tuple(P2, 0, "MISSING"),
                        org.assertj.core.groups.Tuple.tuple(GTIN, 2, "SHORT"));
        assertThat(view.undeclared()).extracting(DeclarationView.Line::label).as("goods by GTIN and tag, never the registry id")
                .containsExactly("10037000765438 · 3054024220AC67C0000F4242");
    }

    private static Declaration declaration() {
        return new Declaration("CD-1", "CN-1", null, null, List.of(), List.of(P1, P2), List.of(new GtinQuantity(GTIN, 3)),
                DeclarationStatus.DECLARED, T0);
    }
}
