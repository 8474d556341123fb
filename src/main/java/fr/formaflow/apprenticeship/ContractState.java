package fr.formaflow.apprenticeship;

/** The states of an apprenticeship contract on the OPCO's platform, as the CFA sees them. */
public enum ContractState {
    RECEIVED("Reçu", "saisi par l'adhérent via le webservice de l'OPCO"),
    IN_REVIEW("En instruction", "pris en main par un conseiller de l'OPCO"),
    PENDING("En attente", "incomplet : l'adhérent ou le CFA doit transmettre ce qui manque"),
    IN_PROGRESS("En cours", "complet, avec un accord de prise en charge financière"),
    CANCELLED("Annulé", "annulé par l'adhérent"),
    DELETED("Supprimé", "supprimé par un conseiller à la demande de l'adhérent");

    private final String label;
    private final String meaning;

    ContractState(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
