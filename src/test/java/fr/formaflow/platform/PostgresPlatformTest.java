package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.support.CountProbeStep;
import fr.formaflow.support.PostgresFormaflowTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.executor.SimpleExecutor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The same product on a real PostgreSQL server: Flyway, Camunda's schema, deployment, demo data and REST. */
@PostgresFormaflowTest
class PostgresPlatformTest {

    private static final String VARIABLE_QUERY =
            "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceByQueryCriteria";

    @Autowired
    DataSource dataSource;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @LocalServerPort
    int port;

    @Test
    void startsOnPostgresWithDemoDataAndProcesses() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        // the demo's three organisations (the other PostgreSQL tests may add their own to the shared database)
        for (String siret : List.of(DemoData.TITULAR_SIRET, DemoData.SUBCONTRACTOR_SIRET, DemoData.CFA_SIRET)) {
            assertThat(organisations.findBySiret(siret)).as(siret).isPresent();
        }
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("funderRules").count()).isEqualTo(1);
        WebClient client = new WebClient("http://localhost:" + port);
        assertThat(client.get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(client.getAs("claire.fabre", "formaflow", "/engine-rest/filter").body()).contains("À valider");
    }

    @Test
    void tunesTheEngineAuthorizationChecks() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_authorization'", String.class))
                .contains("ff_idx_auth_runtime_group", "ff_idx_auth_runtime_user", "ff_idx_auth_task_read",
                        "ff_idx_auth_runtime_resource", "ff_idx_auth_task_grant_user", "ff_idx_auth_task_grant_group");
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext", String.class))
                .contains("ff_auth_perms_read", "ff_auth_perms_read_task");
        // the statistics were gathered at start: the planner knows how many grants carry READ
        assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext_exprs where statistics_name = 'ff_auth_perms_read'",
                Long.class)).isEqualTo(1);
    }

    /**
     * Generic plans cannot use the partial indexes above: reads of the grants run under {@code force_custom_plan}; the
     * engine's other statements, reads and writes, may keep a plan. Camunda's variable queries read grants too: their
     * generic plan walks the whole variable table when PostgreSQL expects their unknown LIMIT to stop it early.
     */
    @Test
    void plansGrantReadsForTheirValuesAndLetsOtherStatementsKeepAPlan() throws Exception {
        String grantRead = "select current_setting('plan_cache_mode') where not exists"
                + " (select 1 from ACT_RU_AUTHORIZATION where ID_ = 'aucune')";
        String otherRead = "select current_setting('plan_cache_mode')";
        String write = "update ACT_GE_PROPERTY set REV_ = REV_ where NAME_ = 'aucune'";
        try (Connection connection = dataSource.getConnection()) {
            assertThat(query(connection, grantRead)).containsExactly("force_custom_plan");
            assertThat(query(connection, grantRead)).containsExactly("force_custom_plan");
            assertThat(query(connection, otherRead)).containsExactly("auto");
            assertThat(query(connection, grantRead)).containsExactly("force_custom_plan");
            assertThat(query(connection, otherRead)).containsExactly("auto");
            assertThat(query(connection, grantRead, VARIABLE_QUERY)).containsExactly("force_custom_plan");
            StatementHandler update = engineStatementHandler(connection, write, SqlCommandType.UPDATE, "probe");
            try (Statement statement = update.prepare(connection, null)) {
                update.parameterize(statement);
                update.update(statement);
            }
            assertThat(new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
        }
    }

    private List<String> query(Connection connection, String sql) throws SQLException {
        return query(connection, sql, "probe");
    }

    /** The SQL run as the engine runs the statement of that id. */
    private List<String> query(Connection connection, String sql, String statementId) throws SQLException {
        StatementHandler handler = engineStatementHandler(connection, sql, SqlCommandType.SELECT, statementId);
        try (Statement statement = handler.prepare(connection, null)) {
            handler.parameterize(statement);
            return handler.query(statement, null);
        }
    }

    /** The statement handler the engine's MyBatis configuration builds for this SQL: with every plug-in the engine has. */
    private StatementHandler engineStatementHandler(Connection connection, String sql, SqlCommandType type, String statementId) {
        org.apache.ibatis.session.Configuration mybatis = engineConfiguration.getSqlSessionFactory().getConfiguration();
        MappedStatement statement = new MappedStatement.Builder(mybatis, statementId, new StaticSqlSource(mybatis, sql), type)
                .resultMaps(List.of(new ResultMap.Builder(mybatis, "probe", String.class, List.of()).build())).build();
        return mybatis.newStatementHandler(new SimpleExecutor(mybatis, new JdbcTransaction(connection)), statement, null,
                RowBounds.DEFAULT, null, null);
    }

    @Test
    void knowsEveryGroupWithAGrantAsSoonAsItIsGranted() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> granted = jdbc.queryForList("select distinct group_id_ from act_ru_authorization where group_id_ is not null",
                String.class);
        assertThat(granted).contains("funder_occitanie");
        assertThat(authorizedGroupIds()).containsAll(granted).doesNotContain("groupe_sans_droit");

        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("groupe_sans_droit");
        grant.setResource(Resources.FILTER);
        grant.setResourceId("filtre-inconnu");
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
        try {
            assertThat(authorizedGroupIds()).contains("groupe_sans_droit");
        } finally {
            authorizationService.deleteAuthorization(grant.getId());
        }
    }

    /** What the engine reads before each authorized command, through its own statement. */
    private List<String> authorizedGroupIds() {
        return engineConfiguration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().<String>selectList("selectAuthorizedGroupIds"));
    }

    @Test
    void countsTheTasksEachUserMaySeeAsCamundaListsThem() {
        assertThat(engineConfiguration.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
                .isEqualTo("fr.formaflow.process.AuthorizedTaskCount.selectTaskCountByQueryCriteria");
        repositoryService.createDeployment().name("count-probe").addModelInstance("countProbe.bpmn",
                Bpmn.createExecutableProcess("countProbe").startEvent().userTask("Task_Probe").camundaFormRef(CountProbeStep.FORM).camundaFormRefBinding("latest")
                        .camundaCandidateGroups("probe_team")
                        .endEvent().done()).deploy();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String instance = runtimeService.startProcessInstanceByKey("countProbe").getId();
            tasks.add(taskService.createTaskQuery().processInstanceId(instance).singleResult());
        }
        Task standalone = taskService.newTask();
        taskService.saveTask(standalone);
        List<Authorization> grants = List.of(
                grant("probe.task", null, Resources.TASK, tasks.get(0).getId(), Permissions.READ),
                grant("probe.task", null, Resources.TASK, standalone.getId(), Permissions.READ),
                grant(null, "probe_group", Resources.TASK, tasks.get(1).getId(), Permissions.READ),
                grant(null, "probe_group", Resources.TASK, tasks.get(2).getId(), Permissions.READ),
                grant("probe.definition", null, Resources.PROCESS_DEFINITION, "countProbe", Permissions.READ_TASK),
                grant("probe.star", null, Resources.TASK, "*", Permissions.READ),
                // neither READ on the task nor READ_TASK on its process: sees nothing
                grant("probe.blind", null, Resources.TASK, tasks.get(3).getId(), Permissions.UPDATE),
                grant("probe.blind", null, Resources.PROCESS_DEFINITION, "countProbe", Permissions.READ));
        long everyTask = taskService.createTaskQuery().count();
        // the grants are checked as sets, not by Camunda's join (which would still count right, one lookup per task)
        assertThat(countStatement("probe.task")).doesNotContainIgnoringCase("AUTH ON")
                .containsIgnoringCase("TD.KEY_ in (select RESOURCE_ID_ from G)");
        try {
            assertThat(visible("probe.task", List.of())).isEqualTo(2);
            assertThat(visible("probe.member", List.of("probe_group"))).isEqualTo(2);
            assertThat(visible("probe.task", List.of("probe_group"))).isEqualTo(4);
            assertThat(visible("probe.definition", List.of())).isEqualTo(4);
            assertThat(visible("probe.star", List.of())).isEqualTo(everyTask).isGreaterThanOrEqualTo(5);
            assertThat(visible("probe.blind", List.of())).isZero();
            assertThat(visible("probe.nobody", List.of("groupe_sans_droit"))).isZero();
        } finally {
            grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
            taskService.deleteTask(standalone.getId(), true);
            runtimeService.createProcessInstanceQuery().processDefinitionKey("countProbe").list()
                    .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test"));
        }
    }

    /** The SQL of a user's task count. */
    private String countStatement(String user) {
        identityService.setAuthentication(user, List.of("probe_group"));
        try {
            return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
                TaskQueryImpl query = (TaskQueryImpl) taskService.createTaskQuery();
                context.getAuthorizationManager().configureTaskQuery(query);
                return engineConfiguration.getSqlSessionFactory().getConfiguration()
                        .getMappedStatement(engineConfiguration.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
                        .getBoundSql(query).getSql();
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A user's count, checked against Camunda's own list (its join on the grants) for every query and filter tried. */
    private long visible(String user, List<String> groups) {
        identityService.setAuthentication(user, groups);
        try {
            long count = taskService.createTaskQuery().count();
            assertThat(count).as("all tasks of " + user).isEqualTo(taskService.createTaskQuery().list().size());
            TaskQuery team = taskService.createTaskQuery().taskCandidateGroupIn(List.of("probe_team")).includeAssignedTasks();
            // the probe's tasks are probe_team's, and no other task is
            assertThat(team.count()).as("tasks of probe_team for " + user).isEqualTo(team.list().size())
                    .isEqualTo(taskService.createTaskQuery().processDefinitionKey("countProbe").list().size());
            return count;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Authorization grant(String user, String group, Resource resource, String resourceId, org.camunda.bpm.engine.authorization.Permission permission) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        return authorizationService.saveAuthorization(grant);
    }
}
