package fr.formaflow.funder;

/** How the periodic payments of an action are requested, chosen at opening. */
public enum PaymentMode {
    MONTHLY("Mensuel"),
    QUARTERLY("Trimestriel"),
    THREE_ADVANCES("Trois acomptes"),
    /** Portage: nothing is invoiced during the action; the whole training is invoiced at closure. */
    AT_CLOSURE("Facturation à la clôture");

    private final String label;

    PaymentMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
