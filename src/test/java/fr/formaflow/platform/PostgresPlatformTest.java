package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.support.PostgresTestServer;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same product on a real PostgreSQL server: Flyway, Camunda's schema, deployment, demo data and REST. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class PostgresPlatformTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("platform_test");
        registry.add("spring.datasource.url", () -> server.jdbcUrl("platform_test"));
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", () -> "");
    }

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

    @LocalServerPort
    int port;

    @Test
    void startsOnPostgresWithDemoDataAndProcesses() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(organisations.count()).isEqualTo(3);
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
                        "ff_idx_auth_runtime_resource");
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext", String.class))
                .contains("ff_auth_perms_read", "ff_auth_perms_read_task");
        // the statistics were gathered at start: the planner knows how many grants carry READ
        assertThat(jdbc.queryForObject("select count(*) from pg_stats_ext_exprs where statistics_name = 'ff_auth_perms_read'",
                Long.class)).isEqualTo(1);
        // generic plans could not use the partial indexes above: task lists are planned with their values
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
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
}
