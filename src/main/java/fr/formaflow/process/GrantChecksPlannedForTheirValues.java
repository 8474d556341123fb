package fr.formaflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;

/**
 * On PostgreSQL, the engine's lists checked against the grants (tasks, their variables, process definitions, filters)
 * are planned for their own values at every execution; every other statement keeps PostgreSQL's plan cache.
 * <p>
 * A list's permission bits and resource types are parameters. Once PostgreSQL has run a prepared statement five times
 * it may switch to a generic plan, made for any value: such a plan cannot use the partial indexes of
 * {@link PostgresEngineTuning}, and a funder's « À valider » went from 50 ms to 1.5 s. Planning every statement for its
 * values ({@code plan_cache_mode=force_custom_plan} on every connection) avoided it, but made each of a dossier's 10 000
 * other statements pay a planning. So such a list runs under {@code force_custom_plan}, set on its connection just
 * before and reset just after. A check of one resource (which reads the grants alone) finds its rows through Camunda's
 * unique indexes with any plan, and is left out: a task list makes one per task shown. (Sending lists unprepared would
 * also plan them for their values, but PostgreSQL would then parse their long statements again at each call.)
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "query", args = {Statement.class, ResultHandler.class}))
public final class GrantChecksPlannedForTheirValues implements Interceptor {

    private static final Pattern READ = Pattern.compile("^\\s*(select|with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGINE_TABLE = Pattern.compile("\\bACT_[A-Z]{2}_[A-Z_]+\\b", Pattern.CASE_INSENSITIVE);
    private static final String GRANTS = "ACT_RU_AUTHORIZATION";

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        if (!joinsGrants(((StatementHandler) invocation.getTarget()).getBoundSql().getSql())) {
            return invocation.proceed();
        }
        Connection connection = ((Statement) invocation.getArgs()[0]).getConnection();
        planCacheMode(connection, "force_custom_plan");
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable failure) {
            // in a failed transaction the reset fails too: its rollback takes the setting back
            try {
                planCacheMode(connection, "default");
            } catch (SQLException resetFailure) {
                failure.addSuppressed(resetFailure);
            }
            throw failure;
        }
        planCacheMode(connection, "default");
        return result;
    }

    /** A read of other engine rows checked against the grants; not a check of one resource, nor a write of grants. */
    static boolean joinsGrants(String sql) {
        if (!READ.matcher(sql).find()) {
            return false;
        }
        Set<String> tables = ENGINE_TABLE.matcher(sql).results().map(table -> table.group().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return tables.contains(GRANTS) && tables.size() > 1;
    }

    private static void planCacheMode(Connection connection, String mode) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set plan_cache_mode to " + mode);
        }
    }
}
