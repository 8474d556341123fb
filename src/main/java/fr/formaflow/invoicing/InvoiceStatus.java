package fr.formaflow.invoicing;

public enum InvoiceStatus {
    /** Computed by Formaflow, waiting for the organisation's confirmation. */
    DRAFT("À confirmer par l'organisme"),
    /** Confirmed and numbered, sent to the funder. */
    ISSUED("En attente de validation du financeur"),
    ACCEPTED("Acceptée pour paiement"),
    /** Rejected by the funder: stays visible with its reason. */
    REJECTED("Rejetée"),
    PAID("Payée");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
