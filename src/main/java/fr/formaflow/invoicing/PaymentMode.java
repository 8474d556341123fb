package fr.formaflow.invoicing;

/** How the periodic payments of an action are requested, chosen at opening. */
public enum PaymentMode {
    MONTHLY("Mensuel"),
    QUARTERLY("Trimestriel"),
    THREE_ADVANCES("Trois acomptes");

    private final String label;

    PaymentMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
