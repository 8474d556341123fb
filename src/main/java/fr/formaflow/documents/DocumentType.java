package fr.formaflow.documents;

/** The papers of a dossier; funder-rules.dmn lists, per funding scheme, those the funder requires. */
public enum DocumentType {
    SUBCONTRACTING_CONTRACT("Contrat de sous-traitance signé", false),
    TRAINER_CONTRACT("Contrat de sous-traitance du formateur signé", true),
    TRAINER_CHARTER("Charte du formateur signée", true),
    TRAINER_CV("CV du formateur", true),
    TRAINER_ID("Copie de la pièce d'identité du formateur", true),
    SIGNED_AGREEMENT("Convention de formation signée par le client", false),
    SIGNED_PURCHASE_ORDER("Bon de commande signé et tamponné", false),
    FUNDING_AGREEMENT("Accord de prise en charge de l'OPCO", false),
    ATTENDANCE_SHEET("Feuille d'émargement signée", false),
    OTHER("Autre pièce", false);

    private final String label;
    private final boolean perTrainer;

    DocumentType(String label, boolean perTrainer) {
        this.label = label;
        this.perTrainer = perTrainer;
    }

    public String label() {
        return label;
    }

    /** Kept once per trainer and reused across the organisation's dossiers. */
    public boolean perTrainer() {
        return perTrainer;
    }
}
