package fr.formaflow.bench;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.process.StepProperties;
import fr.formaflow.support.DossierDriver;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks that the cloned state is one the engine and the application work with: a cloned dossier waiting for the
 * funder's validation is approved through the engine (as the Région's validator, authorizations on) and moves on to
 * its contract, in the engine and in the domain; a cloned month's task reads its variables (JSON byte arrays); the
 * history of the finished clones is queryable and deserializes.
 */
final class ScaleCheck {

    private ScaleCheck() {
    }

    static String verify(ApplicationContext context, int finished) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
        String submitted = jdbc.queryForObject("select contract from scale_clone where template = 1 order by c desc limit 1", String.class);
        String month = jdbc.queryForObject("select contract from scale_clone where template = 2 order by c desc limit 1", String.class);
        String closed = jdbc.queryForObject("select contract from scale_clone where template = 4 order by c desc limit 1", String.class);

        Task validation = single(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(submitted).list(), submitted);
        require("CallActivity_ValidateSubmission".equals(StepProperties.stepKey(engine, validation)), "clone " + submitted + " waits at "
                + StepProperties.stepKey(engine, validation));
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(DossierDriver.FUNDER_USER).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(DossierDriver.FUNDER_USER, groups);
        try {
            engine.getFormService().submitTaskForm(validation.getId(), Map.of("decision", "APPROVE"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        DossierDriver.runAsyncSteps(engine, submitted);
        Task next = single(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(submitted).list(), submitted);
        require("Task_Contract".equals(next.getTaskDefinitionKey()), "approved clone " + submitted + " waits at " + next.getTaskDefinitionKey());
        DossierPhase phase = context.getBean(TrainingActionRepository.class).findByContractNumber(submitted).orElseThrow().getPhase();
        require(phase == DossierPhase.CONTRACT, "approved clone " + submitted + " is in phase " + phase);

        Task declaration = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(month).taskDefinitionKey("Task_DeclareMonth")
                .singleResult();
        require(declaration != null, "clone " + month + " has no month to declare");
        Map<String, Object> variables = engine.getTaskService().getVariables(declaration.getId());
        require(month.equals(variables.get("contractNumber")) && variables.containsKey("hours"), "variables of " + month + ": "
                + variables.keySet());

        long closedCount = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("trainingDossier")
                .finished().count();
        require(closedCount >= finished, closedCount + " finished dossiers in the history, expected " + finished);
        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(closed)
                .processDefinitionKey("trainingDossier").singleResult();
        long activities = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(history.getId()).count();
        long historicVariables = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(history.getId()).list()
                .stream().filter(v -> v.getErrorMessage() == null).count();
        require(activities > 10 && historicVariables > 10, "history of " + closed + ": " + activities + " activities, " + historicVariables
                + " variables");
        return "approved cloned " + submitted + " (now at Task_Contract, phase CONTRACT); read the variables of " + month
                + "'s Task_DeclareMonth; " + closedCount + " finished dossiers in the history, " + closed + " with " + activities
                + " activity instances and " + historicVariables + " variables";
    }

    private static Task single(List<Task> tasks, String key) {
        require(tasks.size() == 1, key + " has " + tasks.size() + " open tasks");
        return tasks.get(0);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Invalid cloned state: " + problem);
        }
    }
}
