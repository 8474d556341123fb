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
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.waitForText("Tâches de mon organisme");
            browser.screenshot("tasklist");

            browser.open("/dossiers.html");
            browser.select("funder", "Région Occitanie");
            browser.fill("title", "Régisseur son");
            browser.fill("year", "2026");
            browser.click("Créer le dossier");
            browser.waitForText("La tâche « Déposer le dossier » vous attend");
            browser.screenshot("dossier-cree");
            Matcher created = Pattern.compile("Dossier (\\S+) créé").matcher(browser.pageText());
            assertThat(created.find()).isTrue();
            TrainingAction action = context.getBean(TrainingActionRepository.class).findByContractNumber(created.group(1)).orElseThrow();

            // the lists of periods, clients and trainers as the organisation left them; the rest is typed below
            Map<String, Object> earlier = new HashMap<>(DossierDriver.programme(3));
            earlier.keySet().removeAll(java.util.List.of("title", "objectives", "content", "formacode", "location"));
            prefill(action, "Task_SubmitDossier", earlier);

            openTask(browser, action, "Task_SubmitDossier", "Tâches de mon organisme");
            browser.waitForText("Résumé de l'action");
            browser.screenshot("formulaire-vide");
            browser.type("Objectifs", "Maîtriser la prise de son et la diffusion en salle.");
            browser.type("Programme / contenu", "Module 1 : prise de son (70 h). Module 2 : diffusion (70 h).");
            browser.type("Formacode", "45054");
            browser.type("Lieu de la formation", "Montpellier");
            complete(browser, action, "formulaire-rempli");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("Task_ValidateSubmission");
            assertThat(dossiers.reload(action).getTitle()).isEqualTo("Régisseur son");

            browser.logout();
            browser.login("tasklist", DossierDriver.FUNDER_USER, PASSWORD);
            browser.click("À valider");
            browser.waitForText(action.getContractNumber());
            browser.waitForText("Valider le dossier");
            browser.screenshot("a-valider-chez-le-financeur");
        }
    }
}
