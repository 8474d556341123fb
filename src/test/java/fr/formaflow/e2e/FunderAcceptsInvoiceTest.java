package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import org.junit.jupiter.api.Test;

class FunderAcceptsInvoiceTest extends JourneyTest {

    @Test
    void funderAcceptsAnInvoice() {
        TrainingAction action = dossiers.runToFirstInvoice();
        try (Browser browser = browser("funder-accepts-an-invoice")) {
            browser.login("tasklist", DossierDriver.FUNDER_USER, PASSWORD);
            openTask(browser, action, "Task_ValidateInvoice", "À valider");
            browser.waitForText("F2026-");
            browser.waitForText("€");
            browser.screenshot("facture-a-valider");
            browser.choose("Valider");
            complete(browser, action, "facture-validee");
            assertThat(dossiers.openTaskKeys(action)).contains("Task_RecordPayment").doesNotContain("Task_ValidateInvoice");
        }
    }
}
