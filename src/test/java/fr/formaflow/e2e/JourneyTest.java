package fr.formaflow.e2e;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A user journey in a real browser against the whole application (shared test context, demo users). Helpers bring a
 * dossier to the step a journey is about; the journey's own steps happen in the browser.
 */
@FormaflowTest
abstract class JourneyTest {

    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    DossierDriver dossiers;

    @BeforeEach
    void driver() {
        dossiers = new DossierDriver(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Browser browser(String journey) {
        return new Browser("http://localhost:" + port, journey);
    }

    /**
     * Opens a task in Tasklist from its list (the user's filter), as a user would. Nobody clicks « Prendre en charge »:
     * opening a task nobody holds claims it for the candidate, and Camunda's controls an organisation or a funder may
     * not use (create a task, start a process, follow-up) are not shown.
     */
    void openTask(Browser browser, TrainingAction action, String taskKey, String filter) {
        Task task = dossiers.task(action, taskKey);
        browser.openWebapp("/camunda/app/tasklist/default/");
        browser.click(filter);
        browser.waitForText(task.getName());
        browser.screenshot("liste-" + taskKey);
        browser.clickTaskInList(action.getContractNumber(), task.getName());
        browser.waitForText("Formulaire");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .until(d -> dossiers.task(action, taskKey).getAssignee() != null);
        browser.waitUntilGone("Prendre en charge");
        org.assertj.core.api.Assertions.assertThat(browser.pageText())
                .doesNotContain("Créer une tâche", "Démarrer un processus", "Définir une relance", "Définir l'échéance");
        // Tasklist writes dates in Paris time whatever the browser's zone (headless chromium here runs in UTC)
        org.assertj.core.api.Assertions.assertThat(browser.driver() instanceof org.openqa.selenium.JavascriptExecutor js
                ? js.executeScript("const date = angular.element(document.body).injector().get('camDateFilter');"
                        + "return date('2026-01-15T12:00:00.000+0000') + ' ' + date('2026-07-15T12:00:00.000+0000');") : null)
                .isEqualTo("15/01/2026 13:00 15/07/2026 14:00");
    }

    /** What the server pre-fills in the task's form (task-local variables), as an earlier visit would have left it. */
    void prefill(TrainingAction action, String taskKey, java.util.Map<String, Object> values) {
        engine.getTaskService().setVariablesLocal(dossiers.task(action, taskKey).getId(), values);
    }

    /** Submits the open Tasklist form and waits until Tasklist reports the task done; then runs the asynchronous steps. */
    void complete(Browser browser, TrainingAction action, String screenshot) {
        browser.settle();
        browser.screenshot(screenshot);
        browser.click("Envoyer");
        browser.waitForText("Choisissez une tâche dans la liste");
        dossiers.runAsyncSteps(action);
    }
}
