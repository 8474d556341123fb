package fr.formaflow.funder;

/** The kind of funding a funder runs; funder-rules.dmn decides the steps and rules of each. */
public enum FundingScheme {
    /** A Région buying training through a public market (seed: Région Languedoc-Roussillon). */
    REGION_MARKET("Marché régional"),
    /** An OPCO funding training for its member companies. */
    OPCO("OPCO"),
    /** Formiris: a purchase order must be signed and returned before any attendance. */
    FORMIRIS("Formiris"),
    /** A portage platform invoicing the client or its OPCO on the organisation's behalf. */
    PORTAGE("Plateforme de portage");

    private final String label;

    FundingScheme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
