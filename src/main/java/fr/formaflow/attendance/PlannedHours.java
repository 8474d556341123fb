package fr.formaflow.attendance;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The planned-hours cap, the one place it is written: a trainee's hours, completed or missed, cumulated over every
 * month, never exceed the hours planned for them, per place. Checked when a month is declared and by the consistency
 * check. A null place is not planned, hence not capped.
 */
public record PlannedHours(BigDecimal centre, BigDecimal company) {

    /** The trainee's own path hours where the agreement sets them, the action's otherwise. */
    public static PlannedHours of(Trainee trainee, TrainingAction action) {
        return new PlannedHours(trainee.getPathHoursCentre() != null ? trainee.getPathHoursCentre() : action.getHoursCentre(),
                trainee.getPathHoursCompany() != null ? trainee.getPathHoursCompany() : action.getHoursCompany());
    }

    /** Each place where the cumulated hours exceed the plan, as a French sentence about {@code who}. */
    public List<String> exceededBy(String who, HourLine cumulated) {
        List<String> problems = new ArrayList<>();
        BigDecimal inCentre = cumulated.centreCompleted().add(cumulated.centreJustified()).add(cumulated.centreUnjustified());
        BigDecimal inCompany = cumulated.companyCompleted().add(cumulated.companyJustified()).add(cumulated.companyUnjustified());
        if (centre != null && inCentre.compareTo(centre) > 0) {
            problems.add(who + " : " + French.hours(inCentre) + " cumulées en centre dépassent les " + French.hours(centre) + " prévues.");
        }
        if (company != null && inCompany.compareTo(company) > 0) {
            problems.add(who + " : " + French.hours(inCompany) + " cumulées en entreprise dépassent les " + French.hours(company)
                    + " prévues.");
        }
        return problems;
    }
}
