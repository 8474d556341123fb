package fr.formaflow.attendance;

import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.Place;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The half-days an action is scheduled on: every weekday of its centre and company periods, morning and afternoon,
 * except French public holidays (funders treat signatures on a public holiday as a sign of irregularity) unless the
 * funder allows them. Plain Java, no framework.
 */
public final class Schedule {

    public enum Half { AM, PM }

    /** A scheduled half-day: where the trainees are expected. */
    public record HalfDay(LocalDate day, Half half, Place place) {
    }

    /** A half-day lasts 3.5 hours as usually scheduled; no half-day can count more than 4 hours. */
    public static final BigDecimal STANDARD_HALF_DAY_HOURS = new BigDecimal("3.5");
    public static final BigDecimal MAX_HALF_DAY_HOURS = new BigDecimal("4");

    private final List<Period> periods;
    private final boolean holidaysAllowed;

    public Schedule(List<Period> periods, boolean holidaysAllowed) {
        this.periods = List.copyOf(periods);
        this.holidaysAllowed = holidaysAllowed;
    }

    public List<HalfDay> of(YearMonth month) {
        List<HalfDay> halfDays = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            Optional<Place> place = placeOn(day);
            if (place.isPresent()) {
                halfDays.add(new HalfDay(day, Half.AM, place.get()));
                halfDays.add(new HalfDay(day, Half.PM, place.get()));
            }
        }
        return halfDays;
    }

    /** Where the action takes place that day, if it is scheduled at all. */
    public Optional<Place> placeOn(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.empty();
        }
        if (!holidaysAllowed && FrenchPublicHolidays.isPublicHoliday(day)) {
            return Optional.empty();
        }
        return periods.stream().filter(p -> p.contains(day)).map(Period::place).findFirst();
    }

    /** Why nothing can be recorded that day, in French, or null if it is a scheduled day. */
    public String whyNotScheduled(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "le " + French.date(day) + " est un week-end";
        }
        if (!holidaysAllowed && FrenchPublicHolidays.isPublicHoliday(day)) {
            return "le " + French.date(day) + " est un jour férié (" + FrenchPublicHolidays.name(day)
                    + ") : votre financeur n'accepte pas d'émargement ce jour-là";
        }
        if (placeOn(day).isEmpty()) {
            return "le " + French.date(day) + " n'appartient à aucune période de l'action";
        }
        return null;
    }
}
