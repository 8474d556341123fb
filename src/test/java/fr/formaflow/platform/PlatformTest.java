package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import fr.formaflow.support.FormaflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FormaflowTest
class PlatformTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    @Test
    void webappsAnswerAfterLogin() {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            WebClient client = client();
            HttpResponse<String> login = client.login(app, "operateur", "formaflow");
            assertThat(login.statusCode()).as("login to " + app).isEqualTo(200);
            HttpResponse<String> page = client.get("/camunda/app/" + app + "/default/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");
            assertThat(client.get("/camunda/api/engine/engine/default/user/operateur/profile").statusCode()).isEqualTo(200);
        }
    }

    /** Wrong passwords lock the account for a while: they are tried on an account of their own. */
    String throwawayUser() {
        if (identityService.createUserQuery().userId("essai.mot-de-passe").count() == 0) {
            var user = identityService.newUser("essai.mot-de-passe");
            user.setPassword("le-bon-mot-de-passe");
            identityService.saveUser(user);
        }
        return "essai.mot-de-passe";
    }

    @Test
    void wrongPasswordIsRefusedByTheWebappLogin() {
        assertThat(client().login("tasklist", throwawayUser(), "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void organisationUserMayUseTasklistButNotCockpit() {
        assertThat(client().login("tasklist", "marie.durand", "formaflow").statusCode()).isEqualTo(200);
        assertThat(client().login("cockpit", "marie.durand", "formaflow").statusCode()).isEqualTo(403);
    }

    @Test
    void engineRestRefusesAnonymousCallsAndAcceptsDemoUsers() {
        assertThat(client().get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(client().getAs(throwawayUser(), "wrong", "/engine-rest/process-definition").statusCode()).isEqualTo(401);
        HttpResponse<String> response = client().getAs("marie.durand", "formaflow", "/engine-rest/filter");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Mes tâches", "Tâches de mon organisme").doesNotContain("À valider");
        assertThat(client().getAs("claire.fabre", "formaflow", "/engine-rest/filter").body()).contains("À valider", "En retard");
    }

    @Test
    void formaflowApiRequiresAuthentication() {
        HttpResponse<String> response = client().get("/api/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Authentification requise");
        HttpResponse<String> me = client().getAs("marie.durand", "formaflow", "/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"organisations\":[\"Scènes et Formations\"]", "\"operator\":false");
    }

    @Test
    void theDossiersPageIsServedAndItsSessionCallsMustComeFromFormaflow() {
        WebClient client = client();
        assertThat(client.get("/dossiers.html").body()).contains("Mes dossiers et mes pièces");
        client.login("tasklist", "sophie.martin", "formaflow");
        String request = "{\"funderCode\":\"OPCOSANTE\",\"title\":\"Brancardage\"}";
        HttpResponse<String> forged = client.postJsonFromPage("https://attaquant.example", "/api/dossiers", request);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("ne provient pas de Formaflow");
        assertThat(client.postJsonFromPage(null, "/api/dossiers", request).statusCode()).isEqualTo(403);
        // issue 27: the scheme counts too (a page served over http is another origin than https), and the port
        String sameHostOverHttps = client.baseUrl().replace("http://", "https://");
        assertThat(client.postJsonFromPage(sameHostOverHttps, "/api/dossiers", request).statusCode()).isEqualTo(403);
        assertThat(client.postJsonFromPage("http://localhost:1", "/api/dossiers", request).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/dossiers").body()).doesNotContain("Brancardage");
        HttpResponse<String> fromTheDossiersPage = client.postJsonFromPage(client.baseUrl(), "/api/dossiers", request);
        assertThat(fromTheDossiersPage.statusCode()).as(fromTheDossiersPage.body()).isEqualTo(201);
        assertThat(client.get("/api/dossiers").body()).contains("Brancardage");
    }

    @Test
    void theFormaflowApiIsDocumentedWithOpenApi() {
        HttpResponse<String> docs = client().get("/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/dossiers", "/api/dossiers/{id}/documents", "/api/dossiers/{id}/change-requests");
    }

    @Test
    void aTasklistSessionAlsoOpensTheFormaflowApi() {
        WebClient client = client();
        client.login("tasklist", "claire.fabre", "formaflow");
        assertThat(client.get("/api/me").body()).contains("\"funders\":[\"Région Occitanie\"]");
    }

    @Test
    void everyFileOfTheProcessesAndFormsFoldersIsDeployed() throws IOException {
        List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResources(d.getId()).stream())
                .map(Resource::getName).toList();
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String expected = file.toString().replace('\\', '/');
            assertThat(deployed).as("deployed resources").anyMatch(name -> name.endsWith(expected));
        }
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("funderRules").count()).isEqualTo(1);
    }
}
