package fr.formaflow.compliance;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A person is funded once for a given day: a trainee in two actions whose training days (centre or company) meet while
 * enrolled in both would be paid twice (issue 22: the same three trainees in two demo dossiers on the same November
 * days). Plain Java, no framework.
 */
public final class DoubleEnrolment {

    /** One enrolment: the days the action trains on, and the days the trainee is in it. */
    public record Enrolment(Predicate<LocalDate> trainingDay, LocalDate from, LocalDate to) { }

    private DoubleEnrolment() {
    }

    /** The first day both enrolments train the same person, if any. */
    public static Optional<LocalDate> firstSharedDay(Enrolment one, Enrolment other) {
        if (one.from() == null || one.to() == null || other.from() == null || other.to() == null) {
            return Optional.empty();
        }
        LocalDate from = one.from().isAfter(other.from()) ? one.from() : other.from();
        LocalDate to = one.to().isBefore(other.to()) ? one.to() : other.to();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (one.trainingDay().test(day) && other.trainingDay().test(day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The same person whatever the case, accents and spaces typed: « Lefèvre Camille » is « LEFEVRE  camille ». */
    public static String personKey(String lastName, String firstName, LocalDate birthDate) {
        return fold(lastName) + "|" + fold(firstName) + "|" + birthDate;
    }

    private static String fold(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }
}
