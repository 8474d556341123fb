package fr.formaflow.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bare engine's {@code ${dossierRouting}}: Formaflow reads a task's candidate groups from the domain through the
 * business key; the baseline has one organisation and one funder, so it answers with their groups.
 */
public final class BareRouting {

    public String organisationGroup(DelegateExecution execution) {
        return BareLifecycle.ORGANISATION_GROUP;
    }

    public String funderGroup(DelegateExecution execution) {
        return BareLifecycle.FUNDER_GROUP;
    }
}
