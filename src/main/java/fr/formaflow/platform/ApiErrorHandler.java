package fr.formaflow.platform;

import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every error of Formaflow's API reaches the user as a French sentence, with the details that help fix it. */
@RestControllerAdvice
public class ApiErrorHandler {

    /** Another user's transaction held the same row (or the same new row) for longer than the database waits. */
    public static final String SAME_DATA_AT_ONCE = "Une autre personne enregistre les mêmes informations au même moment : "
            + "rien n'a été enregistré. Réessayez dans quelques instants.";

    public record ApiError(String message, List<String> details) {
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ApiError> businessRule(BusinessRuleException e) {
        return ResponseEntity.unprocessableEntity().body(new ApiError(e.summary(), e.details()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), e.details()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError(e.getMessage(), List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage(), List.of()));
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ApiError> lockNotAcquired(PessimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(SAME_DATA_AT_ONCE, List.of()));
    }

    @ExceptionHandler(EmailNotSentException.class)
    ResponseEntity<ApiError> emailNotSent(EmailNotSentException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(e.getMessage(), List.of()));
    }

    /**
     * A body Jackson could not map, including a key given twice to a record ({"login":…,"login":…}), which Jackson
     * reports as a type definition error rather than a syntax error.
     */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMessageConversionException.class})
    ResponseEntity<ApiError> unreadable(HttpMessageConversionException e) {
        if (e instanceof HttpMessageNotWritableException) {
            throw e;
        }
        return ResponseEntity.badRequest().body(new ApiError("La requête est illisible : vérifiez les données envoyées (format JSON attendu).", List.of()));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError("Un paramètre de la requête est manquant ou invalide.", List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiError(HttpErrors.sentence(413), List.of()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badUpload(MultipartException e) {
        return ResponseEntity.badRequest().body(new ApiError("L'envoi de fichier est illisible : choisissez de nouveau le fichier et réessayez.", List.of()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<String> details = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " : " + f.getDefaultMessage()).toList();
        return ResponseEntity.badRequest().body(new ApiError("Certaines informations sont manquantes ou invalides.", details));
    }

}
