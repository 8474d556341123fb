package fr.formaflow.attendance;

public enum DeclarationStatus {
    /** Waiting for the end of the month, or for the organisation's entry. */
    OPEN,
    /** Not confirmed within the window: waits for the end of the next period (seed 003 §3.5.1). */
    POSTPONED,
    /** Confirmed by the organisation: it may be invoiced, and the next month may be confirmed. */
    CONFIRMED
}
