package fr.formaflow.process.delegates;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.process.delegates.DossierRouting;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of the monthly-declaration process: each reads the month, calls AttendanceService, sets timers. */
@Configuration
public class MonthDelegates {

    private final DossierRouting routing;

    MonthDelegates(DossierRouting routing) {
        this.routing = routing;
    }

    long dossierId(DelegateExecution execution) {
        return routing.dossierId(execution);
    }

    static YearMonth month(DelegateExecution execution) {
        return YearMonth.parse((String) execution.getVariable("month"));
    }

    static int confirmationDays(DelegateExecution execution) {
        return FunderRules.from(execution.getVariable("rules")).confirmationDays();
    }

    /** The deadline Tasklist shows as the declaration task's due date (DueDates reads it). */
    static Map<String, Object> deadlineVariable(MonthlyDeclaration declaration) {
        return Map.of("declarationDeadline", declaration.getDeadline().toString());
    }

    /** "Ouvrir la déclaration du mois": the window opens at the month's end, confirmation is due on the funder's day. */
    @Bean
    JavaDelegate openMonth(AttendanceService attendance) {
        return execution -> {
            YearMonth month = month(execution);
            MonthlyDeclaration declaration = attendance.open(dossierId(execution), month, confirmationDays(execution));
            execution.setVariables(deadlineVariable(declaration));
        };
    }

    /**
     * "Reporter à la période suivante", once per missed deadline: the month waits for the end of the next period (or
     * stays open when it is already overdue); the funder is told once per missed deadline how late it is.
     */
    @Bean
    JavaDelegate postponeMonth(AttendanceService attendance, Notifications notifications, Clock clock) {
        return execution -> {
            YearMonth month = month(execution);
            LocalDate today = clock.today();
            MonthlyDeclaration declaration = attendance.postpone(dossierId(execution), month, confirmationDays(execution), today);
            execution.setVariables(deadlineVariable(declaration));
            String when = declaration.getReopensOn().isAfter(today)
                    ? "Elle pourra l'être du " + French.date(declaration.getReopensOn()) + ", à la fin de la période suivante, au "
                    : "Elle reste ouverte et doit l'être au plus tard le ";
            notifications.send(routing.funderGroup(execution), dossierId(execution),
                    "Dossier " + execution.getVariable("contractNumber") + " : déclaration de " + French.month(month) + " en retard"
                            + (declaration.getPostponements() > 1 ? " (" + declaration.getPostponements() + "e report)" : ""),
                    "La déclaration de " + French.month(month) + " n'a pas été confirmée dans le délai ("
                            + declaration.lateness(today) + "). " + when + French.date(declaration.getDeadline()) + ".");
        };
    }

    /** "Rouvrir la déclaration": the funder rejected the month's invoice; the organisation corrects the month. */
    @Bean
    JavaDelegate reopenMonth(AttendanceService attendance, Clock clock) {
        return execution -> execution.setVariables(deadlineVariable(
                attendance.reopen(dossierId(execution), month(execution), confirmationDays(execution), clock.today())));
    }

    /** "Relancer l'organisme" five days before the deadline, unless the deadline is already over. */
    @Bean
    JavaDelegate sendDeclarationReminder(AttendanceService attendance, Notifications notifications, Clock clock) {
        return execution -> {
            YearMonth month = month(execution);
            MonthlyDeclaration declaration = attendance.declaration(dossierId(execution), month);
            if (declaration.isConfirmed() || clock.today().isAfter(declaration.getDeadline())) {
                return; // pointless: the deadline is over (a late dossier catching up), the late notice says the rest
            }
            notifications.send(routing.organisationGroup(execution), dossierId(execution),
                    "Dossier " + execution.getVariable("contractNumber") + " : déclaration de " + French.month(month) + " à confirmer",
                    "La déclaration de " + French.month(month) + " doit être confirmée au plus tard le " + French.date(declaration.getDeadline())
                            + ". Passé ce délai, elle ne pourra être confirmée qu'à la fin de la période suivante.");
        };
    }
}
