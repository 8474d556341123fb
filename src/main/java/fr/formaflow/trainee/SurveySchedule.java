package fr.formaflow.trainee;

import java.time.LocalDate;
import java.util.Set;

/**
 * When a trainee's follow-up surveys fall due, from their own exit date: 6 months and 1 year after it. The
 * organisation has 30 days to answer each; it is reminded after 15, and the survey is overdue after 30, which the
 * funder sees.
 */
public final class SurveySchedule {

    public static final int REMINDER_DAYS = 15;
    public static final int ANSWER_DAYS = 30;

    public enum Status {
        SCHEDULED("Planifiée"), DUE("À saisir"), OVERDUE("En retard"), ANSWERED("Saisie");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private SurveySchedule() {
    }

    public static LocalDate surveyDate(LocalDate exit, FollowUpSurvey.Kind kind) {
        return kind == FollowUpSurvey.Kind.SIX_MONTHS ? exit.plusMonths(6) : exit.plusYears(1);
    }

    public static LocalDate reminderDate(LocalDate exit, FollowUpSurvey.Kind kind) {
        return surveyDate(exit, kind).plusDays(REMINDER_DAYS);
    }

    /** The last day to answer; the survey is overdue the day after. */
    public static LocalDate deadline(LocalDate exit, FollowUpSurvey.Kind kind) {
        return surveyDate(exit, kind).plusDays(ANSWER_DAYS);
    }

    /**
     * The latest exit date whose survey of this kind, unanswered, is overdue today: every earlier exit's is too, as the
     * deadline never moves back when the exit moves forward. The dashboard counts the overdue surveys with it in one query.
     */
    public static LocalDate lastOverdueExit(FollowUpSurvey.Kind kind, LocalDate today) {
        LocalDate exit = kind == FollowUpSurvey.Kind.SIX_MONTHS ? today.minusDays(ANSWER_DAYS).minusMonths(6)
                : today.minusDays(ANSWER_DAYS).minusYears(1);
        while (overdue(exit.plusDays(1), kind, today)) {
            exit = exit.plusDays(1);
        }
        while (!overdue(exit, kind, today)) {
            exit = exit.minusDays(1);
        }
        return exit;
    }

    private static boolean overdue(LocalDate exit, FollowUpSurvey.Kind kind, LocalDate today) {
        return status(exit, kind, Set.of(), today) == Status.OVERDUE;
    }

    public static Status status(LocalDate exit, FollowUpSurvey.Kind kind, Set<FollowUpSurvey.Kind> answered, LocalDate today) {
        if (answered.contains(kind)) {
            return Status.ANSWERED;
        }
        if (exit == null || today.isBefore(surveyDate(exit, kind))) {
            return Status.SCHEDULED;
        }
        return today.isAfter(deadline(exit, kind)) ? Status.OVERDUE : Status.DUE;
    }
}
