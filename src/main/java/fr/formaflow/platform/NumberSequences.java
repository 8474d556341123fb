package fr.formaflow.platform;

import jakarta.persistence.EntityManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbering. The series' row stays locked until the caller's transaction ends, so two
 * transactions never get the same number, and a rolled-back one gives its number back.
 */
@Service
public class NumberSequences {

    private final NumberSequenceRepository repository;
    private final EntityManager entityManager;
    private final String createIfAbsent;

    public NumberSequences(NumberSequenceRepository repository, EntityManager entityManager,
                           @Value("${spring.datasource.url:}") String databaseUrl) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.createIfAbsent = databaseUrl.startsWith("jdbc:postgresql:")
                // a concurrent creation waits for the first one's transaction, then does nothing
                ? "insert into number_sequence (name, last_value) values (:name, 0) on conflict do nothing"
                : "insert into number_sequence (name, last_value) select :name, 0 where not exists (select 1 from number_sequence where name = :name)";
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series) {
        NumberSequence sequence = repository.lock(series).orElseGet(() -> {
            // created in the caller's transaction: creating it in a transaction of its own took a second connection
            // while holding one, and as many concurrent first numbers as the pool has connections waited for each other
            entityManager.createNativeQuery(createIfAbsent).setParameter("name", series).executeUpdate();
            return repository.lock(series).orElseThrow();
        });
        return sequence.next();
    }
}
