package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class HourLineTest {

    private static BigDecimal h(String hours) {
        return new BigDecimal(hours);
    }

    @Test
    void paysCompletedAndJustifiedHoursButNotUnjustifiedOnes() {
        HourLine line = new HourLine(7, h("41"), h("2"), h("3.5"), h("15"), h("3"), h("1"));

        assertThat(line.paidCentreHours()).isEqualByComparingTo("43");
        assertThat(line.paidCompanyHours()).isEqualByComparingTo("18");
        assertThat(line.totalHours()).isEqualByComparingTo("65.5");
    }

    @Test
    void keepsFractionsOfHoursExact() {
        HourLine line = new HourLine(1, h("13.5"), h("0.25"), h("0"), h("0.1"), h("0.2"), h("0"));

        assertThat(line.paidCentreHours()).isEqualByComparingTo("13.75");
        assertThat(line.paidCompanyHours()).isEqualByComparingTo("0.3");
    }

    @Test
    void refusesNegativeHoursNamingTheColumnAndTheTraineeInFrench() {
        assertThatThrownBy(() -> new HourLine(12, h("1"), h("0"), h("0"), h("0"), h("-2"), h("0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le nombre d'heures non réalisées justifiées en entreprise ne peut pas être négatif "
                        + "(stagiaire 12 : -2).");
        assertThatThrownBy(() -> new HourLine(12, h("0"), h("0"), h("-0.5"), h("0"), h("0"), h("0")))
                .hasMessageContaining("non réalisées non justifiées en centre");
    }

    @Test
    void refusesMissingHours() {
        assertThatThrownBy(() -> new HourLine(3, null, h("0"), h("0"), h("0"), h("0"), h("0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Le nombre d'heures réalisées en centre est obligatoire (stagiaire 3).");
    }
}
