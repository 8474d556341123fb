package fr.formaflow.documents;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trainer's contract and charter are signed for one dossier and count for it only; the trainer's CV and identity are
 * the person's and count wherever the trainer teaches (issue 22: a new dossier showed another dossier's contracts ticked).
 */
@FormaflowTest
class DossierDocumentsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    fr.formaflow.compliance.FunderChecklists checklists;

    @Test
    void aTrainersContractAndCharterBelongToOneDossierHisCvAndIdentityToHim() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction first = submitted(driver, "Régie son", DossierDriver.programme(3));
        TrainingAction second = submitted(driver, "Régie lumière", DossierDriver.programme(3));
        driver.uploadContractDocuments(first);

        List<String> secondsTypes = driver.documentTypes(second);
        assertThat(secondsTypes).contains("TRAINER_CV", "TRAINER_ID").doesNotContain("TRAINER_CONTRACT", "TRAINER_CHARTER");
        assertThat(driver.documentTypes(first)).contains("TRAINER_CONTRACT", "TRAINER_CHARTER", "TRAINER_CV", "TRAINER_ID");

        Set<DocumentType> trainerPapers = Set.of(DocumentType.TRAINER_CONTRACT, DocumentType.TRAINER_CHARTER, DocumentType.TRAINER_CV,
                DocumentType.TRAINER_ID);
        assertThat(missing(driver, first, trainerPapers)).isEmpty();
        assertThat(missing(driver, second, trainerPapers)).containsExactlyInAnyOrder(
                "Pièce manquante : Contrat de sous-traitance du formateur signé (Yves ROCHER).",
                "Pièce manquante : Contrat de sous-traitance du formateur signé (Jacques MEUNIER).",
                "Pièce manquante : Charte du formateur signée (Yves ROCHER).",
                "Pièce manquante : Charte du formateur signée (Jacques MEUNIER).");
    }

    @Test
    void theSubcontractingContractIsAskedOnlyWhenTheDossierHasASubcontractor() {
        DossierDriver driver = new DossierDriver(context);
        Map<String, Object> programme = new java.util.HashMap<>(DossierDriver.programme(3));
        programme.remove("subcontractors");
        TrainingAction withoutSubcontractor = submitted(driver, "Sans sous-traitant", programme);
        TrainingAction withSubcontractor = submitted(driver, "Avec sous-traitant", DossierDriver.programme(3));

        String asked = "SUBCONTRACTING_CONTRACT,SIGNED_AGREEMENT";
        Set<DocumentType> alone = transactions.execute(s -> DocumentService.required(driver.reload(withoutSubcontractor), asked));
        Set<DocumentType> both = transactions.execute(s -> DocumentService.required(driver.reload(withSubcontractor), asked));
        assertThat(alone).containsExactly(DocumentType.SIGNED_AGREEMENT);
        assertThat(both).containsExactly(DocumentType.SUBCONTRACTING_CONTRACT, DocumentType.SIGNED_AGREEMENT);
        List<String> panel = transactions.execute(s -> checklists.requirements(driver.reload(withoutSubcontractor), "CONTRACT").stream()
                .map(r -> r.item().label()).toList());
        assertThat(panel).contains("Convention de formation signée par le client").doesNotContain("Contrat de sous-traitance signé");
    }

    private static TrainingAction submitted(DossierDriver driver, String title, Map<String, Object> programme) {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, title);
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", programme);
        driver.approve(action, "CallActivity_ValidateSubmission");
        return driver.reload(action);
    }

    private List<String> missing(DossierDriver driver, TrainingAction action, Set<DocumentType> types) {
        return transactions.execute(s -> {
            TrainingAction current = driver.reload(action);
            assertThat(current.getTrainers()).extracting(TrainerAssignment::trainerId).hasSize(2);
            return documents.missing(current, types);
        });
    }
}
