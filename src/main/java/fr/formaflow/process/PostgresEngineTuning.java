package fr.formaflow.process;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.annotations.Select;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What the engine needs on PostgreSQL once ACT_RU_AUTHORIZATION holds millions of grants (one per dossier instance and
 * per task for each group: see the scale benchmark). Nothing changes on other databases.
 * <ul>
 * <li>Every authorized command first reads the distinct group ids of all grants ({@code selectAuthorizedGroupIds}),
 * which PostgreSQL answers by reading the whole group index (a loose index scan of it still took 3–5 ms with 500
 * organisations, five times per Tasklist list). A trigger keeps those ids in a table of their own, which the statement
 * reads instead. The table may keep a group whose grants are gone: the engine intersects these ids with the user's
 * groups only to shorten its queries, and a group without grants matches no grant.</li>
 * <li>Runtime authorization checks (task lists) look for grants by user or group among those that are not grants on
 * history, which are most of them: two partial indexes.</li>
 * <li>A task list joins each task to the grants {@code on RESOURCE_ID_ in (task id, process key, '*')}, filtered by
 * {@code PERMS_ & 2 = 2}. PostgreSQL has no statistics on such a bit test and guesses 0.5 % of the grants: for a
 * funder's 6 666 tasks it guessed 22 grants where 6 666 match, and joined every task to every grant (44 million rows,
 * 12 s for « À valider »'s count). Statistics on the two bit tests and an index on the resource id of the grants a
 * task list checks let it look up each task's grants instead (77 ms).</li>
 * <li>Tasklist then reads its columns' variables for the page's tasks, each joined to the user's grants on its
 * instance, task or process. Without an index on the resource id of runtime grants only, PostgreSQL intersected each
 * variable's grants with all the funder's 33 000 runtime grants (70 ms for 15 tasks; 8 ms with the index).</li>
 * <li>Tasklist counts the tasks of each list: Camunda's count joins each task to the grants by that {@code in}, one
 * index lookup per task (57 ms of « À valider »'s 6 666 tasks); {@link AuthorizedTaskCount} reads the user's grants
 * once, from two covering indexes, and checks them as sets (about 19 ms, of which Camunda's criteria take 17).</li>
 * <li>The partial indexes serve only plans made for a statement's values: {@link GrantChecksPlannedForTheirValues}.</li>
 * </ul>
 * They are created here, after the engine created or upgraded its schema, since Flyway runs before the engine on a new
 * database; the statistics are gathered at the first start (a sample: a fraction of a second on 3 million grants).
 */
@Component
public class PostgresEngineTuning extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "selectAuthorizedGroupIds";
    private static final long TUNING_LOCK = 0x466f726d61L;
    /** Every group id with a grant, one index probe per group (a loose index scan). */
    private static final String DISTINCT_GROUPS = "with recursive g(id) as (select min(GROUP_ID_) from ACT_RU_AUTHORIZATION"
            + " union all select (select min(A.GROUP_ID_) from ACT_RU_AUTHORIZATION A where A.GROUP_ID_ > g.id)"
            + " from g where g.id is not null) select id from g where id is not null";

    /** Partial indexes leave out grants on history (resource types 19 and 20), never read by runtime checks. */
    static final List<String> TUNING = List.of(
            "create index if not exists ff_idx_auth_runtime_group on act_ru_authorization (group_id_, resource_type_)"
                    + " where type_ < 2 and resource_type_ not in (19, 20)",
            "create index if not exists ff_idx_auth_runtime_user on act_ru_authorization (user_id_, resource_type_)"
                    + " where type_ < 2 and resource_type_ not in (19, 20)",
            // the grants a task list checks: on tasks (7), and READ_TASK (64) on process definitions (6); leaves out
            // every user's READ on every process definition ('*'), which would match every task's lookup
            "create index if not exists ff_idx_auth_task_read on act_ru_authorization (resource_id_)"
                    + " where type_ < 2 and (resource_type_ = 7 or (resource_type_ = 6 and perms_ & 64 = 64))",
            "create index if not exists ff_idx_auth_runtime_resource on act_ru_authorization (resource_id_)"
                    + " where type_ < 2 and resource_type_ not in (19, 20)",
            // a task count's grants (AuthorizedTaskCount), by user and by group, read from the index alone
            "create index if not exists ff_idx_auth_task_grant_user on act_ru_authorization (user_id_, resource_type_, perms_)"
                    + " include (resource_id_) where type_ < 2 and (resource_type_ = 7 or (resource_type_ = 6 and perms_ & 64 = 64))",
            "create index if not exists ff_idx_auth_task_grant_group on act_ru_authorization (group_id_, resource_type_, perms_)"
                    + " include (resource_id_) where type_ < 2 and (resource_type_ = 7 or (resource_type_ = 6 and perms_ & 64 = 64))",
            "create statistics if not exists ff_auth_perms_read on ((perms_ & 2)) from act_ru_authorization",
            "create statistics if not exists ff_auth_perms_read_task on ((perms_ & 64)) from act_ru_authorization",
            "create table if not exists ff_authorized_group (group_id_ varchar(255) primary key)",
            "create or replace function ff_note_authorized_group() returns trigger language plpgsql as $$ begin"
                    + " if not exists (select 1 from ff_authorized_group where group_id_ = new.group_id_) then"
                    + " insert into ff_authorized_group values (new.group_id_) on conflict do nothing; end if;"
                    + " return null; end $$",
            "create or replace trigger ff_authorized_group after insert or update of group_id_ on act_ru_authorization"
                    + " for each row when (new.group_id_ is not null) execute function ff_note_authorized_group()",
            // the grants made before the trigger existed, at every start: cheap, and it closes any gap left at the first
            "insert into ff_authorized_group select id from (" + DISTINCT_GROUPS + ") g on conflict do nothing");
    /** New statistics are empty until the table is analyzed; afterwards autovacuum keeps them current. */
    static final String STATISTICS_GATHERED = "select count(*) from pg_stats_ext_exprs where statistics_name = 'ff_auth_perms_read'";

    /** Camunda's statement answered from the trigger's table: every group that has, or once had, a grant. */
    public interface AuthorizedGroupIds {

        @Select("select group_id_ from ff_authorized_group")
        List<String> selectAuthorizedGroupIds();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (isPostgres(configuration)) {
            configuration.getSqlSessionFactory().getConfiguration().addMapper(AuthorizedGroupIds.class);
            if (configuration.getDbSqlSessionFactory().getStatementMappings() == null) {
                configuration.getDbSqlSessionFactory().setStatementMappings(new java.util.HashMap<>());
            }
            configuration.getDbSqlSessionFactory().getStatementMappings().put(STATEMENT,
                    AuthorizedGroupIds.class.getName() + "." + STATEMENT);
            AuthorizedTaskCount.register(configuration.getSqlSessionFactory().getConfiguration());
            configuration.getDbSqlSessionFactory().getStatementMappings().put(AuthorizedTaskCount.STATEMENT,
                    AuthorizedTaskCount.MAPPED_STATEMENT);
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new GrantChecksPlannedForTheirValues());
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (isPostgres(configuration)) {
            try (Connection connection = configuration.getDataSource().getConnection(); Statement sql = connection.createStatement()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    // nodes starting together on one database take turns: "if not exists" is not safe against a race
                    sql.execute("select pg_advisory_xact_lock(" + TUNING_LOCK + ")");
                    for (String statement : TUNING) {
                        sql.execute(statement);
                    }
                    analyzeIfNeverGathered(sql);
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the engine's authorization indexes and statistics", e);
            }
        }
    }

    private static void analyzeIfNeverGathered(Statement sql) throws SQLException {
        try (ResultSet gathered = sql.executeQuery(STATISTICS_GATHERED)) {
            gathered.next();
            if (gathered.getLong(1) == 0) {
                sql.execute("analyze act_ru_authorization");
            }
        }
    }

    private static boolean isPostgres(ProcessEngineConfigurationImpl configuration) {
        return "postgres".equals(configuration.getDatabaseType());
    }
}
