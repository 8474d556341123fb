package fr.formaflow.dossier;

import java.util.Optional;

/** A condition another capability sets on opening an action (e.g. its offer published in the catalogue). */
public interface OpeningCondition {

    /** Why the action cannot be opened yet, in French; empty when it can. */
    Optional<String> refusal(TrainingAction action);
}
