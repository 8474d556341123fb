package fr.formaflow.organisation;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.apprenticeship.ApprenticeshipContracts;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.security.GroupAuthorizations;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A CFA asks to manage an organisation's dossiers; once its administrator accepts, the CFA manages them in the API and in the engine until either side ends it. */
@FormaflowTest
class DelegationTest {

    static final String CFA_SIRET = "70100234760000";
    static final String CFA_USER = "alice.noel@cfa-gard.fr";
    static final String PASSWORD = "Cfa-du-Gard-2026";

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    GroupAuthorizations groups;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApprenticeshipContracts contracts;

    @Test
    void aCfaManagesTheDossiersOfTheOrganisationThatDelegatedThem() {
        Organisation cfa = organisations.save(new Organisation(CFA_SIRET, "CFA du Gard", "CFA").status(true, true, false, false)
                .address("3 rue de la Gare", "30000", "Nîmes").contact("Alice Noël", "contact@cfa-gard.fr", "04 66 00 00 00"));
        groups.ensureOrganisationGroup(cfa.getGroupId(), cfa.getName());
        groups.ensureOrganisationAdminGroup(cfa.getAdminGroupId(), cfa.getName());
        var user = identityService.newUser(CFA_USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(CFA_USER, cfa.getGroupId());
        identityService.createMembership(CFA_USER, cfa.getAdminGroupId());

        DossierDriver driver = new DossierDriver(context);
        TrainingAction before = driver.create(ORGANISATION_USER, DemoData.REGION, "Dossier délégué avant");
        WebClient http = new WebClient("http://localhost:" + port);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/dossiers/" + before.getId(), null).statusCode()).isEqualTo(404);

        assertThat(add(http, "12345678901234").body()).contains("clé de contrôle incorrecte");
        assertThat(add(http, "33300111320003").body()).contains("Aucun organisme n'est référencé");
        assertThat(add(http, CFA_SIRET).body()).contains("ne peut pas se déléguer à lui-même");
        HttpResponse<String> added = add(http, DemoData.TITULAR_SIRET);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("Scènes et Formations", "PENDING", CFA_USER);
        assertThat(add(http, DemoData.TITULAR_SIRET).body()).contains("déjà en attente");

        // a request grants nothing: the delegating organisation's administrator decides
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/dossiers/" + before.getId(), null).statusCode()).isEqualTo(404);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/process-instance/" + before.getProcessInstanceId(), null).statusCode()).isEqualTo(404);
        assertThat(http.call(ORGANISATION_USER, "formaflow", "GET", "/api/organisation/delegations", null).body())
                .contains("CFA du Gard", "PENDING", "en attente de réponse");
        String review = taskService.createTaskQuery().processDefinitionKey(Delegations.PROCESS)
                .taskCandidateGroup(Organisation.adminGroupIdFor(Organisation.groupIdFor(DemoData.TITULAR_SIRET))).singleResult().getId();
        assertThat(http.call(CFA_USER, PASSWORD, "POST", "/engine-rest/task/" + review + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"ACCEPT\"}}}").statusCode()).as("the requester cannot accept").isIn(403, 404);
        HttpResponse<String> accepted = http.call(ORGANISATION_USER, "formaflow", "POST", "/engine-rest/task/" + review + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"ACCEPT\"}}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(add(http, DemoData.TITULAR_SIRET).body()).contains("déjà un organisme déléguant");

        // the existing dossier: its instance, history and open task are now the CFA's too
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/dossiers/" + before.getId(), null).statusCode()).isEqualTo(200);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/process-instance/" + before.getProcessInstanceId(), null).statusCode()).isEqualTo(200);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + before.getContractNumber(), null).body())
                .contains("Task_SubmitDossier");

        // a dossier started after the delegation too
        TrainingAction after = driver.create(ORGANISATION_USER, DemoData.REGION, "Dossier délégué après");
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/dossiers", null).body()).contains(before.getContractNumber(), after.getContractNumber());
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + after.getContractNumber(), null)
                .body()).contains(after.getProcessInstanceId());
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(after.getContractNumber()).singleResult().getId();
        assertThat(http.call(CFA_USER, PASSWORD, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + CFA_USER + "\"}").statusCode())
                .isEqualTo(204);

        // the delegating organisation's apprenticeship contracts too: the contract, and the task asking for its missing items
        var contract = driver.as("julien.morel", () -> contracts.receive(new ApprenticeshipContracts.NewContract(null, DemoData.TITULAR_SIRET,
                "034202609777001", "Roy", "Léo", "Théâtre du Sud", "48300123650002", "CAP Accessoiriste", LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 6, 30), "5 000,00", "5 000,00", null, false, true)));
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/apprenticeship-contracts?q=roy", null).body()).contains(contract.getOpcoActionNumber());
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + contract.getOpcoActionNumber(), null).body())
                .contains("Task_CompleteContract");
        assertThat(http.call("sophie.martin", "formaflow", "GET", "/api/apprenticeship-contracts/" + contract.getId(), null).statusCode()).isEqualTo(404);

        // the other demo CFA, which received no delegation, still sees nothing
        assertThat(http.call("sophie.martin", "formaflow", "GET", "/api/dossiers/" + after.getId(), null).statusCode()).isEqualTo(404);
        // the CFA's completion of the delegating organisation's task is recorded with both names; both sides see the delegation
        HttpResponse<String> list = http.call(CFA_USER, PASSWORD, "GET", "/api/organisation/delegations", null);
        assertThat(list.body()).contains("Scènes et Formations", "ACTIVE");

        // the delegating organisation ends it: the CFA loses the dossiers, their instances, history and tasks at once
        HttpResponse<String> ended = http.call(ORGANISATION_USER, "formaflow", "DELETE", "/api/organisation/delegations/" + CFA_SIRET, null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/dossiers/" + before.getId(), null).statusCode()).isEqualTo(404);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/process-instance/" + before.getProcessInstanceId(), null).statusCode()).isEqualTo(404);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + after.getContractNumber(), null)
                .body()).doesNotContain(after.getProcessInstanceId());
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + after.getContractNumber(), null).body())
                .doesNotContain("Task_SubmitDossier");
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/apprenticeship-contracts/" + contract.getId(), null).statusCode()).isEqualTo(404);
        assertThat(http.call(ORGANISATION_USER, "formaflow", "DELETE", "/api/organisation/delegations/" + CFA_SIRET, null).statusCode()).isEqualTo(404);
        assertThat(http.call(CFA_USER, PASSWORD, "GET", "/api/organisation/delegations", null).body()).doesNotContain("Scènes et Formations");

        // an organisation that is not a CFA cannot add one
        assertThat(http.call(ORGANISATION_USER, "formaflow", "POST", "/api/organisation/delegations", "{\"siret\":\"" + CFA_SIRET + "\"}").body())
                .contains("Seul un CFA");
    }

    private static HttpResponse<String> add(WebClient http, String siret) {
        return http.call(CFA_USER, PASSWORD, "POST", "/api/organisation/delegations", "{\"siret\":\"" + siret + "\"}");
    }
}
