package fr.formaflow.platform;

import org.springframework.dao.DataIntegrityViolationException;
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
    private final SeriesCreator creator;

    public NumberSequences(NumberSequenceRepository repository, SeriesCreator creator) {
        this.repository = repository;
        this.creator = creator;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String series) {
        NumberSequence sequence = repository.lock(series).orElseGet(() -> {
            try {
                creator.create(series);
            } catch (DataIntegrityViolationException createdConcurrently) {
                // another transaction created the series first: locking it is all we need
            }
            return repository.lock(series).orElseThrow();
        });
        return sequence.next();
    }

    /** Creates a series in its own transaction, so that a concurrent creation only costs a retry of the lock. */
    @Service
    static class SeriesCreator {

        private final NumberSequenceRepository repository;

        SeriesCreator(NumberSequenceRepository repository) {
            this.repository = repository;
        }

        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void create(String series) {
            if (!repository.existsById(series)) {
                repository.saveAndFlush(new NumberSequence(series));
            }
        }
    }
}
