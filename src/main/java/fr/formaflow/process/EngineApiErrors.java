package fr.formaflow.process;

import fr.formaflow.platform.ApiErrorHandler.ApiError;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine's errors in Formaflow's own API (platform/ApiErrorHandler answers the others), in French. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EngineApiErrors {

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrentChange(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(
                "Cette tâche vient d'être modifiée ou terminée par une autre personne. Rechargez la page pour voir son état actuel.", List.of()));
    }
}
