package fr.formaflow.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The service tasks of the bare baseline: nothing but the variables the process shapes route on. */
final class BareStub implements JavaDelegate {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Override
    public void execute(DelegateExecution execution) {
        switch (execution.getCurrentActivityId()) {
            case "Task_PlanMonths" -> execution.setVariable("executionMonths", new ArrayList<>(FormaflowLifecycle.MONTHS));
            case "Task_OpenMonth" -> {
                LocalDate opens = YearMonth.parse((String) execution.getVariable("month")).plusMonths(1).atDay(1);
                execution.setVariables(Map.of("declarationWindowOpens", date(opens), "declarationDeadline", opens.plusDays(14).toString(),
                        "declarationReminder", date(opens.plusDays(9)), "declarationDeadlinePassed", date(opens.plusDays(15))));
            }
            case "Task_PrepareInvoice" -> execution.setVariables(Map.of("invoiceDue", true, "invoiceId", 1L));
            case "Task_ComputeBalance" -> execution.setVariables(Map.of("invoiceId", 1L, "balanceToPay", false));
            case "Task_PlanSurveys" -> {
                LocalDate exit = LocalDate.of(2026, 6, 26);
                execution.setVariables(Map.of("sixMonthSurveyDate", date(exit.plusMonths(6)), "sixMonthReminderDate", date(exit.plusMonths(6).plusDays(15)),
                        "sixMonthOverdueDate", date(exit.plusMonths(6).plusDays(30)), "oneYearSurveyDate", date(exit.plusYears(1)),
                        "oneYearReminderDate", date(exit.plusYears(1).plusDays(15)), "oneYearOverdueDate", date(exit.plusYears(1).plusDays(30))));
            }
            default -> {
                // documents, e-mails, phases: nothing in the baseline
            }
        }
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }
}
