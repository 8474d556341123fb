package fr.formaflow.attendance;

import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A trainer teaches one action at a time, and no more than the legal working day: the same trainer on the same half-day
 * of two actions, or above {@link #MAX_HOURS_PER_DAY} hours in a day across actions, is refused (issue 22: one trainer
 * was in two demo dossiers on the same November days). Plain Java, no framework.
 */
public final class TrainerDays {

    /** The maximum daily working time (Code du travail, L3121-18). */
    public static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.TEN;

    /** A half-day a trainer teaches in an action, and its length. */
    public record Slot(long trainerId, long actionId, LocalDate day, Schedule.Half half, BigDecimal hours) {

        String key() {
            return trainerId + "|" + day + "|" + half;
        }
    }

    private TrainerDays() {
    }

    /**
     * Problems of the half-days about to be recorded ({@code here}, one action) against the trainers' half-days in other
     * actions ({@code elsewhere}), in French.
     */
    public static List<String> problems(Collection<Slot> here, Collection<Slot> elsewhere, Function<Long, String> trainerName,
                                        Function<Long, String> actionLabel) {
        List<String> problems = new ArrayList<>();
        Map<String, Slot> taught = new TreeMap<>();
        here.forEach(slot -> taught.merge(slot.key(), slot, (a, b) -> a.hours().compareTo(b.hours()) >= 0 ? a : b));
        Map<String, Slot> others = new TreeMap<>();
        elsewhere.forEach(slot -> others.merge(slot.actionId() + "|" + slot.key(), slot, (a, b) -> a.hours().compareTo(b.hours()) >= 0 ? a : b));
        for (Slot slot : taught.values()) {
            others.values().stream().filter(other -> other.key().equals(slot.key())).findFirst().ifPresent(other -> problems.add(
                    trainerName.apply(slot.trainerId()) + " anime déjà " + actionLabel.apply(other.actionId()) + " le " + French.date(slot.day())
                            + " (" + (slot.half() == Schedule.Half.AM ? "matin" : "après-midi") + ") : un formateur n'anime qu'une action à la fois."));
        }
        Map<String, BigDecimal> perDay = new TreeMap<>();
        List<Slot> all = new ArrayList<>(taught.values());
        all.addAll(others.values());
        for (Slot slot : all) {
            perDay.merge(slot.trainerId() + "|" + slot.day(), slot.hours(), BigDecimal::add);
        }
        for (Slot slot : taught.values()) {
            BigDecimal day = perDay.remove(slot.trainerId() + "|" + slot.day());
            if (day != null && day.compareTo(MAX_HOURS_PER_DAY) > 0) {
                problems.add(trainerName.apply(slot.trainerId()) + " : " + French.hours(day) + " de formation le " + French.date(slot.day())
                        + ", au-delà de " + French.hours(MAX_HOURS_PER_DAY) + " par jour (durée quotidienne maximale du travail, "
                        + "Code du travail L3121-18).");
            }
        }
        return problems;
    }
}
