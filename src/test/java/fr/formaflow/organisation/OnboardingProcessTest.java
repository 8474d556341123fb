package fr.formaflow.organisation;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.account.Accounts;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every path of processes/organisation-onboarding.bpmn: new organisation, new user of a known one, refusals, expiry. */
@FormaflowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnboardingProcessTest {

    static final String NEW_SIRET = "48300123650002";
    static final String PASSWORD = "Cle-de-voute-2026";

    @Autowired
    ProcessEngine engine;
    @Autowired
    Onboarding onboarding;
    @Autowired
    Accounts accounts;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    NewDossiers dossiers;
    @Autowired
    ApplicationContext context;

    Mailbox mailbox = Mailbox.open();
    DossierDriver driver;

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNewOrganisationIsReferencedByTheFunderAndItsFirstUserStartsADossier() {
        String answer = onboarding.request(newOrganisation(NEW_SIRET, "lea.garnier@atelier-vocal.fr"));
        assertThat(answer).contains("Région Occitanie");
        ProcessInstance request = instance("lea.garnier@atelier-vocal.fr");
        assertThat(request).isWaitingAt("Task_ValidateOrganisation").task().hasCandidateGroup(fr.formaflow.funder.Funder.groupIdFor(DemoData.REGION));

        // the request is the validator's alone: another funder does not see it
        assertThat(visibleTasks("julien.morel", request)).isEmpty();
        Task task = visibleTasks("claire.fabre", request).get(0);
        assertThat(engine.getTaskService().getVariable(task.getId(), "request").toString())
                .contains("Atelier Vocal du Lodévois", "483 001 236 50002", "Léa Garnier");

        complete("claire.fabre", task, Map.of("decision", "APPROVE"));
        Organisation created = organisations.findBySiret(NEW_SIRET).orElseThrow();
        assertThat(created.getName()).isEqualTo("Atelier Vocal du Lodévois");
        assertThat(created.ndaMention()).contains("76341234534", "Occitanie");
        assertThat(groupsOf("lea.garnier@atelier-vocal.fr")).containsExactlyInAnyOrder(created.getGroupId(), created.getAdminGroupId());

        assertThat(request).isWaitingAt("Task_SendActivation");
        executeJobs(request);
        assertThat(request).isEnded().hasPassed("End_AccessOpened");

        Mailbox.Mail mail = mailbox.last("lea.garnier@atelier-vocal.fr");
        assertThat(mail.subject()).isEqualTo("Votre compte Formaflow est ouvert");
        assertThat(mail.body()).contains("Atelier Vocal du Lodévois", "identifiant est : lea.garnier@atelier-vocal.fr", "valable 7 jours");
        assertThat(engine.getIdentityService().checkPassword("lea.garnier@atelier-vocal.fr", PASSWORD)).isFalse();

        assertThat(accounts.setPassword(mail.token(), PASSWORD)).isEqualTo("lea.garnier@atelier-vocal.fr");
        assertThat(engine.getIdentityService().checkPassword("lea.garnier@atelier-vocal.fr", PASSWORD)).isTrue();
        assertThatThrownBy(() -> accounts.setPassword(mail.token(), "Autre-mot-2026x"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("n'est plus valable");

        TrainingAction action = driver.as("lea.garnier@atelier-vocal.fr",
                () -> dossiers.create(new NewDossiers.NewDossier(DemoData.REGION, null, "Chant choral", 2026)));
        assertThat(driver.reload(action).getOrganisation().getSiret()).isEqualTo(NEW_SIRET);
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_SubmitDossier");
    }

    @Test
    void theAdministratorOfAKnownOrganisationAcceptsANewUser() {
        assertThat(onboarding.lookup("421 100 645 00017")).isEqualTo(new Onboarding.SiretLookup(DemoData.TITULAR_SIRET, true, "Scènes et Formations"));
        onboarding.request(new Onboarding.AccessRequest(DemoData.TITULAR_SIRET, null,
                new Accounts.NewUser("hugo.petit@scenes-formations.fr", "Hugo", "Petit"), null));
        ProcessInstance request = instance("hugo.petit@scenes-formations.fr");
        assertThat(request).isWaitingAt("Task_ApproveNewUser").task().hasCandidateGroup("org_" + DemoData.TITULAR_SIRET + "_admins");
        assertThat(visibleTasks("paul.roux", request)).as("another organisation's administrator").isEmpty();

        complete("marie.durand", visibleTasks("marie.durand", request).get(0), Map.of("decision", "APPROVE"));
        executeJobs(request);
        assertThat(request).isEnded().hasPassed("End_AccessOpened");
        assertThat(groupsOf("hugo.petit@scenes-formations.fr")).containsExactly("org_" + DemoData.TITULAR_SIRET);
        assertThat(mailbox.last("hugo.petit@scenes-formations.fr").body()).contains("Scènes et Formations");
    }

    @Test
    void aRefusalNeedsAReasonWhichIsEmailedAndCreatesNothing() {
        onboarding.request(newOrganisation("52900876540004", "remi.blanc@forma-plus.fr"));
        ProcessInstance request = instance("remi.blanc@forma-plus.fr");
        Task task = visibleTasks("claire.fabre", request).get(0);

        assertThatThrownBy(() -> complete("claire.fabre", task, Map.of("decision", "REJECT")))
                .hasMessageContaining("Indiquez le motif du refus");
        assertThat(request).isWaitingAt("Task_ValidateOrganisation");

        complete("claire.fabre", task, Map.of("decision", "REJECT", "reason", "Le numéro de déclaration d'activité est caduc."));
        executeJobs(request);
        assertThat(request).isEnded().hasPassed("Task_SendRefusal", "End_AccessRefused").hasNotPassed("Task_OpenAccount");
        assertThat(organisations.findBySiret("52900876540004")).isEmpty();
        assertThat(accounts.exists("remi.blanc@forma-plus.fr")).isFalse();
        assertThat(mailbox.last("remi.blanc@forma-plus.fr").body()).contains("Le numéro de déclaration d'activité est caduc.");
    }

    @Test
    void aRequestNobodyDecidesExpiresAfterThirtyDays() {
        onboarding.request(newOrganisation("33300111320003", "nina.faure@chorea.fr"));
        onboarding.request(new Onboarding.AccessRequest(DemoData.CFA_SIRET, null, new Accounts.NewUser("yann.bertin@cfa-sante.fr", "Yann", "Bertin"), null));
        ProcessInstance organisationRequest = instance("nina.faure@chorea.fr");
        ProcessInstance userRequest = instance("yann.bertin@cfa-sante.fr");

        clock(LocalDateTime.of(2026, 4, 2, 9, 0));
        executeJobs(organisationRequest);
        executeJobs(userRequest);
        assertThat(organisationRequest).isEnded().hasPassed("Timer_OrganisationRequestExpired", "End_RequestExpired");
        assertThat(userRequest).isEnded().hasPassed("Timer_UserRequestExpired", "End_RequestExpired");
        assertThat(mailbox.last("nina.faure@chorea.fr").subject()).isEqualTo("Votre demande d'accès à Formaflow a expiré");
        assertThat(mailbox.last("yann.bertin@cfa-sante.fr").body()).contains("CFA des Métiers de la Santé", "30 jours");
    }

    @Test
    void everyProblemOfARequestIsNamedAtOnceAndNothingStarts() {
        OrganisationRecord incomplete = new OrganisationRecord(null, "Forma Sud", "7634", null, true, null, true, null,
                null, "1 rue Haute", "3400", null, "04 67", "contact@forma-sud", null);
        assertThatThrownBy(() -> onboarding.request(new Onboarding.AccessRequest("61200445760004", null,
                new Accounts.NewUser("marie.durand@scenes-formations.fr", "", "Durand"), incomplete)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.details()).containsExactly(
                        "Le prénom est obligatoire.",
                        "Onglet « Informations légales », champs obligatoires non renseignés : région de déclaration d'activité, CFA (oui/non), assujetti à la TVA (oui/non).",
                        "Onglet « Activité », champs obligatoires non renseignés : zone d'intervention.",
                        "Onglet « Contacts », champs obligatoires non renseignés : ville, personne à contacter.",
                        "Le numéro de déclaration d'activité « 7634 » doit comporter 11 chiffres (ou « CFA » pour un CFA historique).",
                        "Le code postal « 3400 » doit comporter 5 chiffres.",
                        "Le téléphone « 04 67 » doit comporter 10 chiffres (ou +33 suivi de 9 chiffres).",
                        "L'adresse électronique « contact@forma-sud » n'est pas valide.",
                        "Choisissez le financeur auprès duquel votre organisme demande son référencement."));
        assertThatThrownBy(() -> onboarding.lookup("12345678901234")).hasMessageContaining("clé de contrôle incorrecte");
        assertThatThrownBy(() -> onboarding.request(new Onboarding.AccessRequest(DemoData.TITULAR_SIRET, null,
                new Accounts.NewUser("marie.durand", "Marie", "Durand"), null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.details())
                        .containsExactly("L'adresse électronique est obligatoire et doit être de la forme nom@domaine.fr."));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("marie.durand@scenes-formations.fr").count()).isZero();
    }

    /** Issue 27, enumeration: « Un compte existe déjà pour l'adresse … » told anybody who has an account. */
    @Test
    void anAddressWithAnAccountOrARequestGetsTheSameAnswerAndOnlyItsOwnerIsTold() {
        Onboarding.AccessRequest ines = new Onboarding.AccessRequest(DemoData.TITULAR_SIRET, null,
                new Accounts.NewUser("ines.roche@scenes-formations.fr", "Inès", "Roche"), null);
        String first = onboarding.request(ines);
        String again = onboarding.request(ines);
        String marie = onboarding.request(new Onboarding.AccessRequest(DemoData.TITULAR_SIRET, null,
                new Accounts.NewUser("Marie.Durand@scenes-formations.fr", "Marie", "Durand"), null));
        assertThat(again).isEqualTo(first);
        assertThat(marie).isEqualTo(first);

        // before the answer, every request did the same: one instance waiting at one job
        for (ProcessInstance request : engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Onboarding.PROCESS).list()
                .stream().filter(i -> i.getBusinessKey().startsWith("ines.") || i.getBusinessKey().startsWith("marie.")).toList()) {
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.getId()).count()).isOne();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).count()).isZero();
        }
        List<ProcessInstance> inesRequests = instances("ines.roche@scenes-formations.fr");
        assertThat(inesRequests).hasSize(2);
        ProcessInstance inesAgain = inesRequests.stream().filter(i -> engine.getTaskService().createTaskQuery()
                .processInstanceId(i.getId()).count() == 0).findFirst().orElseThrow();
        assertThat(inesRequests.stream().filter(i -> i != inesAgain).findFirst().orElseThrow()).isWaitingAt("Task_ApproveNewUser");
        assertThat(inesAgain).isWaitingAt("Task_TellKnownRequester");
        ProcessInstance marieRequest = instances("marie.durand@scenes-formations.fr").get(0);
        assertThat(marieRequest).isWaitingAt("Task_TellKnownRequester");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(marieRequest.getId()).count()).as("nobody is asked").isZero();

        executeJobs(inesAgain);
        executeJobs(marieRequest);
        assertThat(inesAgain).isEnded().hasPassed("End_KnownRequesterTold");
        assertThat(marieRequest).isEnded().hasPassed("End_KnownRequesterTold");
        assertThat(mailbox.last("ines.roche@scenes-formations.fr").body()).contains("déjà en cours pour cette adresse", "Scènes et Formations");
        assertThat(mailbox.last("marie.durand@scenes-formations.fr").body())
                .contains("Vous avez déjà un compte Formaflow", "Mot de passe oublié", "ignorez ce message");
        assertThat(groupsOf("marie.durand")).contains("org_" + DemoData.TITULAR_SIRET);
    }

    /** Runs last: every element of the onboarding process was exercised by the tests above. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyElementOfTheOnboardingProcessIsCovered() {
        assertThat(FlowCoverage.missingIn("organisation-onboarding.bpmn")).as("BPMN elements no test exercised").isEmpty();
    }

    static Onboarding.AccessRequest newOrganisation(String siret, String email) {
        String[] name = email.split("@")[0].split("\\.");
        return new Onboarding.AccessRequest(siret, "OCCITANIE",
                new Accounts.NewUser(email, name[0].equals("lea") ? "Léa" : cap(name[0]), cap(name[1])),
                new OrganisationRecord(siret, siret.equals(NEW_SIRET) ? "Atelier Vocal du Lodévois" : "Organisme " + siret,
                        "76341234534", "Occitanie", true, false, false, false, "Hérault",
                        "5 place du Marché", "34700", "Lodève", "04 67 44 10 10", "contact@atelier-vocal.fr", "Léa Garnier"));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The request made with this address, once its asynchronous start has run (the review task is then created). */
    private ProcessInstance instance(String email) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Onboarding.PROCESS)
                .processInstanceBusinessKey(email).singleResult();
        afterStart(instance);
        return instance;
    }

    private List<ProcessInstance> instances(String email) {
        List<ProcessInstance> instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Onboarding.PROCESS)
                .processInstanceBusinessKey(email).list();
        instances.forEach(this::afterStart);
        return instances;
    }

    /** Runs the job a new address's request waits at before its review (« Organisme déjà référencé ? », asynchronous). */
    private void afterStart(ProcessInstance instance) {
        engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId("Gateway_OrganisationKnown").list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    private List<Task> visibleTasks(String userId, ProcessInstance request) {
        return driver.as(userId, () -> engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).list());
    }

    private void complete(String userId, Task task, Map<String, Object> values) {
        driver.as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    private List<String> groupsOf(String userId) {
        return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    }

    private void executeJobs(ProcessInstance instance) {
        for (boolean any = true; any; ) {
            List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list();
            any = !jobs.isEmpty();
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
