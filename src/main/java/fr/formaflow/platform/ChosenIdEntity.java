package fr.formaflow.platform;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is chosen before it is stored, not by the database. Spring Data takes an entity with an id for a
 * stored one and merges it, reading its row first; this one says itself that it is new until stored or loaded.
 */
@MappedSuperclass
public abstract class ChosenIdEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean isNew = true;

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
