package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

class OperatorFindsIncidentInCockpitTest extends JourneyTest {

    @Test
    void operatorFindsADossierAndItsIncidentInCockpit() {
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        // the validator approves; the agreement's generation (an asynchronous step) fails until its retries are spent
        String taskId = dossiers.task(action, "Task_ValidateSubmission").getId();
        dossiers.as(dossiers.validator(action), () -> {
            engine.getFormService().submitTaskForm(taskId, Map.of("decision", "APPROVE"));
            return null;
        });
        Job job = engine.getManagementService().createJobQuery().processInstanceId(action.getProcessInstanceId()).messages().singleResult();
        engine.getManagementService().setJobRetries(job.getId(), 0);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(action.getProcessInstanceId()).count()).isOne();

        try (Browser browser = browser("operator-finds-a-dossier-and-its-incident-in-cockpit")) {
            browser.login("cockpit", "operateur", PASSWORD);
            browser.waitForText("Incidents ouverts");
            browser.screenshot("tableau-de-bord");
            browser.openWebapp("/camunda/app/cockpit/default/#/processes");
            browser.waitForText("Dossier de formation");
            browser.screenshot("processus");
            browser.openWebapp("/camunda/app/cockpit/default/#/process-instance/" + action.getProcessInstanceId() + "/runtime?tab=incidents-tab");
            browser.waitForText(action.getContractNumber());
            browser.waitForText("Incidents");
            // the incident's row names the failed step, in French
            browser.visible(org.openqa.selenium.By.xpath("//tr[td[contains(., 'Préparer la convention de formation')]]"));
            browser.screenshot("incident-du-dossier");
        }
    }
}
