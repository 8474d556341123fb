package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

class OperatorFindsIncidentInCockpitTest extends JourneyTest {

    static final String REASON = "Le module 2 doit préciser ses heures de pratique.";

    @Test
    void operatorFindsADossierAndItsIncidentInCockpit() {
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        dossiers.reject(action, "CallActivity_ValidateSubmission", REASON);
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        String title = dossiers.reload(action).getTitle();
        // the validator approves; the agreement's generation (an asynchronous step) fails until its retries are spent
        String taskId = dossiers.task(action, "CallActivity_ValidateSubmission").getId();
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
            // the instance is named by its dossier, not by its UUID
            browser.waitForText(action.getContractNumber() + " — " + title);

            // Cockpit's community edition keeps no history: Formaflow's tab tells who decided what, when and why
            browser.click("Historique du dossier");
            browser.waitForText("Décisions et étapes terminées");
            browser.waitForText(REASON);
            browser.waitForText("Renvoyé pour correction");
            browser.waitForText(dossiers.validator(action));
            browser.screenshot("historique-du-dossier");
        }
    }
}
