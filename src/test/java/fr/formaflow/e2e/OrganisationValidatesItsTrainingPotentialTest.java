package fr.formaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.catalogue.OrganisationListingRepository;
import fr.formaflow.catalogue.TrainingPotential;
import fr.formaflow.demo.DemoData;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.support.DossierDriver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The organisation fills in its « potentiel de formation » on the catalogue page and validates it; the LHÉO feed is linked. */
class OrganisationValidatesItsTrainingPotentialTest extends JourneyTest {

    @Test
    void organisationValidatesItsTrainingPotential() {
        try (Browser browser = browser("organisation-validates-its-training-potential")) {
            browser.open("/catalogue.html");
            assertThat(browser.visible(By.id("lheoLink")).getDomAttribute("href")).isEqualTo("/public/catalogue/lheo.xml");
            browser.waitForText("Télécharger le catalogue au format LHÉO");

            browser.login("tasklist", DossierDriver.ORGANISATION_USER, PASSWORD);
            browser.waitForText("Tâches de mon organisme");
            browser.open("/catalogue.html");
            browser.waitForText("Mon potentiel de formation");
            browser.fill("presentation", "Centre de formation aux métiers du spectacle vivant depuis 1998.");
            browser.fill("formacodes", "45054, 45065");
            browser.fill("sites", "Théâtre, 12 rue des Arts, 34800 Clermont-l'Hérault");
            browser.fill("accessibility", "Locaux de plain-pied ; référent handicap : Marie Durand.");
            browser.fill("registrationContact", "Marie Durand");
            browser.fill("registrationPhone", "04 67 00 00 00");
            browser.fill("registrationEmail", "inscriptions@scenes-formations.fr");
            browser.fill("trainers", "");
            browser.click("Enregistrer");
            browser.waitForText("À compléter avant de valider votre potentiel de formation");
            browser.waitForText("nombre de formateurs");
            browser.screenshot("potentiel-incomplet");

            browser.fill("trainers", "6");
            browser.click("Valider mon potentiel de formation");
            browser.waitForText("Votre potentiel de formation est validé pour 12 mois.");
            browser.screenshot("potentiel-valide");

            long organisationId = context.getBean(OrganisationRepository.class).findBySiret(DemoData.TITULAR_SIRET).orElseThrow().getId();
            TrainingPotential saved = context.getBean(OrganisationListingRepository.class).findById(organisationId).orElseThrow().getPotential();
            assertThat(saved.formacodes()).containsExactly("45054", "45065");
            assertThat(saved.trainers()).isEqualTo(6);
            assertThat(saved.problems()).isEmpty();
        }
    }
}
