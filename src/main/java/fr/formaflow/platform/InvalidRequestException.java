package fr.formaflow.platform;

import java.util.List;

/** A request whose parameters are invalid (HTTP 400): a French summary, and one sentence per faulty parameter. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> details;

    public InvalidRequestException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }

    /** Throws when there is at least one problem. */
    public static void throwIfAny(String message, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(message, problems);
        }
    }
}
