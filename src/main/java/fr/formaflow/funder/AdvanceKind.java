package fr.formaflow.funder;

/**
 * The advance a Région market pays before the periodic payments (seed 003: « le versement d'une avance forfaitaire
 * ou facultative »), chosen by the organisation at opening; funder-rules.dmn says which ones a funder offers and at
 * what rates.
 */
public enum AdvanceKind {
    /** No advance: the organisation declined it, or the funder offers none. */
    NONE("Pas d'avance"),
    /** « Avance forfaitaire »: the funder's fixed rate, on markets above a price and a duration. */
    FLAT("Avance forfaitaire"),
    /** « Avance facultative »: the rate the organisation asks for, up to the funder's maximum. */
    OPTIONAL("Avance facultative");

    private final String label;

    AdvanceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
