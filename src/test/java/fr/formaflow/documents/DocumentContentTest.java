package fr.formaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** A document's bytes are inserted as they are, without Spring Data looking their row up first (a merge). */
@FormaflowTest
class DocumentContentTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRepository documents;
    @Autowired
    DocumentContentRepository contents;
    @Autowired
    TrainingActionRepository actions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EntityManager entityManager;

    @Test
    void newBytesArePersistedNotMerged() {
        byte[] pdf = {'%', 'P', 'D', 'F'};
        long actionId = new DossierDriver(context).create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Pièces").getId();
        transactions.executeWithoutResult(status -> {
            TrainingAction action = actions.findById(actionId).orElseThrow();
            Document document = documents.save(Document.generated(action.getId(), action.getOrganisation().getId(), DocumentType.CONVOCATION,
                    null, null, "contenu.pdf", pdf.length, "0".repeat(64), 1, LocalDateTime.now()));
            DocumentContent content = new DocumentContent(document.getId(), pdf);
            assertThat(content.isNew()).isTrue();
            // a merge would hand back another instance, after reading the row
            assertThat(contents.save(content)).isSameAs(content);
            entityManager.flush();
            assertThat(content.isNew()).isFalse();
            entityManager.clear();
            DocumentContent stored = contents.findById(document.getId()).orElseThrow();
            assertThat(stored.getContent()).isEqualTo(pdf);
            assertThat(stored.isNew()).isFalse();
            status.setRollbackOnly();
        });
    }
}
