package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

class FunderRejectsThenApprovesTest extends JourneyTest {

    static final String REASON = "Le programme doit détailler les heures du module 2.";

    @Test
    void funderRejectsWithAReasonOrganisationCorrectsFunderApproves() {
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        try (Browser browser = browser("funder-rejects-organisation-corrects-funder-approves")) {
            browser.login("tasklist", DossierDriver.FUNDER_USER, PASSWORD);
            openTask(browser, action, "CallActivity_ValidateSubmission", "À valider");
            // the validator sees what she validates, in the task: objectives, programme, periods, clients, trainers
            browser.waitForText("Ce que l'organisme a saisi");
            browser.waitForText("Maîtriser la fabrication et la régie des accessoires de scène.");
            browser.waitForText("Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).");
            browser.waitForText("En centre du 05/01/2026 au 13/02/2026");
            browser.waitForText("Théâtre des Treize Vents");
            browser.waitForText("Yves ROCHER");
            browser.waitForText("Pièces du dossier");
            browser.screenshot("contenu-du-dossier-pour-la-validatrice");
            browser.choose("Renvoyer à l'organisme pour correction");
            browser.type("Motif", REASON);
            complete(browser, action, "renvoi-avec-motif");
            browser.waitForText("Décision enregistrée");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("Task_SubmitDossier");

            browser.logout();
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            // the returned task is marked on its card, in the list the organisation lands on
            assertThat(browser.activeFilter()).isEqualTo("Tâches de mon organisme");
            By card = By.xpath("//li[contains(@class, 'task') and contains(., " + "'" + action.getContractNumber() + "')]");
            browser.searchTasks(action.getContractNumber());
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> d.findElements(By.cssSelector("li.task")).size() == 1 && !d.findElements(card).isEmpty());
            assertThat(browser.visible(card).getText()).contains("Renvoyé le").contains(action.getContractNumber());
            browser.screenshot("tache-renvoyee-trouvee-par-son-numero");

            openTask(browser, action, "Task_SubmitDossier", "Tâches de mon organisme");
            browser.waitForText("Motifs de rejet précédents");
            browser.waitForText(REASON);
            // the reason reads as a message, not as a greyed-out field
            browser.visible(By.cssSelector(".formaflow-rejections textarea"));
            browser.screenshot("motif-visible-par-l-organisme");
            browser.type("Programme / contenu", "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h, dont 35 h de pratique).");
            complete(browser, action, "dossier-corrige");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("CallActivity_ValidateSubmission");

            browser.logout();
            browser.login("tasklist", DossierDriver.FUNDER_USER, PASSWORD);
            openTask(browser, action, "CallActivity_ValidateSubmission", "À valider");
            // after her rejection, what changed since the version she rejected
            browser.waitForText("Ce qui a changé depuis le rejet du");
            browser.waitForText("Motif du rejet : " + REASON);
            browser.waitForText("L'action › Programme / contenu : avant « Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h). »"
                    + " / maintenant « Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h, dont 35 h de pratique). »");
            browser.screenshot("ce-qui-a-change-depuis-le-rejet");
            browser.choose("Valider");
            complete(browser, action, "dossier-valide");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("Task_Contract");
            assertThat(dossiers.reload(action).getContent()).contains("dont 35 h de pratique");
        }
    }
}
