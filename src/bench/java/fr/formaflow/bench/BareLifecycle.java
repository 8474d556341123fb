package fr.formaflow.bench;

import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepProperties;
import fr.formaflow.support.DossierDriver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The same dossier as {@link FormaflowLifecycle} on the {@link BareEngine}: the same tasks completed in the same
 * order, by the same kind of user, with the same submitted values, the same timers fired and asynchronous steps run
 * on the calling thread.
 */
final class BareLifecycle implements Lifecycle {

    static final String ORGANISATION_USER = "organisation", ORGANISATION_GROUP = "org_42110064500017";
    static final String VALIDATOR = "validator", FUNDER_GROUP = "funder_OCCITANIE";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final List<Long> TRAINEE_IDS = LongStream.rangeClosed(1, FormaflowLifecycle.TRAINEES).boxed().toList();

    private final ProcessEngine engine;

    BareLifecycle(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public String run() {
        long id = SEQUENCE.incrementAndGet();
        String key = String.format("2026BARE%06d", id);
        engine.getRuntimeService().startProcessInstanceByKey("trainingDossier", key, Map.of("dossierId", id, "contractNumber", key,
                "actionTitle", "Technicien de maintenance audiovisuelle", "organisationName", "Scènes et Formations",
                "organisationGroup", ORGANISATION_GROUP, "funderGroup", FUNDER_GROUP, "scheme", "REGION_MARKET"));
        complete(ORGANISATION_USER, key, "Task_SubmitDossier", FormaflowLifecycle.programme());
        approve(key, "CallActivity_ValidateSubmission");
        complete(ORGANISATION_USER, key, "Task_Contract", Map.of("documentsConfirmed", true));
        approve(key, "CallActivity_ValidateContract");
        complete(ORGANISATION_USER, key, "Task_EnterTrainees", DossierDriver.trainees(FormaflowLifecycle.TRAINEES));
        approve(key, "CallActivity_ValidateTrainees");
        complete(ORGANISATION_USER, key, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY", "startDateChangeRequested", false));
        approve(key, "CallActivity_ValidateOpening");

        fire(key, "Timer_MonthEnded");
        for (String month : FormaflowLifecycle.MONTHS) {
            boolean last = month.equals("2026-06");
            completeMonth(key, month, Map.of("confirmed", true, "hours", rows(t -> last
                    ? Map.of("traineeId", t, "centreCompleted", 50, "companyCompleted", 70, "exitDate", "2026-06-26", "exitType", "END_OF_TRAINING")
                    : Map.of("traineeId", t, "centreCompleted", 110))));
            complete(ORGANISATION_USER, key, "Task_ConfirmInvoice", Map.of("confirmed", true));
            approve(key, "Task_ValidateInvoice");
            complete(VALIDATOR, key, "Task_RecordPayment", Map.of("paymentDate", month + "-28", "paymentReference", "VIR-" + month));
        }
        complete(ORGANISATION_USER, key, "Task_Evaluations", Map.of("evaluations", rows(t -> Map.of("traineeId", t, "result", "ACQUIRED", "satisfaction", "5")),
                "trainerEvaluation", "Formateurs disponibles et précis."));
        approve(key, "CallActivity_ValidateEvaluations");
        complete(ORGANISATION_USER, key, "Task_CloseAction", Map.of("realEnd", "2026-06-26", "endDateChangeRequested", false, "followUpTrainees", TRAINEE_IDS,
                "surveys", rows(t -> Map.of("traineeId", t, "situation", "JOB_IN_SECTOR", "contract", "CDI")),
                "pedagogicalReport", "Les dix stagiaires ont validé les deux modules."));
        complete(ORGANISATION_USER, key, "Task_ConfirmBalance", Map.of("confirmed", true));
        // as in Formaflow's lifecycle: a nil balance, nothing to pay
        approve(key, "CallActivity_ValidateClosure");

        fire(key, "Timer_SixMonths");
        completeAll(key, "Task_SurveySixMonths", Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"));
        fire(key, "Timer_OneYear");
        completeAll(key, "Task_SurveyOneYear", Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"));
        if (!instances(key).isEmpty()) {
            throw new IllegalStateException("Bare dossier " + key + " not ended");
        }
        return key;
    }

    private void approve(String key, String taskKey) {
        complete(VALIDATOR, key, taskKey, Map.of("decision", "APPROVE", "approved", true));
    }

    private void complete(String userId, String key, String taskKey, Map<String, Object> values) {
        List<Task> tasks = StepProperties.openTasks(engine, key, taskKey);
        if (tasks.size() != 1) {
            throw new IllegalStateException("Expected one task " + taskKey + " for " + key + ", found " + tasks.size());
        }
        submit(userId, tasks.get(0), values);
        DossierDriver.runAsyncSteps(engine, key);
    }

    private void completeMonth(String key, String month, Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_DeclareMonth")
                .processVariableValueEquals("month", month).singleResult();
        submit(ORGANISATION_USER, task, values);
        DossierDriver.runAsyncSteps(engine, key);
    }

    private void completeAll(String key, String taskKey, Map<String, Object> values) {
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).list()) {
            submit(ORGANISATION_USER, task, values);
        }
        DossierDriver.runAsyncSteps(engine, key);
    }

    /** As Tasklist submits a form: under the user's identity, with the user's groups, as the Formaflow driver does. */
    private void submit(String userId, Task task, Map<String, Object> values) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            engine.getFormService().submitTaskForm(task.getId(), values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private void fire(String key, String timerId) {
        for (ProcessInstance instance : instances(key)) {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(timerId).list()) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        DossierDriver.runAsyncSteps(engine, key);
    }

    private List<ProcessInstance> instances(String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list();
    }

    private static Object rows(Function<Long, Map<String, Object>> row) {
        return FormJson.rows(TRAINEE_IDS.stream().map(row).toList());
    }

}
