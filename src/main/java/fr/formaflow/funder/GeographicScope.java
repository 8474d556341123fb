package fr.formaflow.funder;

/**
 * A dossier's geographic scope (périmètre géographique de la formation) at funders organised in territories, as Formiris
 * is (seed 001): a regional training is handled by the association territoriale the organisation depends on, a national
 * one by the head office (siège). Each has its own validators and its own contact for questions.
 */
public enum GeographicScope {
    REGIONAL("régional"),
    NATIONAL("national");

    private final String label;

    GeographicScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
