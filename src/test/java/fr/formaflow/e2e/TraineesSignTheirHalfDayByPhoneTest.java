package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

class TraineesSignTheirHalfDayByPhoneTest extends JourneyTest {

    @Test
    void theOrganisationShowsTheQrCodesAndATraineeAndATrainerSign() {
        DossierDriver.clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = dossiers.runToExecution("MONTHLY", 3, 2);
        DossierDriver.clock(LocalDateTime.of(2026, 1, 5, 9, 0));

        try (Browser browser = browser("trainees-sign-their-half-day-by-phone")) {
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.open("/dossiers.html#" + action.getId());
            browser.waitForText(action.getContractNumber() + " — Accessoiriste");
            browser.click("Ouvrir une demi-journée à la signature");
            browser.waitForText("Ouvrir la session et afficher les QR codes");
            // the browser's calendar is today's, the engine's is 5 January 2026
            script(browser, "document.getElementById('day').value = '2026-01-05';");
            browser.select("half", "Matin");
            browser.click("Ouvrir la session et afficher les QR codes");
            browser.waitForText("QR codes du 05/01/2026 (matin)");
            browser.settle();
            browser.screenshot("qr-codes");
            List<WebElement> codes = browser.all(By.cssSelector("#codes img"));
            assertThat(codes).hasSize(4);
            assertThat(codes).allSatisfy(img -> assertThat((Long) script(browser, "return arguments[0].naturalWidth;", img))
                    .isGreaterThan(0));
            List<String> links = browser.all(By.cssSelector("#codes a")).stream().map(a -> a.getDomAttribute("href")).toList();

            // Anna, then a trainer, sign from their phone: the link's page, no account
            browser.open("/signer.html" + links.get(0).substring(links.get(0).indexOf('?')));
            browser.waitForText("lundi 5 janvier 2026, matin");
            browser.waitForText("Anna STAGIAIREA");
            browser.screenshot("a-signer");
            browser.click("Je signe ma présence");
            browser.waitForText("Merci Anna STAGIAIREA : votre présence du lundi 5 janvier 2026 (matin) est signée à 09:00.");
            browser.screenshot("signe");
            browser.open("/signer.html" + links.get(0).substring(links.get(0).indexOf('?')));
            browser.waitForText("Ce lien de signature a déjà été utilisé.");
            browser.open("/signer.html" + links.get(3).substring(links.get(3).indexOf('?')));
            browser.click("Je signe ma présence");
            browser.waitForText("votre présence du lundi 5 janvier 2026 (matin) est signée");

            // the organisation's page lists who signed when, the half-day counted
            browser.open("/emargement.html#" + action.getId());
            browser.waitForText("Aucune session de signature ce mois-ci."); // the browser's month, December
            script(browser, "document.getElementById('month').value = '2026-01';");
            browser.click("Actualiser");
            browser.waitForText("Signé le 05/01/2026 à 09:00");
            browser.screenshot("signatures-du-mois");
            assertThat(browser.pageText()).contains("Anna STAGIAIREA\tStagiaire\tSigné le 05/01/2026 à 09:00\toui");
        }
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }
}
