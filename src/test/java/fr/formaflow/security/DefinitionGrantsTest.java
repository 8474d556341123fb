package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process and decision definitions are every user's to read through one global grant each, not one grant per group
 * (every authorization check of variables read those, one per organisation); a database that still has them gets them
 * replaced at start.
 */
@FormaflowTest
class DefinitionGrantsTest {

    private static final List<Resources> DEFINITIONS = List.of(Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION);

    @Autowired
    AuthorizationService authorizations;
    @Autowired
    GroupAuthorizations groups;
    @LocalServerPort
    int port;

    @Test
    void everyUserReadsTheDefinitionsThroughOneGrantAndNoGroupHasItsOwn() {
        for (Resources resource : DEFINITIONS) {
            assertThat(global(resource)).as(resource.resourceName()).hasSize(1)
                    .allMatch(grant -> grant.isPermissionGranted(Permissions.READ));
            assertThat(groupGrantsOnEverything(resource)).as(resource.resourceName()).containsOnly(Roles.OPERATORS);
        }
        WebClient http = new WebClient("http://localhost:" + port);
        for (String user : List.of("marie.durand", "claire.fabre", "sophie.martin")) {
            assertThat(http.call(user, "formaflow", "GET", "/engine-rest/process-definition/key/trainingDossier", null).statusCode())
                    .as(user).isEqualTo(200);
            assertThat(http.call(user, "formaflow", "GET", "/engine-rest/decision-definition/count", null).body())
                    .as(user).doesNotContain("\"count\":0");
        }
    }

    @Test
    void aGroupGrantOfAnEarlierDatabaseIsReplacedAndTheOperatorsKeepTheirs() {
        for (Resources resource : DEFINITIONS) {
            groups.grant("org_" + DemoData.TITULAR_SIRET, resource, Authorization.ANY, Permissions.READ);
        }
        groups.ensureEveryoneReadsDefinitions();
        groups.ensureEveryoneReadsDefinitions();
        for (Resources resource : DEFINITIONS) {
            assertThat(groupGrantsOnEverything(resource)).as(resource.resourceName()).containsOnly(Roles.OPERATORS);
            assertThat(global(resource)).as(resource.resourceName()).hasSize(1);
        }
    }

    private List<Authorization> global(Resource resource) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource)
                .resourceId(Authorization.ANY).list();
    }

    private List<String> groupGrantsOnEverything(Resource resource) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                .resourceId(Authorization.ANY).list().stream().map(Authorization::getGroupId).toList();
    }
}
