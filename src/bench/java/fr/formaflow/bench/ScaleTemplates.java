package fr.formaflow.bench;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * The dossiers the scale seed clones, each driven through the real application as its users would
 * ({@link DossierDriver}): one finished dossier and three running ones at different phases.
 */
final class ScaleTemplates {

    /** A template: the dossier's id and the root process instance of its process tree. */
    record Template(String kind, long actionId, String processInstanceId, String contractNumber) {
    }

    record All(Template finished, Template submitted, Template monthToDeclare, Template invoiceToValidate) {
    }

    private final DossierDriver driver;
    private final ProcessEngine engine;

    ScaleTemplates(ApplicationContext context) {
        this.driver = new DossierDriver(context);
        this.engine = context.getBean(ProcessEngine.class);
    }

    All run() {
        try {
            return new All(finished(), submitted(), monthToDeclare(), invoiceToValidate());
        } finally {
            ClockUtil.reset();
        }
    }

    /** Its whole life: months declared, invoiced and paid, closed, balance paid, follow-up surveys answered; process ended. */
    private Template finished() {
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
        driver.runToFollowUp(action);
        clock(LocalDateTime.of(2026, 8, 28, 9, 0));
        driver.runDueJobs(action);
        driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths", Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"));
        clock(LocalDateTime.of(2027, 2, 28, 9, 0));
        driver.runDueJobs(action);
        driver.completeAll(ORGANISATION_USER, action, "Task_SurveyOneYear",
                Map.of("situation", "JOB_OTHER_SECTOR", "contract", "CDD_OVER_6_MONTHS"));
        return template("FINISHED", action);
    }

    /** Submitted by the organisation, waiting for the funder's validation. */
    private Template submitted() {
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        return template("SUBMITTED", action);
    }

    /** In execution: January 2026 to declare by the organisation. */
    private Template monthToDeclare() {
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = driver.runToExecution("MONTHLY", 3, 2);
        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        return template("MONTH_TO_DECLARE", action);
    }

    /** January declared and its invoice confirmed: the funder has to validate the invoice. */
    private Template invoiceToValidate() {
        return template("INVOICE_TO_VALIDATE", driver.runToFirstInvoice());
    }

    private Template template(String kind, TrainingAction action) {
        TrainingAction current = driver.reload(action);
        runOfferTimers(current.getContractNumber());
        return new Template(kind, current.getId(), current.getProcessInstanceId(), current.getContractNumber());
    }

    /**
     * The job executor is off: the timers of the dossier's offer (a draft withdrawn once its session has started) are
     * run here, as they would have run by the engine's current time.
     */
    private void runOfferTimers(String contractNumber) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1000);
        for (ProcessInstance offer : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("OFFRE-" + contractNumber).list()) {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(offer.getId()).duedateLowerThan(now).list()) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
    }
}
