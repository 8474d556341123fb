package fr.formaflow.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AdvanceRecoveryRulesTest {

    @Test
    void whatTheInvoicesDidNotTakeBackIsPaidBackToTheCentWithTheVatTheAdvanceBore() {
        // an advance of 630,00 € HT, 490,00 € taken back by the balance: 140,00 € HT, 28,00 € of VAT at 20 %
        AdvanceRecoveryRules.Amounts due = AdvanceRecoveryRules.due(63_000, 49_000, BigDecimal.valueOf(20)).orElseThrow();
        assertThat(due).isEqualTo(new AdvanceRecoveryRules.Amounts(63_000, 49_000, 14_000, 2_800, 16_800));
        // VAT-exempt training (CGI art. 261-4-4°): no VAT
        assertThat(AdvanceRecoveryRules.due(63_000, 49_000, BigDecimal.ZERO).orElseThrow().grossCents()).isEqualTo(14_000);
    }

    @Test
    void theVatOnTheRemainderIsRoundedHalfUpToTheCent() {
        // 0,05 € HT: 0,01 € of VAT at 20 %; 0,03 € HT at 5,5 %: 0,00165 € rounds to 0,00 €; 0,10 € at 5,5 % → 0,0055 → 0,01 €
        assertThat(AdvanceRecoveryRules.due(10, 5, BigDecimal.valueOf(20)).orElseThrow().vatCents()).isEqualTo(1);
        assertThat(AdvanceRecoveryRules.due(10, 7, new BigDecimal("5.5")).orElseThrow().vatCents()).isZero();
        assertThat(AdvanceRecoveryRules.due(10, 0, new BigDecimal("5.5")).orElseThrow().grossCents()).isEqualTo(11);
    }

    @Test
    void nothingIsDueOnceTheAdvanceIsTakenBackAndNoMoreThanItCanBeTakenBack() {
        assertThat(AdvanceRecoveryRules.due(63_000, 63_000, BigDecimal.valueOf(20))).isEmpty();
        assertThat(AdvanceRecoveryRules.due(0, 0, BigDecimal.valueOf(20))).isEmpty();
        assertThatThrownBy(() -> AdvanceRecoveryRules.due(63_000, 63_001, BigDecimal.valueOf(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sur une avance de 63000 centimes");
        assertThatThrownBy(() -> AdvanceRecoveryRules.due(-1, 0, BigDecimal.valueOf(20))).isInstanceOf(IllegalArgumentException.class);
    }
}
