package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class OrganisationEntersTraineesAndConfirmsMonthTest extends JourneyTest {

    @Test
    void organisationEntersTraineesAndConfirmsAMonth() {
        DossierDriver.clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        dossiers.approve(action, "CallActivity_ValidateSubmission");
        dossiers.uploadContractDocuments(action);
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        dossiers.approve(action, "CallActivity_ValidateContract");
        // two trainees' records as a spreadsheet paste left them; the organisation corrects one in the browser
        Map<String, Object> entered = DossierDriver.trainees(2);
        prefill(action, "Task_EnterTrainees", entered);
        java.util.regex.Matcher born = java.util.regex.Pattern.compile("\"birthDate\":\"(\\d{4})-(\\d{2})-(\\d{2})\"")
                .matcher(((org.camunda.bpm.engine.variable.value.SerializableValue) entered.get("trainees")).getValueSerialized());
        assertThat(born.find()).isTrue();
        String firstBirthDate = born.group(3) + "/" + born.group(2) + "/" + born.group(1);

        try (Browser browser = browser("organisation-enters-trainees-and-confirms-a-month")) {
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            openTask(browser, action, "Task_EnterTrainees", "Tâches de mon organisme");
            browser.waitForText("Stagiaires");
            browser.waitForText(firstBirthDate);  // dates as dd/MM/yyyy in the form too
            WebElement firstName = browser.all(By.xpath("//label[contains(., 'Prénom')]")).get(0);
            WebElement input = browser.driver().findElement(By.id(firstName.getDomAttribute("for")));
            browser.replace(input, "Élodie");
            complete(browser, action, "stagiaires-saisis");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("CallActivity_ValidateTrainees");

            dossiers.approve(action, "CallActivity_ValidateTrainees");
            dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY"));
            dossiers.approve(action, "CallActivity_ValidateOpening");
            DossierDriver.clock(LocalDateTime.of(2026, 2, 2, 9, 0));
            dossiers.runDueJobs(action);
            // the month's signed attendance sheet is on file: hours are confirmed only with their signatures
            dossiers.uploadSignedSheet(action, "2026-01");

            openTask(browser, action, "Task_DeclareMonth", "Tâches de mon organisme");
            browser.waitForText("Heures par stagiaire");
            browser.waitForText("Élodie");
            for (WebElement hours : browser.all(By.xpath("//label[contains(., 'Réalisées en centre')]"))) {
                WebElement field = browser.driver().findElement(By.id(hours.getDomAttribute("for")));
                browser.replace(field, "70");
            }
            browser.choose("Je confirme la déclaration du mois");
            complete(browser, action, "mois-confirme");
            assertThat(dossiers.openTaskKeys(action)).contains("Task_ConfirmInvoice").doesNotContain("Task_DeclareMonth");
        }
    }
}
