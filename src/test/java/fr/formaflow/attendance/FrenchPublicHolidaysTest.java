package fr.formaflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FrenchPublicHolidaysTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2007, 2007-04-08", "2008, 2008-03-23",
            "2011, 2011-04-24", "2019, 2019-04-21", "2038, 2038-04-25", "1818, 1818-03-22"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(FrenchPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void lists2026sElevenHolidaysInDateOrder() {
        assertThat(FrenchPublicHolidays.of(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 8),
                LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 7, 14),
                LocalDate.of(2026, 8, 15), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 12, 25));
    }

    @Test
    void namesTheMovingHolidaysInFrench() {
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2024, 4, 1))).isEqualTo("Lundi de Pâques");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2025, 4, 21))).isEqualTo("Lundi de Pâques");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2026, 5, 14))).isEqualTo("Ascension");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2026, 5, 25))).isEqualTo("Lundi de Pentecôte");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2025, 5, 29))).isEqualTo("Ascension");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2025, 6, 9))).isEqualTo("Lundi de Pentecôte");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2026, 7, 14))).isEqualTo("Fête nationale");
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2026, 11, 11))).isEqualTo("Armistice 1918");
    }

    @Test
    void easterSundayAndOrdinaryDaysAreNotPublicHolidays() {
        assertThat(FrenchPublicHolidays.isPublicHoliday(LocalDate.of(2026, 4, 5))).isFalse();
        assertThat(FrenchPublicHolidays.isPublicHoliday(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday (Alsace-Moselle only)
        assertThat(FrenchPublicHolidays.isPublicHoliday(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(FrenchPublicHolidays.name(LocalDate.of(2026, 3, 2))).isNull();
        assertThat(FrenchPublicHolidays.isPublicHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(FrenchPublicHolidays.isPublicHoliday(LocalDate.of(2027, 1, 1))).isTrue();
    }

    @Test
    void ascensionOnMayDayGivesTenDatesAndAJoinedName() {
        LocalDate mayDay = LocalDate.of(2008, 5, 1);

        assertThat(FrenchPublicHolidays.of(2008)).hasSize(10).contains(mayDay, LocalDate.of(2008, 5, 12));
        assertThat(FrenchPublicHolidays.name(mayDay)).isEqualTo("Fête du Travail et Ascension");
    }

    @Test
    void theSetCannotBeModified() {
        assertThatThrownBy(() -> FrenchPublicHolidays.of(2026).add(LocalDate.of(2026, 6, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesYearsBeforeTheGregorianCalendar() {
        assertThatThrownBy(() -> FrenchPublicHolidays.of(1500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1583");
    }
}
