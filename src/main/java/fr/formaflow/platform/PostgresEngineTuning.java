package fr.formaflow.platform;

import java.sql.Connection;
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
 * which PostgreSQL answers by reading the whole group index: replaced by a loose index scan (one index probe per
 * group) that returns the same ids.</li>
 * <li>Runtime authorization checks (task lists) look for grants by user or group among those that are not grants on
 * history, which are most of them: two partial indexes. They are created here, after the engine created or upgraded
 * its schema, since Flyway runs before the engine on a new database.</li>
 * </ul>
 */
@Component
public class PostgresEngineTuning extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "selectAuthorizedGroupIds";
    /** Grants on history (historic process instances and tasks) are never read by runtime checks. */
    static final List<String> INDEXES = List.of(
            "create index if not exists ff_idx_auth_runtime_group on act_ru_authorization (group_id_, resource_type_)"
                    + " where type_ < 2 and resource_type_ not in (19, 20)",
            "create index if not exists ff_idx_auth_runtime_user on act_ru_authorization (user_id_, resource_type_)"
                    + " where type_ < 2 and resource_type_ not in (19, 20)");

    /** The same result as Camunda's statement: distinct group ids, one index probe each (nulls are ignored by the engine). */
    public interface AuthorizedGroupIds {

        @Select("with recursive g(id) as (select min(GROUP_ID_) from ACT_RU_AUTHORIZATION"
                + " union all select (select min(A.GROUP_ID_) from ACT_RU_AUTHORIZATION A where A.GROUP_ID_ > g.id)"
                + " from g where g.id is not null) select id from g where id is not null")
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
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (isPostgres(configuration)) {
            try (Connection connection = configuration.getDataSource().getConnection(); Statement sql = connection.createStatement()) {
                for (String index : INDEXES) {
                    sql.execute(index);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the engine's authorization indexes", e);
            }
        }
    }

    private static boolean isPostgres(ProcessEngineConfigurationImpl configuration) {
        return "postgres".equals(configuration.getDatabaseType());
    }
}
