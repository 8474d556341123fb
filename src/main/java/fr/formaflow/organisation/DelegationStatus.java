package fr.formaflow.organisation;

/** Where a delegation request stands; only an ACTIVE delegation grants anything. */
public enum DelegationStatus {
    PENDING("en attente de réponse"),
    ACTIVE("active"),
    REFUSED("refusée"),
    EXPIRED("expirée sans réponse"),
    ENDED("terminée");

    private final String label;

    DelegationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
