package fr.formaflow.trainee;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The trainee rules of seed 003 §3.2, as the organisation meets them in "Saisir les stagiaires". */
@FormaflowTest
class TraineeRulesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TraineeService trainees;

    @Test
    void neverMoreTraineesThanDeclaredAndEveryMissingFieldNamed() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Capacité");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.approve(action, "CallActivity_ValidateSubmission");
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");

        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(3)))
                .hasMessageContaining("Vous déclarez 3 stagiaires pour un effectif total de 2")
                .hasMessageContaining("Vous déclarez 3 stagiaires rémunérés pour un effectif rémunéré de 2");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees",
                Map.of("trainees", DossierDriver.json("[{\"lastName\":\"Dupont\",\"postcode\":\"3400\"}]"))))
                .hasMessageContaining("Stagiaire 1 : le champ « Prénom » est obligatoire.")
                .hasMessageContaining("Stagiaire 1 : le champ « Prescripteur » est obligatoire.")
                .hasMessageContaining("le code postal « 3400 » doit comporter 5 chiffres");
        assertThat(trainees.of(action.getId())).as("a refused list changes nothing").isEmpty();

        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(2));
        assertThat(trainees.of(action.getId())).hasSize(2);
    }
}
