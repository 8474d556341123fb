package fr.formaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access issue's done-when, over HTTP only: a new organisation signs up on the public endpoints, the Région's
 * validator approves it in Tasklist (engine REST, as Tasklist does), its first user sets a password from the e-mailed
 * link, logs in and starts a dossier.
 */
@FormaflowTest
class SignUpJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    Mailbox mailbox = Mailbox.open();

    @Test
    void aNewOrganisationSignsUpIsApprovedAndStartsADossier() {
        WebClient http = new WebClient("http://localhost:" + port);
        String siret = "54300987250007";
        assertThat(http.call(null, null, "GET", "/public/organisations/" + siret, null).body()).contains("\"known\":false");
        HttpResponse<String> request = http.call(null, null, "POST", "/public/access-requests", """
                {"siret":"%s","funderCode":"OCCITANIE","user":{"email":"gael.moreau@ateliers-du-sud.fr","firstName":"Gaël","lastName":"Moreau"},
                 "organisation":{"name":"Les Ateliers du Sud","nda":"76340999934","ndaRegion":"Occitanie","fpc":true,"cfa":false,
                  "forProfit":true,"vatLiable":false,"area":"Hérault, Gard","street":"12 rue de l'Aiguillerie","postcode":"34000",
                  "city":"Montpellier","phone":"04 67 11 22 33","email":"contact@ateliers-du-sud.fr","contactName":"Gaël Moreau"}}
                """.formatted(siret));
        assertThat(request.statusCode()).as(request.body()).isEqualTo(202);
        assertThat(request.body()).contains("Région Occitanie");
        // the job executor is off in tests: run the request's asynchronous start as it would (issue 27: a known address
        // and a new one do the same work before the answer)
        managementService.createJobQuery().processDefinitionKey("organisationOnboarding").activityId("Gateway_OrganisationKnown").list()
                .forEach(job -> managementService.executeJob(job.getId()));

        // the Région's validator finds it in Tasklist and accepts it; another funder cannot
        String tasks = http.call("claire.fabre", "formaflow", "GET", "/engine-rest/task?processDefinitionKey=organisationOnboarding", null).body();
        assertThat(tasks).contains("Valider le référencement de l'organisme");
        assertThat(http.call("julien.morel", "formaflow", "GET", "/engine-rest/task?processDefinitionKey=organisationOnboarding", null).body())
                .isEqualTo("[]");
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey("gael.moreau@ateliers-du-sud.fr").singleResult().getId();
        assertThat(http.call("julien.morel", "formaflow", "POST", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}").statusCode()).isIn(403, 404);
        HttpResponse<String> approval = http.call("claire.fabre", "formaflow", "POST", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(204);
        // the job executor is off in tests: run the e-mail's asynchronous step as it would
        managementService.createJobQuery().processDefinitionKey("organisationOnboarding").list()
                .forEach(job -> managementService.executeJob(job.getId()));

        String token = mailbox.last("gael.moreau@ateliers-du-sud.fr").token();
        HttpResponse<String> password = http.call(null, null, "POST", "/public/passwords",
                "{\"token\":\"" + token + "\",\"password\":\"Ateliers-du-Sud-2026\"}");
        assertThat(password.statusCode()).as(password.body()).isEqualTo(200);

        assertThat(http.call("gael.moreau@ateliers-du-sud.fr", "Ateliers-du-Sud-2026", "GET", "/api/organisation", null).body())
                .contains("Les Ateliers du Sud", "\"admin\":true");
        HttpResponse<String> dossier = http.call("gael.moreau@ateliers-du-sud.fr", "Ateliers-du-Sud-2026", "POST", "/api/dossiers",
                "{\"funderCode\":\"OCCITANIE\",\"title\":\"Menuiserie d'agencement\"}");
        assertThat(dossier.statusCode()).as(dossier.body()).isEqualTo(201);
        assertThat(http.call("gael.moreau@ateliers-du-sud.fr", "Ateliers-du-Sud-2026", "GET", "/engine-rest/task", null).body())
                .contains("Task_SubmitDossier");
        assertThat(http.call("marie.durand", "formaflow", "GET", "/api/dossiers", null).body()).doesNotContain("Menuiserie d'agencement");
    }
}
