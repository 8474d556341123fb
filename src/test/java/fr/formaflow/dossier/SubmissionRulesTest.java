package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** "Déposer le dossier" refuses what the domain forbids, naming each problem, and keeps nothing of a refused submission. */
@FormaflowTest
class SubmissionRulesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void subcontractorsMustBeKnownOrganisationsOtherThanTheTitular() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Sous-traitance");
        Map<String, Object> values = new java.util.HashMap<>(DossierDriver.programme(2));
        values.put("subcontractors", DossierDriver.json("[{\"siret\":\"73282932000074\"},{\"siret\":\"42110064500017\"},{\"siret\":\"123\"}]"));
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", values))
                .hasMessageContaining("Sous-traitant 1 : aucun organisme n'a le SIRET 73282932000074")
                .hasMessageContaining("Sous-traitant 2 : le titulaire ne peut pas être son propre sous-traitant.")
                .hasMessageContaining("Sous-traitant 3 : Le numéro SIRET « 123 » doit comporter 14 chiffres.");
        assertThat(driver.reload(action).getPlannedStart()).as("nothing of the refused submission is kept").isNull();

        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThat(driver.reload(action).getSubcontractorIds()).hasSize(1);
        assertThat((String) driver.formVariables(action, "CallActivity_ValidateSubmission").get("summary")).contains("nombre de sous-traitants : 1");
    }
}
