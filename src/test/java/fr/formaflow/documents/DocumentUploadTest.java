package fr.formaflow.documents;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads are checked by what the file is, not by its name; a refused file leaves nothing behind. */
@FormaflowTest
class DocumentUploadTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void onlyReadablePdfsAndImagesWithinTheSizeLimitAreKept() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Pièces");

        assertRefused(action, "scan.pdf", "%PDF-1.7 truncated".getBytes(StandardCharsets.US_ASCII), "est un PDF illisible ou endommagé");
        assertRefused(action, "contrat.pdf", "PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), "n'est ni un PDF, ni une image JPEG ou PNG");
        assertRefused(action, "vide.pdf", new byte[0], "Le fichier « vide.pdf » est vide.");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(DossierDriver.pdf(), 0, huge, 0, 10);
        assertRefused(action, "enorme.pdf", huge, "dépasse la taille autorisée (10 Mo)");
        long stored = list(action);
        assertThat(stored).as("nothing stored").isZero();

        upload(action, "contrat.pdf", DossierDriver.pdf());
        upload(action, "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10});
        upload(action, "scan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        java.util.List<String> types = transactions.execute(s -> documents.of(driver.reload(action)).stream().map(Document::getContentType).toList());
        assertThat(types).containsExactlyInAnyOrder("application/pdf", "image/jpeg", "image/png");
        assertRefused(action, "convention.pdf", DossierDriver.pdf(), DocumentType.TRAINING_AGREEMENT,
                "est produit par Formaflow : versez la version signée");
    }

    void upload(TrainingAction action, String name, byte[] content) {
        transactions.executeWithoutResult(s -> documents.upload(new DossierDriver(context).reload(action), DocumentType.SUBCONTRACTING_CONTRACT,
                null, name, content, ORGANISATION_USER));
    }

    void assertRefused(TrainingAction action, String name, byte[] content, String message) {
        assertRefused(action, name, content, DocumentType.SUBCONTRACTING_CONTRACT, message);
    }

    void assertRefused(TrainingAction action, String name, byte[] content, DocumentType type, String message) {
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> documents.upload(new DossierDriver(context).reload(action), type,
                null, name, content, ORGANISATION_USER)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(message);
    }

    long list(TrainingAction action) {
        return transactions.execute(s -> (long) documents.of(new DossierDriver(context).reload(action)).size());
    }
}
