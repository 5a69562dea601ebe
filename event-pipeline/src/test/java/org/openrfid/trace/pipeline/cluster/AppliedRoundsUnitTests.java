package org.openrfid.trace.pipeline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppliedRoundsUnitTests {

    private static final UUID A = new UUID(1, 1);
    private static final UUID B = new UUID(2, 2);

    @Test
    void aCopyOfARoundIsRecognisedAndEachIngressCountsOnItsOwn() {
        AppliedRounds rounds = new AppliedRounds();
        assertThat(rounds.firstTime(A, 1)).isTrue();
        assertThat(rounds.firstTime(A, 2)).isTrue();
        assertThat(rounds.firstTime(B, 2)).as("another ingress's round 2").isTrue();
        assertThat(rounds.firstTime(A, 2)).as("a retried copy right behind its original").isFalse();
        assertThat(rounds.firstTime(A, 1)).as("an older copy").isFalse();
        assertThat(rounds.firstTime(B, 2)).isFalse();
        assertThat(rounds.firstTime(A, 3)).isTrue();
    }

    @Test
    void aRoundThatLandsLateInsideTheWindowIsAppliedOnceAndNotTakenForACopy() {
        AppliedRounds rounds = new AppliedRounds();
        rounds.firstTime(A, 10);
        rounds.firstTime(A, 12);
        assertThat(rounds.firstTime(A, 11)).as("round 11 after 12").isTrue();
        assertThat(rounds.firstTime(A, 11)).isFalse();
        rounds.firstTime(A, 10 + AppliedRounds.WINDOW - 1);
        assertThat(rounds.firstTime(A, 10)).as("still inside the window").isFalse();
        rounds.firstTime(A, 10 + AppliedRounds.WINDOW);
        assertThat(rounds.firstTime(A, 10)).as("older than the window: counted as new rather than lost").isTrue();
        rounds.firstTime(A, 1_000);
        assertThat(rounds.firstTime(A, 1_000 - 1)).as("after a jump every bit but the newest is clear").isTrue();
    }

    @Test
    void theStateSurvivesTheTripInASnapshot() {
        AppliedRounds rounds = new AppliedRounds();
        for (long r = 1; r <= 5; r++) {
            rounds.firstTime(A, r);
        }
        rounds.firstTime(B, 7);
        AppliedRounds restored = AppliedRounds.fromBytes(rounds.toBytes());
        assertThat(restored.sources()).isEqualTo(2);
        assertThat(restored.firstTime(A, 5)).isFalse();
        assertThat(restored.firstTime(A, 3)).isFalse();
        assertThat(restored.firstTime(B, 7)).isFalse();
        assertThat(restored.firstTime(A, 6)).isTrue();
        assertThat(AppliedRounds.fromBytes(new AppliedRounds().toBytes()).sources()).isZero();
    }

    @Test
    void theIngressNotHeardFromLongestIsForgottenFirst() {
        AppliedRounds rounds = new AppliedRounds();
        UUID first = new UUID(0, 0);
        rounds.firstTime(first, 1);
        for (int i = 1; i < AppliedRounds.MAX_SOURCES; i++) {
            rounds.firstTime(new UUID(9, i), 1);
        }
        rounds.firstTime(first, 2); // heard from again: now the newest
        AppliedRounds restored = AppliedRounds.fromBytes(rounds.toBytes());
        restored.firstTime(new UUID(10, 10), 1); // one too many: the oldest other goes
        assertThat(restored.sources()).isEqualTo(AppliedRounds.MAX_SOURCES);
        assertThat(restored.firstTime(first, 2)).as("the recently heard ingress is kept").isFalse();
        assertThat(restored.firstTime(new UUID(9, 1), 1)).as("the one not heard from longest was forgotten").isTrue();
    }
}
