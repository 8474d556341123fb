package fr.formaflow.compliance;

/** One result of the consistency check: a French sentence that names what disagrees and says how to fix it. */
public record Finding(Severity severity, String message) {

    public enum Severity {
        /** Stops the step that sends something to the funder: the organisation sees it in its task. */
        BLOCKING,
        /** Shown to the funder's validator next to the approve button. */
        WARNING
    }

    static Finding blocking(String message) {
        return new Finding(Severity.BLOCKING, message);
    }

    static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }

    public boolean isBlocking() {
        return severity == Severity.BLOCKING;
    }
}
