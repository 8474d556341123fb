package fr.formaflow.security;

/** Camunda group types and well-known groups. */
public final class Roles {

    /** Group type of an organisation's staff (group id org_<SIRET>). */
    public static final String ORGANISATION = "organisation";
    /** Group type of an organisation's administrators (group id org_<SIRET>_admins). */
    public static final String ORGANISATION_ADMIN = "organisation-admin";
    /** Group type of a funder's validators (group id funder_<code>). */
    public static final String FUNDER = "funder";
    /** Operators are Camunda administrators: they see and repair every process in Cockpit. */
    public static final String OPERATORS = "camunda-admin";

    private Roles() {
    }
}
