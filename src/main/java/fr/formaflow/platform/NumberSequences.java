package fr.formaflow.platform;

import java.util.Map;
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
    private final InsertIfAbsent insertIfAbsent;

    public NumberSequences(NumberSequenceRepository repository, InsertIfAbsent insertIfAbsent) {
        this.repository = repository;
        this.insertIfAbsent = insertIfAbsent;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series) {
        NumberSequence sequence = repository.lock(series).orElseGet(() -> {
            // created in the caller's transaction: creating it in a transaction of its own took a second connection
            // while holding one, and as many concurrent first numbers as the pool has connections waited for each other
            insertIfAbsent.insert("number_sequence", Map.of("name", series, "last_value", 0L), "name");
            return repository.lock(series).orElseThrow();
        });
        return sequence.next();
    }
}
