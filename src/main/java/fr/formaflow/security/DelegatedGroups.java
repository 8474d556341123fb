package fr.formaflow.security;

import java.util.Collection;
import java.util.List;

/**
 * The groups a user also acts for, by delegation: a CFA's users act for the organisations that delegated their dossiers
 * to it. Implemented by the organisation capability (its Delegations), above security.
 */
public interface DelegatedGroups {

    /** The groups of the organisations these groups act for by delegation. */
    List<String> delegatingGroups(Collection<String> groupIds);
}
