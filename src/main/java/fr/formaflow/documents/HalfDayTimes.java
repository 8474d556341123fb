package fr.formaflow.documents;

import fr.formaflow.attendance.Schedule;

/**
 * The times of the half-days every document states (agreement, convocation, attendance sheets): two half-days of
 * 3.5 hours ({@link Schedule#STANDARD_HALF_DAY_HOURS}), so the hours agree from one document to the other.
 */
final class HalfDayTimes {

    static final String MORNING = "9 h 00 – 12 h 30", AFTERNOON = "13 h 30 – 17 h 00";
    static final String DAILY = "du lundi au vendredi, hors jours fériés : le matin de 9 h 00 à 12 h 30 et l'après-midi de 13 h 30 à "
            + "17 h 00, soit 7 h par jour";

    private HalfDayTimes() {
    }

    /** A column header: the half-day and its times, with no-break spaces inside the times so that none is cut. */
    static String header(Schedule.Half half) {
        return (half == Schedule.Half.AM ? "matin\n" + MORNING : "après-midi\n" + AFTERNOON).replace(" h ", "\u00a0h\u00a0")
                .replace(" – ", "\u00a0– ");
    }
}
