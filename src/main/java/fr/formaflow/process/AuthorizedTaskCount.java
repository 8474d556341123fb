package fr.formaflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;

/**
 * The task count Tasklist shows with every list (and for each filter), on PostgreSQL: Camunda's criteria, the same
 * authorization checked with set memberships instead of one grant lookup per task (« À valider » counts a funder's
 * thousands of tasks at each refresh). Used only for the check Camunda makes on a task query (one disjunctive set of
 * permissions, no revokes); any other check keeps Camunda's own join. The statement is {@code AuthorizedTaskCount.xml}.
 */
public final class AuthorizedTaskCount {

    static final String STATEMENT = "selectTaskCountByQueryCriteria";
    static final String MAPPED_STATEMENT = AuthorizedTaskCount.class.getName() + "." + STATEMENT;
    private static final String MAPPER = "fr/formaflow/process/AuthorizedTaskCount.xml";
    /** What Camunda's criteria see when the count checks the grants itself: nothing to check (never modified). */
    public static final AuthorizationCheck NONE = new AuthorizationCheck();

    private AuthorizedTaskCount() {
    }

    /** Whether the statement checks the grants itself: the task query's check (as Camunda's fragment tests it), grants only. */
    public static boolean checkedHere(AuthorizationCheck check) {
        CompositePermissionCheck permissions = check.getPermissionChecks();
        return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
                && !check.isRevokeAuthorizationCheckEnabled() && permissions.isDisjunctive()
                && !permissions.getAtomicChecks().isEmpty() && permissions.getCompositeChecks().isEmpty();
    }

    /** Adds the statement to Camunda's MyBatis configuration, after Camunda's own mappings (it includes them). */
    static void register(Configuration mybatis) {
        try (InputStream xml = AuthorizedTaskCount.class.getClassLoader().getResourceAsStream(MAPPER)) {
            new XMLMapperBuilder(xml, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MAPPER, e);
        }
    }
}
