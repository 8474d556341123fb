package fr.formaflow.platform;

/** The current user may not see or do this; the message is shown to them, in French. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
