package fr.formaflow.dossier;

/** Where hours are spent: in the training centre, or in the company (alternance). */
public enum Place {
    CENTRE("en centre"),
    COMPANY("en entreprise");

    private final String label;

    Place(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
