package fr.formaflow.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** The sentences that concern one field of the form, by the field's key (Tasklist shows each under its field). */
    private final Map<String, List<String>> fields;

    public BusinessRuleException(String message) {
        this(message, List.of());
    }

    public BusinessRuleException(String message, List<String> details) {
        this(message, details, Map.of());
    }

    public BusinessRuleException(String message, List<String> details, Map<String, List<String>> fields) {
        super(details.isEmpty() ? message : message + " " + String.join(" ", details));
        this.summary = message;
        this.details = List.copyOf(details);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((key, sentences) -> copy.put(key, List.copyOf(sentences)));
        this.fields = java.util.Collections.unmodifiableMap(copy);
        LAST.set(this);
    }

    /** A refusal that concerns one field of the form. */
    public static BusinessRuleException about(String field, String message) {
        return new BusinessRuleException(message, List.of(), field == null ? Map.of() : Map.of(field, List.of(message)));
    }

    /** The same refusal, its fields named as the form names them (a domain's name → the form's key); others unchanged. */
    public BusinessRuleException withFieldsRenamed(Map<String, String> formKeys) {
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        fields.forEach((key, sentences) -> renamed.merge(formKeys.getOrDefault(key, key), sentences, (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        BusinessRuleException copy = new BusinessRuleException(summary, details, renamed);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The sentences by field key; empty when none concerns one field in particular. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    public static BusinessRuleException takeLast() {
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
