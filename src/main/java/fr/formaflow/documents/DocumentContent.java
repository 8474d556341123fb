package fr.formaflow.documents;

import fr.formaflow.platform.ChosenIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a {@link Document}, read only when someone downloads it. Its id is its document's, known before it is stored. */
@Entity
@Table(name = "document_content")
class DocumentContent extends ChosenIdEntity<Long> {

    @Id
    private Long documentId;

    @Column(nullable = false)
    private byte[] content;

    protected DocumentContent() {
    }

    DocumentContent(Long documentId, byte[] content) {
        this.documentId = documentId;
        this.content = content;
    }

    byte[] getContent() {
        return content;
    }

    @Override
    public Long getId() {
        return documentId;
    }
}
