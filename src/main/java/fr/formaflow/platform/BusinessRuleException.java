package fr.formaflow.platform;

import java.util.List;

/**
 * A rule of the domain refused the change. The message is French and is shown as is to the user, in Tasklist
 * (the engine rolls the whole transaction back, so nothing is half-written) or through the API.
 */
public class BusinessRuleException extends RuntimeException {

    /**
     * The engine wraps exceptions thrown by task listeners in its own, technical one; the REST error filter
     * finds the French message here (same thread) to show it as is.
     */
    private static final ThreadLocal<BusinessRuleException> LAST = new ThreadLocal<>();

    private final String summary;
    private final List<String> details;

    public BusinessRuleException(String message) {
        this(message, List.of());
    }

    public BusinessRuleException(String message, List<String> details) {
        super(details.isEmpty() ? message : message + " " + String.join(" ", details));
        this.summary = message;
        this.details = List.copyOf(details);
        LAST.set(this);
    }

    static BusinessRuleException takeLast() {
        BusinessRuleException last = LAST.get();
        LAST.remove();
        return last;
    }

    public String summary() {
        return summary;
    }

    public List<String> details() {
        return details;
    }

    /** Throws if any problem was found, naming each one. */
    public static void throwIfAny(String message, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BusinessRuleException(message, problems);
        }
    }
}
