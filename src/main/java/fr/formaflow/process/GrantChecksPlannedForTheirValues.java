package fr.formaflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGConnection;

/**
 * On PostgreSQL, the engine's reads of its grants are planned for their own values at every execution; the engine's
 * other statements keep PostgreSQL's plan cache.
 * <p>
 * A grant check's permission bits and resource types are parameters. Once PostgreSQL has run a prepared statement five
 * times it may switch to a generic plan, made for any value: such a plan cannot use the partial indexes of
 * {@link PostgresEngineTuning}, and a funder's « À valider » went from 50 ms to 1.5 s. Planning every statement for its
 * values ({@code plan_cache_mode=force_custom_plan} on every connection) avoided it, but made each of a dossier's 10 000
 * other statements pay a planning. So the engine's connection is switched to {@code force_custom_plan} before a grant
 * read, and back before any other statement, only when the mode must change: a task list's reads of the grants follow
 * one another. (Sending them unprepared would also plan them for their values, but PostgreSQL would then parse a task
 * list's long statements again at each call.) Camunda's variable queries are planned so too, although their grants
 * are found by resource id: their generic plan walks the whole variable table in id order, as PostgreSQL expects the
 * {@code LIMIT}, a parameter, to stop it early while Tasklist asks for every row (« À valider »'s columns at 9 000
 * dossiers: 22.9 ms, against 1.2 ms and 3.2 of planning).
 * <p>
 * The mode a connection was last switched to is kept here, by connection. A rolled-back transaction takes its switch
 * back unseen: until the next switch, grant reads on that connection may then use a cached plan (slower, never wrong).
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public final class GrantChecksPlannedForTheirValues implements Interceptor {

    private static final Pattern READ = Pattern.compile("\\s*(select|with)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * The grants' table as Camunda's mappings and Formaflow's own write it, found with String.indexOf: every statement
     * of the engine comes through here, and a case-insensitive regular expression took about 23 µs on one of 5–9 KB
     * (1.2 µs now), 4 % of the CPU in a recording of the PostgreSQL trust-boundary attacks. A statement that spelled
     * the table in mixed case would keep the cached plan: slower, never wrong.
     */
    private static final List<String> GRANT_TABLE = List.of("ACT_RU_AUTHORIZATION", "act_ru_authorization");
    /** The connections last switched to force_custom_plan. */
    private final Map<PGConnection, Boolean> planned = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Connection connection = (Connection) invocation.getArgs()[0];
        if (connection.isWrapperFor(PGConnection.class)) {
            boolean grantRead = readsGrants(((StatementHandler) invocation.getTarget()).getBoundSql().getSql());
            PGConnection session = connection.unwrap(PGConnection.class);
            if (planned.getOrDefault(session, false) != grantRead) {
                switchMode(connection, session, grantRead);
            }
        }
        return invocation.proceed();
    }

    /** A read of the grants (a check, or a query joined to them); writes of grants keep their plans. */
    static boolean readsGrants(String sql) {
        return READ.matcher(sql).lookingAt() && GRANT_TABLE.stream().anyMatch(table -> namesTable(sql, table));
    }

    /** The name as a whole word: not a part of a longer name. */
    private static boolean namesTable(String sql, String table) {
        for (int at = sql.indexOf(table); at >= 0; at = sql.indexOf(table, at + 1)) {
            int end = at + table.length();
            if ((at == 0 || !isNamePart(sql.charAt(at - 1))) && (end == sql.length() || !isNamePart(sql.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void switchMode(Connection connection, PGConnection session, boolean forValues) throws SQLException {
        planned.remove(session);
        try (Statement set = connection.createStatement()) {
            set.execute(forValues ? "set plan_cache_mode to force_custom_plan" : "set plan_cache_mode to default");
        }
        planned.put(session, forValues);
    }
}
