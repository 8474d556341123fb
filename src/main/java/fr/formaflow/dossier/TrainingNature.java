package fr.formaflow.dossier;

/** The nature of the action, as printed on the certificate of completion (Ministry of Labour model). */
public enum TrainingNature {
    ACTION_DE_FORMATION("Action de formation"),
    BILAN_DE_COMPETENCES("Bilan de compétences"),
    VAE("Action de validation des acquis de l'expérience"),
    APPRENTISSAGE("Action de formation par apprentissage");

    private final String label;

    TrainingNature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
