package fr.formaflow.organisation;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
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

/**
 * Every path of processes/delegation-request.bpmn: a CFA's request accepted then ended by either side, refused,
 * withdrawn while pending, expired. Nothing is granted before the delegating organisation's administrator accepts,
 * and everything is taken back when either side ends it.
 */
@FormaflowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegationProcessTest {

    static final String CFA_ADMIN = "sophie.martin";
    static final String CFA_MAIL = "sophie.martin@cfa-sante-occitanie.fr";
    static final String TITULAR_ADMIN = "marie.durand";
    static final String TITULAR_MAIL = "marie.durand@scenes-formations.fr";
    static final String SUBCONTRACTOR_MAIL = "paul.roux@cevennes-gestion.fr";

    @Autowired
    ProcessEngine engine;
    @Autowired
    Delegations delegations;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    DelegatedActRepository acts;
    @Autowired
    ApplicationContext context;

    Mailbox mailbox = Mailbox.open();
    DossierDriver driver;
    Organisation cfa;
    Organisation titular;

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        cfa = organisations.findBySiret(DemoData.CFA_SIRET).orElseThrow();
        titular = organisations.findBySiret(DemoData.TITULAR_SIRET).orElseThrow();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void anAcceptedDelegationGrantsTheDossiersRecordsActsWithBothNamesAndTheDelegatingOrganisationEndsIt() {
        TrainingAction dossier = driver.create(DossierDriver.ORGANISATION_USER, DemoData.REGION, "Régie son");
        Delegation delegation = request();
        ProcessInstance instance = instance(delegation);
        assertThat(instance).isWaitingAt("Task_ReviewDelegation", "Task_NotifyRequest");
        assertThat(instance).task("Task_ReviewDelegation").hasCandidateGroup(titular.getAdminGroupId());

        // nothing is granted while the request is pending: not the dossiers, not the review task
        assertThat(delegation.getStatus()).isEqualTo(DelegationStatus.PENDING);
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).isEmpty();
        assertThat(visibleTasks(CFA_ADMIN, instance)).isEmpty();
        assertThat(driver.as(CFA_ADMIN, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier.getContractNumber()).count()))
                .isZero();
        assertThat(visibleTasks("paul.roux", instance)).as("another organisation's administrator").isEmpty();

        executeJobs(instance);
        assertThat(mailbox.last(TITULAR_MAIL).subject()).isEqualTo("Demande de délégation de CFA des Métiers de la Santé");
        assertThat(mailbox.last(TITULAR_MAIL).body()).contains("demande à gérer les dossiers", "Tasklist");
        assertThat(mailbox.last(CFA_MAIL).subject()).isEqualTo("Demande de délégation envoyée à Scènes et Formations");

        Task review = visibleTasks(TITULAR_ADMIN, instance).get(0);
        assertThat(engine.getTaskService().getVariableLocal(review.getId(), "request").toString())
                .contains("CFA des Métiers de la Santé", "789 456 126 00018", "Scènes et Formations", CFA_ADMIN);
        assertThatThrownBy(() -> complete(TITULAR_ADMIN, review, Map.of("decision", "MAYBE"))).hasMessageContaining("Choisissez");
        complete(TITULAR_ADMIN, review, Map.of("decision", "ACCEPT"));

        assertThat(instance).isWaitingAt("Event_DelegationEnded", "Task_NotifyAccepted");
        assertThat(delegations.get(delegation.getId()).getStatus()).isEqualTo(DelegationStatus.ACTIVE);
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).containsExactly(titular.getGroupId());
        executeJobs(instance);
        assertThat(mailbox.last(CFA_MAIL).subject()).isEqualTo("Délégation acceptée");
        assertThat(mailbox.last(TITULAR_MAIL).subject()).isEqualTo("Délégation acceptée");

        // the CFA now works on the delegating organisation's dossier; its completion is recorded with both names
        assertThat(driver.as(CFA_ADMIN, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier.getContractNumber()).count()))
                .isEqualTo(1);
        assertThat(authorizationsOf(cfa.getGroupId(), dossier)).isEqualTo(2);
        driver.complete(CFA_ADMIN, dossier, "Task_SubmitDossier", DossierDriver.programme(2));
        DelegatedAct act = acts.concerning(titular).get(0);
        assertThat(act.getUserId()).isEqualTo(CFA_ADMIN);
        assertThat(act.getDelegateName()).isEqualTo("CFA des Métiers de la Santé");
        assertThat(act.getDelegatingName()).isEqualTo("Scènes et Formations");
        assertThat(act.getBusinessKey()).isEqualTo(dossier.getContractNumber());
        assertThat(act.getDescription()).contains("terminée par sophie.martin (CFA des Métiers de la Santé) pour Scènes et Formations");
        // a task the organisation's own user completes is not an act by delegation
        long recorded = acts.count();
        driver.approve(dossier, "CallActivity_ValidateSubmission");
        assertThat(acts.count()).isEqualTo(recorded);

        // the delegating organisation ends it: every grant is taken back at once
        String openTask = driver.openTaskKeys(dossier).get(0);
        delegations.end(titular, DemoData.CFA_SIRET, TITULAR_ADMIN);
        assertThat(delegations.get(delegation.getId()).getStatus()).isEqualTo(DelegationStatus.ENDED);
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).isEmpty();
        assertThat(driver.as(CFA_ADMIN, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(dossier.getContractNumber()).count()))
                .as("open task " + openTask).isZero();
        assertThat(authorizationsOf(cfa.getGroupId(), dossier)).isZero();
        assertThat(instance).isWaitingAt("Task_NotifyEnded");
        executeJobs(instance);
        assertThat(instance).isEnded().hasPassed("End_AcceptanceNotified", "End_DelegationEnded");
        assertThat(mailbox.last(CFA_MAIL).subject()).isEqualTo("Fin de la délégation");
        assertThat(mailbox.last(CFA_MAIL).body()).contains("par marie.durand", "n'a plus accès");
        // a dossier started afterwards is not shared either
        TrainingAction later = driver.create(DossierDriver.ORGANISATION_USER, DemoData.REGION, "Lumière");
        assertThat(driver.as(CFA_ADMIN, () -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(later.getContractNumber()).count()))
                .isZero();
        assertThat(authorizationsOf(cfa.getGroupId(), later)).isZero();
    }

    @Test
    @Order(2)
    void theCfaEndsTheDelegationItself() {
        Delegation delegation = request();
        ProcessInstance instance = instance(delegation);
        complete(TITULAR_ADMIN, visibleTasks(TITULAR_ADMIN, instance).get(0), Map.of("decision", "ACCEPT"));
        executeJobs(instance);
        assertThatThrownBy(() -> request()).hasMessageContaining("déjà un organisme déléguant");

        delegations.end(cfa, DemoData.TITULAR_SIRET, CFA_ADMIN);
        executeJobs(instance);
        assertThat(instance).isEnded().hasPassed("Event_DelegationEnded", "End_DelegationEnded");
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).isEmpty();
        assertThat(mailbox.last(TITULAR_MAIL).body()).contains("par sophie.martin");
        assertThatThrownBy(() -> delegations.end(cfa, DemoData.TITULAR_SIRET, CFA_ADMIN)).hasMessageContaining("Aucune délégation");
    }

    @Test
    @Order(3)
    void aRefusalNeedsAReasonWhichBothSidesReadAndGrantsNothing() {
        Delegation delegation = request();
        ProcessInstance instance = instance(delegation);
        Task review = visibleTasks(TITULAR_ADMIN, instance).get(0);
        assertThatThrownBy(() -> complete(TITULAR_ADMIN, review, Map.of("decision", "REFUSE"))).hasMessageContaining("Indiquez le motif du refus");
        complete(TITULAR_ADMIN, review, Map.of("decision", "REFUSE", "reason", "Nous gérons nos dossiers nous-mêmes."));
        executeJobs(instance);
        assertThat(instance).isEnded().hasPassed("Task_NotifyRefused", "End_DelegationRefused").hasNotPassed("Gateway_Active");
        assertThat(delegations.get(delegation.getId()).getStatus()).isEqualTo(DelegationStatus.REFUSED);
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).isEmpty();
        assertThat(mailbox.last(CFA_MAIL).body()).contains("Nous gérons nos dossiers nous-mêmes.");
        assertThat(mailbox.last(TITULAR_MAIL).subject()).isEqualTo("Délégation refusée");
    }

    @Test
    @Order(4)
    void eitherSideWithdrawsAPendingRequest() {
        ProcessInstance first = instance(request());
        delegations.end(cfa, DemoData.TITULAR_SIRET, CFA_ADMIN);
        executeJobs(first);
        assertThat(first).isEnded().hasPassed("Event_RequestWithdrawn", "End_DelegationEnded").hasNotPassed("Gateway_Accepted");
        assertThat(mailbox.to(TITULAR_MAIL)).extracting(Mailbox.Mail::subject).contains("Demande de délégation retirée");

        Delegation declined = request();
        ProcessInstance second = instance(declined);
        delegations.end(titular, DemoData.CFA_SIRET, TITULAR_ADMIN);
        executeJobs(second);
        assertThat(second).isEnded().hasPassed("End_DelegationEnded");
        assertThat(delegations.get(declined.getId()).getStatus()).isEqualTo(DelegationStatus.ENDED);
        assertThat(delegations.delegatingGroups(List.of(cfa.getGroupId()))).isEmpty();
    }

    @Test
    @Order(5)
    void aRequestNobodyDecidesExpiresAfterThirtyDays() {
        Organisation subcontractor = organisations.findBySiret(DemoData.SUBCONTRACTOR_SIRET).orElseThrow();
        Delegation delegation = driver.as(CFA_ADMIN, () -> delegations.request(cfa, DemoData.SUBCONTRACTOR_SIRET, CFA_ADMIN, LocalDateTime.of(2026, 3, 2, 9, 0)));
        ProcessInstance instance = instance(delegation);
        assertThat(instance).task("Task_ReviewDelegation").hasCandidateGroup(subcontractor.getAdminGroupId());
        clock(LocalDateTime.of(2026, 4, 2, 9, 0));
        executeJobs(instance);
        assertThat(instance).isEnded().hasPassed("Timer_RequestExpired", "Task_ExpireRequest", "Task_NotifyExpiry", "End_RequestExpired");
        assertThat(delegations.get(delegation.getId()).getStatus()).isEqualTo(DelegationStatus.EXPIRED);
        assertThat(mailbox.last(SUBCONTRACTOR_MAIL).subject()).isEqualTo("Demande de délégation expirée");
        assertThat(mailbox.last(CFA_MAIL).subject()).isEqualTo("Demande de délégation expirée");
    }

    /** Runs last: every element of the delegation process was exercised by the tests above. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyElementOfTheDelegationProcessIsCovered() {
        assertThat(FlowCoverage.missingIn("delegation-request.bpmn")).as("BPMN elements no test exercised").isEmpty();
    }

    private Delegation request() {
        return driver.as(CFA_ADMIN, () -> delegations.request(cfa, DemoData.TITULAR_SIRET, CFA_ADMIN, LocalDateTime.of(2026, 3, 2, 9, 0)));
    }

    private ProcessInstance instance(Delegation delegation) {
        String id = delegations.get(delegation.getId()).getProcessInstanceId();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private long authorizationsOf(String group, TrainingAction dossier) {
        String instanceId = driver.mainInstance(dossier).getId();
        return engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group).resourceId(instanceId).list().stream()
                .filter(a -> a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
                        || a.getResourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()).count();
    }

    private List<Task> visibleTasks(String userId, ProcessInstance instance) {
        return driver.as(userId, () -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list());
    }

    private void complete(String userId, Task task, Map<String, Object> values) {
        driver.as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    private void executeJobs(ProcessInstance instance) {
        for (boolean any = true; any; ) {
            List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
            any = !jobs.isEmpty();
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
