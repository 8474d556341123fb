package fr.formaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"42110064500967", "421 100 645 00967", "73282932000074", "42110064500017"})
    void acceptsSiretsWhoseLuhnSumIsAMultipleOfTen(String value) {
        assertThat(Siret.isValid(value)).isTrue();
    }

    @Test
    void refusesASirenWithAWrongCheckDigitEvenWhenTheFourteenDigitsPassLuhn() {
        // 812345678 00013 passes the 14-digit Luhn check; its SIREN 812345678 does not
        assertThat(Siret.problemWith("81234567800013")).isEqualTo("Le numéro SIRET « 81234567800013 » est invalide : son SIREN "
                + "(812345678, les 9 premiers chiffres) a une clé de contrôle incorrecte.");
        assertThat(Siret.isValid("81234567600017")).isTrue();
    }

    @Test
    void refusesAWrongCheckDigitInFrench() {
        assertThat(Siret.problemWith("42110064500968")).isEqualTo("Le numéro SIRET « 42110064500968 » est invalide (clé de contrôle incorrecte).");
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertThat(Siret.problemWith("4211006450096")).contains("14 chiffres");
        assertThat(Siret.problemWith("4211006450096A")).contains("14 chiffres");
        assertThat(Siret.problemWith(" ")).isEqualTo("Le numéro SIRET est obligatoire.");
    }

    @Test
    void laPosteSiretsAreValidWhenTheirDigitSumIsAMultipleOfFive() {
        // 3+5+6 + 0... + 0+0+0+4+1 = 19 -> not valid; ...42 -> 20, valid, although the Luhn check fails
        assertThat(Luhn.isValid("35600000000042")).isFalse();
        assertThat(Siret.isValid("35600000000042")).isTrue();
        assertThat(Siret.isValid("35600000000041")).isFalse();
    }

    @Test
    void normalisesSpacesAndFormatsForPrinting() {
        Siret siret = Siret.of("421 100 645 00967");
        assertThat(siret.value()).isEqualTo("42110064500967");
        assertThat(siret.siren()).isEqualTo("421100645");
        assertThat(siret.formatted()).isEqualTo("421 100 645 00967");
        assertThatThrownBy(() -> Siret.of("123")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("14 chiffres");
    }

    @Test
    void luhnCheckDigitCompletesANumber() {
        assertThat(Luhn.checkDigit("42110064")).isEqualTo(5);
        assertThat(Luhn.isValid("421100645")).isTrue();
    }

    @Test
    void ndaIsElevenDigitsOrCfa() {
        assertThat(Nda.problemWith("76340123434")).isNull();
        assertThat(Nda.problemWith("cfa")).isNull();
        assertThat(Nda.normalise("cfa")).isEqualTo("CFA");
        assertThat(Nda.problemWith("7634012343")).contains("11 chiffres");
        assertThat(Nda.problemWith("")).contains("obligatoire");
    }
}
