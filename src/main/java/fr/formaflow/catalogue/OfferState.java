package fr.formaflow.catalogue;

/** Where the organisation's revision of an offer stands, in the words the organisation sees. */
public enum OfferState {
    DRAFT("À compléter par l'organisme"),
    IN_VALIDATION("Envoyée pour validation"),
    PUBLISHED("Publiée"),
    WITHDRAWN("Retirée du catalogue");

    private final String label;

    OfferState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
