package fr.formaflow.dossier;

/** Where a dossier stands, in the words the organisation sees. */
public enum DossierPhase {
    SUBMISSION("Dépôt du dossier"),
    CONTRACT("Contractualisation"),
    TRAINEES("Inscription des stagiaires"),
    OPENING("Ouverture de l'action"),
    EXECUTION("Exécution : déclarations mensuelles"),
    EVALUATION("Évaluations"),
    CLOSURE("Clôture et solde"),
    FOLLOW_UP("Suivi des stagiaires à 6 mois et 1 an"),
    CLOSED("Dossier clôturé"),
    REFUSED("Dossier refusé"),
    NOT_OPENED("Action non ouverte");

    private final String label;

    DossierPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
