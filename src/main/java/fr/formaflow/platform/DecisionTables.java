package fr.formaflow.platform;

import java.util.List;
import java.util.Map;

/**
 * The DMN decision tables deployed with the processes (processes/*.dmn), for a capability that must not know the engine:
 * implemented by the process layer (process/EngineDecisionTables), evaluated as the system (the funders' rules are
 * public to a dossier's users, evaluating a decision needs a permission they do not have) and cached per deployed version.
 */
public interface DecisionTables {

    /** The values of one output of every rule that matches these inputs, in the table's order. */
    <T> List<T> collect(String decisionKey, Map<String, Object> inputs, String output);
}
