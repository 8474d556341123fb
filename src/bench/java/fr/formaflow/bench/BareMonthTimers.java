package fr.formaflow.bench;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The bare baseline's {@code ${monthTimers}}: the timer dates the stub's "Task_OpenMonth" set, no domain behind them. */
public final class BareMonthTimers {

    public Date windowOpens(DelegateExecution execution) {
        return (Date) execution.getVariable("declarationWindowOpens");
    }

    public Date reminder(DelegateExecution execution) {
        return (Date) execution.getVariable("declarationReminder");
    }

    public Date deadlinePassed(DelegateExecution execution) {
        return (Date) execution.getVariable("declarationDeadlinePassed");
    }

    public boolean waitsForNextPeriod(DelegateExecution execution) {
        return true;
    }

    public Date nextPeriodEnds(DelegateExecution execution) {
        return windowOpens(execution);
    }

    public String lateness(DelegateExecution execution) {
        return "";
    }
}
