package fr.formaflow.dossier;

/**
 * A dossier entered another phase: published as a Spring event, synchronously in the transaction of the change, for the
 * capabilities above dossier that announce it (events' webhooks).
 */
public record DossierPhaseChanged(TrainingAction action, DossierPhase phase) {
}
