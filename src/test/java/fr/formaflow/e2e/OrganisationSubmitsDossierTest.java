package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.support.DossierDriver;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrganisationSubmitsDossierTest extends JourneyTest {

    @Test
    void organisationSubmitsADossier() {
        try (Browser browser = browser("organisation-submits-a-dossier")) {
            // logged out, the page says so in French with the way in, and shows no empty tables
            browser.open("/dossiers.html");
            browser.waitForText("Vous n'êtes pas connecté(e)");
            assertThat(browser.all(org.openqa.selenium.By.cssSelector("main > section")))
                    .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
            browser.screenshot("deconnecte");

            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.waitForText("Tâches de mon organisme");
            browser.screenshot("tasklist");
            // the organisation works from its organisation's list: Tasklist opens it first
            assertThat(browser.activeFilter()).isEqualTo("Tâches de mon organisme");

            // the dossiers page still creates one, and its message leads straight to the task
            browser.open("/dossiers.html");
            browser.select("funder", "Région Occitanie");
            browser.fill("title", "Régisseur son (page des dossiers)");
            browser.fill("year", "2026");
            browser.click("Créer le dossier");
            browser.waitForText("La tâche « Déposer le dossier » vous attend");
            browser.screenshot("dossier-cree");
            Matcher created = Pattern.compile("Dossier (\\S+) créé").matcher(browser.pageText());
            assertThat(created.find()).isTrue();
            TrainingAction fromPage = context.getBean(TrainingActionRepository.class).findByContractNumber(created.group(1)).orElseThrow();
            assertThat(browser.button("Ouvrir la tâche « Déposer le dossier »").getDomAttribute("href"))
                    .endsWith("#/?task=" + dossiers.task(fromPage, "Task_SubmitDossier").getId());

            // without leaving Tasklist: « Nouveau dossier » in its header, then straight into « Déposer le dossier »
            browser.openWebapp("/camunda/app/tasklist/default/");
            browser.click("Nouveau dossier");
            browser.select("ff-new-funder", "Région Occitanie");
            browser.fill("ff-new-title", "Régisseur son");
            browser.fill("ff-new-year", "2026");
            browser.screenshot("nouveau-dossier-dans-tasklist");
            browser.click("Créer le dossier");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                    .until(d -> d.getCurrentUrl().contains("task="));
            String taskId = browser.driver().getCurrentUrl().replaceAll(".*task=([^&]+).*", "$1");
            String contractNumber = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId())
                    .singleResult().getBusinessKey();
            TrainingAction action = context.getBean(TrainingActionRepository.class).findByContractNumber(contractNumber).orElseThrow();
            assertThat(action.getTitle()).isEqualTo("Régisseur son");
            assertThat(action.getOrganisation().getName()).isEqualTo("Scènes et Formations");
            browser.waitForText("Déposer le dossier");
            browser.screenshot("tache-ouverte-a-la-creation");

            // the lists of periods, clients and trainers as the organisation left them; the rest is typed below
            Map<String, Object> earlier = new HashMap<>(DossierDriver.programme(3));
            earlier.keySet().removeAll(java.util.List.of("title", "objectives", "content", "formacode", "location"));
            prefill(action, "Task_SubmitDossier", earlier);

            openTask(browser, action, "Task_SubmitDossier", "Tâches de mon organisme");
            browser.waitForText("Résumé de l'action");
            browser.screenshot("formulaire-vide");
            browser.type("Objectifs", "Maîtriser la prise de son et la diffusion en salle.");
            browser.type("Programme / contenu", "Module 1 : prise de son (70 h). Module 2 : diffusion (70 h).");
            browser.type("Lieu de la formation", "Montpellier");

            // the browser's own check: in French, under its field
            browser.type("Formacode", "4505");
            browser.settle();
            browser.waitForFieldError("Formacode", "Cette valeur n'a pas le format attendu.");
            browser.screenshot("erreur-du-navigateur-sous-son-champ");
            assertThat(browser.pageText()).doesNotContain("Field ");

            // the server's rule: its sentence under the field it concerns, « Envoyer » still in reach
            browser.type("Formacode", "45054");
            browser.type("Effectif rémunéré", "9");
            browser.settle();
            browser.click("Envoyer");
            browser.waitForFieldError("Effectif rémunéré", "L'effectif rémunéré (9) doit être compris entre 0 et l'effectif total (3).");
            browser.screenshot("erreur-du-serveur-sous-son-champ");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("Task_SubmitDossier");
            assertThat(browser.button("Envoyer").isDisplayed()).isTrue();

            browser.type("Effectif rémunéré", "3");
            complete(browser, action, "formulaire-rempli");
            browser.waitForText("Dossier envoyé au financeur");
            browser.screenshot("confirmation-d-envoi");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("CallActivity_ValidateSubmission");
            assertThat(dossiers.reload(action).getTitle()).isEqualTo("Régisseur son");

            browser.logout();
            browser.login("tasklist", DossierDriver.FUNDER_USER, PASSWORD);
            // a funder's validator lands on « À valider »
            assertThat(browser.activeFilter()).isEqualTo("À valider");
            browser.click("À valider");
            browser.waitForText(action.getContractNumber());
            browser.waitForText("Valider le dossier");
            browser.screenshot("a-valider-chez-le-financeur");
        }
    }
}
