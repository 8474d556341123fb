package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A dossier started before the funder's validation became step-validation.bpmn keeps the model it started on (the
 * engine never moves a running instance): its validation tasks are still drawn in the phases, with their own
 * properties, and its submission's validation keeps its own form (validate-submission). Formaflow still serves them.
 */
@FormaflowTest
class PreviousModelTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;

    @Test
    void aDossierStartedOnThePreviousModelIsValidatedWithItsOwnTasksAndForms() throws IOException {
        init(engine);
        DossierDriver driver = new DossierDriver(context);
        DossierDriver.clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        Deployment previous = deployPreviousModel();
        try {
            TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régisseur son");
            assertThat(engine.getRepositoryService().getProcessDefinition(driver.mainInstance(action).getProcessDefinitionId())
                    .getDeploymentId()).isEqualTo(previous.getId());

            driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
            assertThat(driver.openTaskKeys(action)).containsExactly("Task_ValidateSubmission");
            assertThat(driver.formVariables(action, "Task_ValidateSubmission")).containsKey("summary")
                    .doesNotContainKeys("decisionOptions", "details");
            driver.complete(FUNDER_USER, action, "Task_ValidateSubmission",
                    Map.of("decision", "REJECT", "reason", "Le programme ne détaille pas les modules."));
            assertThat(driver.openTaskKeys(action)).containsExactly("Task_SubmitDossier");
            assertThat(driver.formVariables(action, "Task_SubmitDossier").get("rejections").toString())
                    .contains("Le programme ne détaille pas les modules.");

            driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
            driver.complete(FUNDER_USER, action, "Task_ValidateSubmission", Map.of("decision", "APPROVE"));
            assertThat(driver.mainInstance(action)).isWaitingAt("Task_Contract");

            driver.uploadContractDocuments(action);
            driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
            assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                    .singleResult().getName()).isEqualTo("Valider la contractualisation");
            driver.complete(FUNDER_USER, action, "Task_ValidateContract", Map.of("decision", "APPROVE"));
            assertThat(driver.mainInstance(action)).isWaitingAt("Task_EnterTrainees");
            assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.TRAINEES);
        } finally {
            engine.getRepositoryService().deleteDeployment(previous.getId(), true);
        }
    }

    /** The model as it was deployed before step-validation.bpmn, with the forms its tasks show. */
    private Deployment deployPreviousModel() throws IOException {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("training-dossier before step-validation")
                .addClasspathResource("previous-models/training-dossier-before-step-validation.bpmn");
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        return deployment.deploy();
    }
}
