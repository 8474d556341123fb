package fr.formaflow.attendance;

import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When and what a session's attendance certificates may be deposited (seed 001): only once the prestation's purchase
 * order is issued, signed and returned; for a session that has started; one line per teacher present, each with their
 * number, names, pedagogical unit and hours (no more than the session's), no more teachers than the session's seats.
 * The teacher ↔ unit check is {@link AssignmentCheck}'s. Plain Java.
 */
public final class SessionAttendanceRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,20}");

    private SessionAttendanceRules() {
    }

    public static List<String> problems(TrainingAction action, PrestationSession session, List<SessionAttendee> attendees, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (action.getPurchaseOrderNumber() == null) {
            problems.add("Vous pouvez déposer les attestations de présence uniquement si le bon de commande est signé et renvoyé à "
                    + action.getFunder().getName() + " : le bon de commande de la prestation ne vous a pas encore été soumis.");
        }
        problems.addAll(MonthDeclarationRules.attendanceAllowed(action));
        if (session.getStartDate().isAfter(today)) {
            problems.add("La session " + session.describe() + " n'a pas commencé : ses attestations de présence se déposent à partir du "
                    + French.date(session.getStartDate()) + ".");
        }
        if (attendees.isEmpty()) {
            problems.add("Indiquez au moins un enseignant présent à la session.");
        }
        if (attendees.size() > session.getSeats()) {
            problems.add("La session compte " + session.getSeats() + " places : " + attendees.size() + " enseignants ne peuvent pas y avoir assisté.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            SessionAttendee a = attendees.get(i);
            String at = "Ligne " + (i + 1) + " : ";
            if (a.teacherNumber() == null) {
                problems.add(at + "« Numéro de l'enseignant » est obligatoire.");
            } else if (!CODE.matcher(a.teacherNumber()).matches()) {
                problems.add(at + "« Numéro de l'enseignant » : de 1 à 20 lettres ou chiffres (« " + a.teacherNumber() + " » reçu).");
            } else if (!seen.add(a.teacherNumber())) {
                problems.add(at + "l'enseignant \"" + a.teacherNumber() + "\" figure déjà sur une autre ligne.");
            }
            if (a.lastName() == null) {
                problems.add(at + "« Nom » est obligatoire.");
            }
            if (a.firstName() == null) {
                problems.add(at + "« Prénom » est obligatoire.");
            }
            if (a.unitCode() == null) {
                problems.add(at + "« Unité pédagogique » est obligatoire.");
            } else if (!CODE.matcher(a.unitCode()).matches()) {
                problems.add(at + "« Unité pédagogique » : de 1 à 20 lettres ou chiffres (« " + a.unitCode() + " » reçu).");
            }
            hours(problems, at, a.hours(), session.getHours());
        }
        return problems;
    }

    private static void hours(List<String> problems, String at, BigDecimal hours, BigDecimal sessionHours) {
        if (hours == null) {
            problems.add(at + "« Heures de présence » est obligatoire.");
        } else if (hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2) {
            problems.add(at + "« Heures de présence » doit être un nombre d'heures positif, au plus deux décimales.");
        } else if (hours.compareTo(sessionHours) > 0) {
            problems.add(at + French.hours(hours) + " de présence pour une session de " + French.hours(sessionHours) + ".");
        }
    }
}
