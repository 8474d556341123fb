package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.support.DossierDriver;
import org.junit.jupiter.api.Test;

/**
 * What differs per scheme on the dossier page: a portage organisation chooses the platform's offer that corresponds to
 * its action (seed 000); a Formiris organisation's prestation is checked tab by tab before it is saved (seed 001).
 */
class DossierPageShowsEachSchemesBlocksTest extends JourneyTest {

    @Test
    void organisationChoosesItsPortageOfferAndIsToldWhatItsPrestationLacks() {
        TrainingAction portage = dossiers.create(DossierDriver.ORGANISATION_USER, DemoData.PORTAGE, "Régie plateau");
        dossiers.complete(DossierDriver.ORGANISATION_USER, portage, "Task_SubmitDossier", DossierDriver.programme(2));
        TrainingAction formiris = dossiers.create(DossierDriver.ORGANISATION_USER, dossiers.formirisFunder(), "Pédagogie différenciée",
                GeographicScope.REGIONAL);
        try (Browser browser = browser("organisation-chooses-its-portage-offer")) {
            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.waitForText("Tâches de mon organisme");
            browser.open("/dossiers.html#" + portage.getId());
            browser.waitForText("Offres de la plateforme de portage");
            browser.waitForText("L'offre qui vous correspond");
            browser.screenshot("offres-de-portage");
            browser.click("Choisir cette offre");
            browser.waitForText("Offre choisie");
            assertThat(dossiers.reload(portage).getPortageOfferId()).isNotNull();

            browser.open("/dossiers.html?formiris#" + formiris.getId());
            browser.waitForText("Enregistrer la prestation");
            browser.click("Enregistrer la prestation");
            browser.waitForText("Onglet Session");
            browser.screenshot("prestation-incomplete");
            assertThat(browser.pageText()).contains("Type de coût des sessions");
        }
    }
}
