package fr.formaflow.process.delegates;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.delegates.DossierRouting;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The timer dates of a month's declaration ({@code ${monthTimers.…(execution)}} in monthly-declaration.bpmn), computed
 * from the month's declaration in the domain and the engine's clock when the timer is created.
 *
 * <p>No timer is ever created due in the past: a date already over (a dossier entered after its months, an engine
 * that was stopped, a deadline noticed late) gives a timer due now, which fires once to catch up; every date it leads
 * to (a postponed deadline) is after today, so a month can never loop on past dates.
 */
@Component("monthTimers")
public class DeclarationTimers {

    static final int REMINDER_DAYS_BEFORE = 5;
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final AttendanceService attendance;
    private final DossierRouting routing;
    private final Clock clock;

    public DeclarationTimers(AttendanceService attendance, DossierRouting routing, Clock clock) {
        this.attendance = attendance;
        this.routing = routing;
        this.clock = clock;
    }

    /** "Fin du mois": the month is over, its declaration can be entered and confirmed. */
    public Date windowOpens(DelegateExecution execution) {
        return notBeforeNow(at(ExecutionCalendar.windowOpens(month(execution)), LocalTime.MIDNIGHT));
    }

    /**
     * "Relance 5 jours avant la date limite". A reminder whose day is already over when the task opens is pointless: its
     * timer then waits for the deadline to pass, and the delegate sends nothing once the deadline is over.
     */
    public Date reminder(DelegateExecution execution) {
        Date planned = at(declaration(execution).getDeadline().minusDays(REMINDER_DAYS_BEFORE), REMINDER_TIME);
        return planned.after(now()) ? planned : deadlinePassed(execution);
    }

    /** "Date limite dépassée": the day after the deadline, at midnight (the deadline day itself is on time). */
    public Date deadlinePassed(DelegateExecution execution) {
        return notBeforeNow(at(declaration(execution).getDeadline().plusDays(1), LocalTime.MIDNIGHT));
    }

    /** Whether the month just postponed waits for the end of the next period (first miss, noticed in time). */
    public boolean waitsForNextPeriod(DelegateExecution execution) {
        LocalDate reopensOn = declaration(execution).getReopensOn();
        return reopensOn != null && reopensOn.isAfter(clock.today());
    }

    /** "Fin de la période suivante": the postponed month can be confirmed again. */
    public Date nextPeriodEnds(DelegateExecution execution) {
        return notBeforeNow(at(declaration(execution).getReopensOn(), LocalTime.MIDNIGHT));
    }

    /** How late the month is, for the task's description: empty when on time. */
    public String lateness(DelegateExecution execution) {
        String lateness = declaration(execution).lateness(clock.today());
        return lateness.isEmpty() ? "" : "\n\nEn retard : " + lateness + ".";
    }

    private MonthlyDeclaration declaration(DelegateExecution execution) {
        return attendance.declaration(routing.dossierId(execution), month(execution));
    }

    private static YearMonth month(DelegateExecution execution) {
        return MonthDelegates.month(execution);
    }

    private Date now() {
        return Date.from(clock.now().atZone(Clock.PARIS).toInstant());
    }

    private Date notBeforeNow(Date date) {
        Date now = now();
        return date.before(now) ? now : date;
    }

    static Date at(LocalDate date, LocalTime time) {
        return Date.from(date.atTime(time).atZone(Clock.PARIS).toInstant());
    }
}
