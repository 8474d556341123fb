package fr.formaflow.bench;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.json;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.process.FormJson;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.trainee.TraineeService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

/**
 * One complete dossier through the real application, as its users would drive it: a six-month Région action
 * (January–June 2026) for ten trainees, paid monthly, from creation to the trainees' one-year surveys. Forms are
 * submitted as Tasklist submits them; the asynchronous steps (documents) and the timers the dossier waits for
 * (each month's end, the surveys) run on the calling thread, so that several threads drive dossiers side by side.
 */
final class FormaflowLifecycle implements Lifecycle {

    /**
     * Whether the trainees and trainers answer their evaluation links (12 short transactions, work
     * the bare engine has no counterpart for); {@code -Dformaflow.bench.evaluationLinks=false} measures the dossier without
     * them, to compare the ratio with runs made before the links existed. Without answers the trainer's evaluation is missing,
     * so the run then records it directly.
     */
    static final boolean EVALUATION_LINKS = !"false".equals(System.getProperty("formaflow.bench.evaluationLinks"));

    static final List<String> MONTHS = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
    static final int TRAINEES = 10;

    private final DossierDriver driver;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TraineeService trainees;
    private final ApplicationContext context;

    FormaflowLifecycle(ApplicationContext context) {
        this.context = context;
        this.driver = new DossierDriver(context);
        this.management = context.getBean(ProcessEngine.class).getManagementService();
        this.runtime = context.getBean(ProcessEngine.class).getRuntimeService();
        this.trainees = context.getBean(TraineeService.class);
    }

    @Override
    public String run() {
        TrainingAction action = driver.create(ORGANISATION_USER, DossierDriver.REGION, "Technicien de maintenance audiovisuelle");
        String validator = driver.validator(action);
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", programme());
        driver.approve(action, "CallActivity_ValidateSubmission");
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(TRAINEES));
        driver.approve(action, "CallActivity_ValidateTrainees");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY"));
        driver.approve(action, "CallActivity_ValidateOpening");

        fire(action, "Timer_MonthEnded");
        for (String month : MONTHS) {
            boolean last = month.equals("2026-06");
            driver.completeMonth(ORGANISATION_USER, action, month, Map.of("confirmed", true, "hours", rows(action, id -> last
                    ? Map.of("traineeId", id, "centreCompleted", 50, "companyCompleted", 70, "exitDate", "2026-06-26",
                            "exitType", "END_OF_TRAINING")
                    : Map.of("traineeId", id, "centreCompleted", 110))));
            driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
            driver.approve(action, "Task_ValidateInvoice");
            driver.complete(validator, action, "Task_RecordPayment", Map.of("paymentDate", month + "-28", "paymentReference", "VIR-" + month));
        }
        if (EVALUATION_LINKS) {
            driver.evaluationsSentByEveryone(action);
        } else {
            context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> context
                    .getBean(fr.formaflow.dossier.DossierService.class).get(action.getId()).recordTrainerEvaluation("Formateur : bien."));
        }
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", rows(action, id -> Map.of("traineeId", id,
                "result", "ACQUIRED"))));
        driver.approve(action, "CallActivity_ValidateEvaluations");
        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-06-26", "surveys", rows(action,
                id -> Map.of("traineeId", id, "situation", "JOB_IN_SECTOR", "contract", "CDI")),
                "pedagogicalReport", "Les dix stagiaires ont validé les deux modules."));
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        // every hour was invoiced monthly: the balance is nil, nothing to pay
        driver.approve(action, "CallActivity_ValidateClosure");

        fire(action, "Timer_SixMonths");
        driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths", Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"));
        fire(action, "Timer_OneYear");
        driver.completeAll(ORGANISATION_USER, action, "Task_SurveyOneYear", Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"));
        if (driver.mainInstance(action) != null) {
            throw new IllegalStateException("Dossier " + action.getContractNumber() + " not closed; open tasks: " + driver.openTaskKeys(action));
        }
        return action.getContractNumber();
    }

    /** Fires the dossier's timers of one kind now (the engine's clock stays put: other threads share it). */
    private void fire(TrainingAction action, String timerId) {
        int fired = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(action.getContractNumber()).list()) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId).list()) {
                management.executeJob(job.getId());
                fired++;
            }
        }
        if (fired == 0) {
            throw new IllegalStateException("No timer " + timerId + " for " + action.getContractNumber() + "; open tasks: "
                    + driver.openTaskKeys(action));
        }
        driver.runAsyncSteps(action);
    }

    private Object rows(TrainingAction action, Function<Long, Map<String, Object>> row) {
        return FormJson.rows(trainees.of(action.getId()).stream().map(t -> row.apply(t.getId())).toList());
    }

    /** A six-month collective action: 600 h in the centre (January to mid-June) then 70 h in a company. */
    static Map<String, Object> programme() {
        Map<String, Object> v = new LinkedHashMap<>(DossierDriver.programme(TRAINEES));
        v.put("title", "Technicien de maintenance audiovisuelle");
        v.put("content", "Module 1 : électronique (300 h). Module 2 : vidéo et réseaux (300 h). Stage en entreprise (70 h).");
        v.put("hoursCentre", 600);
        v.put("hoursCompany", 70);
        v.put("plannedEnd", "2026-06-26");
        v.put("priceCentreEuros", 600 * 7 * TRAINEES + ",00");
        v.put("priceCompanyEuros", 70 * TRAINEES + ",00");
        v.put("periods", json("[{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-06-12\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"2026-06-15\",\"end\":\"2026-06-26\"}]"));
        v.put("trainers", json("[{\"lastName\":\"Rocher\",\"firstName\":\"Yves\",\"domain\":\"Électronique\",\"status\":\"CDD\",\"hours\":300,"
                + "\"experience\":\"12 ans de maintenance\"},{\"lastName\":\"Meunier\",\"firstName\":\"Jacques\",\"domain\":\"Vidéo\","
                + "\"status\":\"VACATAIRE\",\"hours\":300,\"experience\":\"Ingénieur vidéo\"}]"));
        return v;
    }
}
