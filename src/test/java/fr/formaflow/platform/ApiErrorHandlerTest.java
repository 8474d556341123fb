package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;

/** Formaflow's API when the database gave up waiting for another user's transaction: a French 409, nothing half-saved. */
class ApiErrorHandlerTest {

    private final ApiErrorHandler handler = new ApiErrorHandler();

    @Test
    void aFindOrCreateThatGaveUpWaitingIsAConflictToRetry() {
        var answer = handler.lockNotAcquired(new CannotAcquireLockException(InsertIfAbsent.GAVE_UP_WAITING + " of trainer, uncommitted for 10000 ms"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().message()).isEqualTo(ApiErrorHandler.SAME_DATA_AT_ONCE).contains("Réessayez");
        assertThat(answer.getBody().details()).isEmpty();
    }

    @Test
    void anyRowLockTimeoutIsTheSameConflict() {
        var answer = handler.lockNotAcquired(new PessimisticLockingFailureException("Timeout trying to lock table TRAINEE"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().message()).doesNotContain("TRAINEE");
    }
}
