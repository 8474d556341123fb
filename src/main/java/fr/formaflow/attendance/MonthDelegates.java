package fr.formaflow.attendance;

import fr.formaflow.dossier.DossierRouting;
import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.French;
import java.time.YearMonth;
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

    /** "Ouvrir la déclaration du mois": the window opens at the month's end, confirmation is due on the funder's day. */
    @Bean
    JavaDelegate openMonth(AttendanceService attendance) {
        return execution -> {
            YearMonth month = month(execution);
            MonthlyDeclaration declaration = attendance.open(dossierId(execution), month, confirmationDays(execution));
            execution.setVariables(DeclarationTimers.of(month.plusMonths(1).atDay(1), declaration.getDeadline()));
        };
    }

    /** "Reporter à la période suivante": the window reopens at the end of the next month; the funder sees the delay. */
    @Bean
    JavaDelegate postponeMonth(AttendanceService attendance, Notifications notifications) {
        return execution -> {
            YearMonth month = month(execution);
            MonthlyDeclaration declaration = attendance.postpone(dossierId(execution), month, confirmationDays(execution));
            execution.setVariables(DeclarationTimers.of(ExecutionCalendar.postponedWindowOpens(month), declaration.getDeadline()));
            notifications.send(routing.funderGroup(execution), dossierId(execution),
                    "Dossier " + execution.getVariable("contractNumber") + " : déclaration de " + French.month(month) + " en retard",
                    "La déclaration de " + French.month(month) + " n'a pas été confirmée dans le délai. Elle pourra l'être jusqu'au "
                            + French.date(declaration.getDeadline()) + ", à la fin de la période suivante.");
        };
    }

    /** "Rouvrir la déclaration": the funder rejected the month's invoice; the organisation corrects the month. */
    @Bean
    JavaDelegate reopenMonth(AttendanceService attendance) {
        return execution -> attendance.reopen(dossierId(execution), month(execution));
    }

    /** "Relancer l'organisme" five days before the deadline. */
    @Bean
    JavaDelegate sendDeclarationReminder(AttendanceService attendance, Notifications notifications) {
        return execution -> {
            YearMonth month = month(execution);
            MonthlyDeclaration declaration = attendance.declaration(dossierId(execution), month);
            notifications.send(routing.organisationGroup(execution), dossierId(execution),
                    "Dossier " + execution.getVariable("contractNumber") + " : déclaration de " + French.month(month) + " à confirmer",
                    "La déclaration de " + French.month(month) + " doit être confirmée au plus tard le " + French.date(declaration.getDeadline())
                            + ". Passé ce délai, elle ne pourra être confirmée qu'à la fin de la période suivante.");
        };
    }
}
