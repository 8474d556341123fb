package fr.formaflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGStatement;

/**
 * On PostgreSQL, the engine's reads that check grants are planned for their own values at every execution; every other
 * statement keeps PostgreSQL's plan cache.
 * <p>
 * A grant check's permission bits and resource types are parameters. Once PostgreSQL has run a prepared statement five
 * times it may switch to a generic plan, made for any value: such a plan cannot use the partial indexes of
 * {@link PostgresEngineTuning}, and a funder's « À valider » went from 50 ms to 1.5 s. Planning every statement for its
 * values ({@code plan_cache_mode=force_custom_plan} on every connection) avoided it, but made a dossier's 10 000 other
 * statements pay a planning each. So the driver sends only grant checks as one-shot statements (a prepare threshold of
 * 0), which PostgreSQL always plans with the values they carry.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public final class GrantChecksPlannedForTheirValues implements Interceptor {

    private static final Pattern GRANT_CHECK = Pattern.compile("^\\s*(select|with)\\b.*\\bACT_RU_AUTHORIZATION\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        if (checksGrants(((StatementHandler) invocation.getTarget()).getBoundSql().getSql())) {
            plannedForItsValues(statement);
        }
        return statement;
    }

    /** A read of the grants (a check, or a query joined to them); writes of grants keep their prepared plans. */
    static boolean checksGrants(String sql) {
        return GRANT_CHECK.matcher(sql).find();
    }

    private static void plannedForItsValues(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
