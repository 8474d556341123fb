package fr.formaflow.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The bytes of a {@link Document}, read only when someone downloads it. Its id is its document's, known before it is
 * stored: it says itself whether it is new, or Spring Data would take it for a stored one and read its row first.
 */
@Entity
@Table(name = "document_content")
class DocumentContent implements Persistable<Long> {

    @Id
    private Long documentId;

    @Column(nullable = false)
    private byte[] content;

    @Transient
    private boolean isNew = true;

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

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}
