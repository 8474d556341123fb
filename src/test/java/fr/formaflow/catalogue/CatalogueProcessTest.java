package fr.formaflow.catalogue;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.notification.NotificationRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of processes/offer-publication.bpmn and processes/organisation-revalidation.bpmn, driven as Tasklist
 * would (form submissions under the users' identities), with the engine's clock moved for every timer.
 */
@FormaflowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    Offers offers;
    @Autowired
    Revalidations revalidations;
    @Autowired
    PublicOfferSearch search;
    @Autowired
    PublishedOfferRepository published;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    FunderRepository funders;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionTemplate transactions;

    CatalogueDriver driver;
    Mailbox mailbox = Mailbox.open();

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        driver = new CatalogueDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theFundedDossierBecomesAnOfferThatIsCompletedSentBackWithReasonsThenCodedAndPublished() {
        TrainingAction action = driver.fundedDossier();
        TrainingOffer offer = driver.offerOf(action);

        OfferContent draft = offer.getDraft();
        assertThat(draft.title()).isEqualTo("Accessoiriste de spectacle");
        assertThat(draft.objectives()).startsWith("Maîtriser la fabrication");
        assertThat(draft.modules()).extracting(OfferModule::title, m -> m.hours().intValueExact())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Formation en centre", 140),
                        org.assertj.core.groups.Tuple.tuple("Période en entreprise", 70));
        assertThat(draft.startDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(draft.endDate()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(draft.city()).isEqualTo("Clermont-l'Hérault");
        assertThat(draft.postcode()).isEqualTo("34800");
        assertThat(draft.placesAvailable()).isEqualTo(3);
        assertThat(draft.fundingComment()).isEqualTo("Action financée par Région Occitanie, retenue lors du vote du 01/12/2025.");
        assertThat(draft.fundingVoteDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(draft.contactName()).isEqualTo("Marie Durand");

        ProcessInstance instance = driver.instance(offer);
        assertThat(instance).isWaitingAt("Task_CompleteOffer").task().hasCandidateGroup(Organisation.groupIdFor(DemoData.TITULAR_SIRET));
        assertThat(driver.dossiers.as("sophie.martin", () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).list())).as("another organisation's tasks").isEmpty();

        // every missing field is named, tab by tab, and nothing moves
        assertThatThrownBy(() -> driver.sendForValidation(offer, Map.of("title", "", "startDate", "", "fundingVoteDate", "",
                "contactName", " ", "contactPhone", "", "contactEmail", "", "postcode", "348")))
                .hasMessageContaining("L'offre ne peut pas être envoyée pour validation")
                .hasMessageContaining("Onglet « Description », champs obligatoires non renseignés : intitulé.")
                .hasMessageContaining("Onglet « Session », champs obligatoires non renseignés : date de début.")
                .hasMessageContaining("Onglet « Financement », champs obligatoires non renseignés : date du vote du financeur.")
                .hasMessageContaining("Onglet « Inscription », champs obligatoires non renseignés : personne à contacter, "
                        + "téléphone ou adresse électronique du contact.")
                .hasMessageContaining("Le code postal « 348 » doit comporter 5 chiffres.");
        assertThat(instance).isWaitingAt("Task_CompleteOffer");
        assertThat(driver.reload(offer).getState()).isEqualTo(OfferState.DRAFT);

        driver.sendForValidation(offer, Map.of("title", "Accessoiriste CACES et SST"));
        assertThat(instance).isWaitingAt("Task_ValidateOffer").task().hasCandidateGroup(Funder.groupIdFor(DemoData.REGION));
        assertThat(driver.reload(offer).getState()).isEqualTo(OfferState.IN_VALIDATION);
        Map<String, Object> validation = driver.form(offer, "Task_ValidateOffer");
        assertThat(validation.get("offer").toString()).contains("Intitulé : Accessoiriste CACES et SST", "Formation en centre : 140 h",
                "Période en entreprise : 70 h", "du 05/01/2026 au 27/02/2026", "retenue lors du vote du 01/12/2025");
        assertThat(validation.get("wording")).isEqualTo("Sigles ou abréviations à expliciter pour le grand public : CACES, SST.");
        assertThat(validation.get("changes")).as("first publication").isNull();
        assertThat(validation.get("formacode")).isEqualTo("45054");

        // a rejection needs its reason, which the organisation reads on its next task
        assertThatThrownBy(() -> driver.sendBack(offer, " ")).hasMessageContaining("Le motif du renvoi est obligatoire");
        driver.sendBack(offer, "Expliquez les sigles CACES et SST dans l'intitulé.");
        assertThat(instance).isWaitingAt("Task_CompleteOffer");
        assertThat(driver.form(offer, "Task_CompleteOffer").get("rejections").toString())
                .contains("par claire.fabre : Expliquez les sigles CACES et SST dans l'intitulé.");
        assertThat(published.findById(offer.getId())).as("nothing published yet").isEmpty();

        driver.sendForValidation(offer, Map.of("title", "Accessoiriste de spectacle : fabrication et régie des accessoires"));
        assertThat(driver.form(offer, "Task_ValidateOffer").get("wording")).isNull();
        assertThatThrownBy(() -> driver.publish(offer, "4505")).hasMessageContaining("Le Formacode « 4505 » doit comporter 5 chiffres.");
        driver.publish(offer, "45071");

        assertThat(instance).isWaitingAt("Gateway_Published")
                .hasPassed("Task_PublishOffer");
        assertThat(driver.reload(offer).getState()).isEqualTo(OfferState.PUBLISHED);
        assertThat(publicTitles("45071")).containsExactly("Accessoiriste de spectacle : fabrication et régie des accessoires");
        assertThat(offers.isPublished(action.getId())).isTrue();
    }

    @Test
    void aChangeIsValidatedAgainWhileThePublishedVersionStaysOnlineAndTheSessionLeavesEightDaysAfterItsStart() {
        TrainingOffer offer = publishedOffer("45072", Map.of());
        ProcessInstance instance = driver.instance(offer);

        driver.dossiers.as(DossierDriver.ORGANISATION_USER, () -> offers.requestChange(offer.getId()));
        assertThat(instance).isWaitingAt("Task_CompleteOffer");
        assertThatThrownBy(() -> driver.dossiers.as(DossierDriver.ORGANISATION_USER, () -> offers.requestChange(offer.getId())))
                .hasMessageContaining("Une modification de cette offre est déjà en cours");
        assertThat(driver.form(offer, "Task_CompleteOffer").get("online").toString()).contains("Places disponibles : 3");

        driver.sendForValidation(offer, Map.of("placesAvailable", 1, "startDate", "2026-01-12"));
        assertThat(driver.form(offer, "Task_ValidateOffer").get("changes").toString())
                .contains("Date de début : 05/01/2026 → 12/01/2026", "Places disponibles : 3 → 1");
        assertThat(publicSessions("45072")).extracting(PublicOfferSearch.Session::placesAvailable).as("still the published version").containsExactly(3);

        driver.publish(offer, "45072");
        assertThat(publicSessions("45072")).extracting(PublicOfferSearch.Session::placesAvailable, PublicOfferSearch.Session::startDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 1, 12)));
        assertThat(instance).hasPassedInOrder("Task_PublishOffer", "Message_ChangeRequested", "Task_CompleteOffer", "Task_PublishOffer");
        assertThat((Date) engine.getRuntimeService().getVariable(instance.getId(), "leavesCatalogueAt"))
                .isEqualTo(Date.from(LocalDate.of(2026, 1, 20).atStartOfDay(fr.formaflow.platform.Clock.PARIS).toInstant()));

        clock(LocalDateTime.of(2026, 1, 19, 23, 0));
        driver.runDueJobs(instance.getId());
        assertThat(publicSessions("45072")).as("J + 7").hasSize(1);

        clock(LocalDateTime.of(2026, 1, 20, 0, 5));
        assertThat(publicSessions("45072")).as("J + 8, even before the timer runs").isEmpty();
        driver.runDueJobs(instance.getId());
        assertThat(instance).isEnded().hasPassed("Timer_SessionStarted", "Task_WithdrawSession", "End_SessionWithdrawn");
        assertThat(driver.reload(offer).getState()).isEqualTo(OfferState.WITHDRAWN);
        assertThat(published.findById(offer.getId()).orElseThrow().isSessionOver()).isTrue();
        assertThatThrownBy(() -> driver.dossiers.as(DossierDriver.ORGANISATION_USER, () -> offers.requestChange(offer.getId())))
                .hasMessageContaining("retirée du catalogue");
    }

    @Test
    void aSessionThatStartsWhileItsOfferIsStillInDraftOrInValidationLeavesTheCatalogue() {
        TrainingOffer draft = driver.offerOf(driver.fundedDossier());
        TrainingOffer inValidation = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(inValidation, Map.of());
        ProcessInstance draftInstance = driver.instance(draft);
        ProcessInstance validationInstance = driver.instance(inValidation);

        clock(LocalDateTime.of(2026, 1, 13, 0, 5));
        driver.runDueJobs(draft.getProcessInstanceId());
        driver.runDueJobs(inValidation.getProcessInstanceId());
        assertThat(draftInstance).isEnded().hasPassed("Timer_DraftSessionStarted", "Task_WithdrawSession", "End_SessionWithdrawn");
        assertThat(validationInstance).isEnded().hasPassed("Timer_ValidationSessionStarted", "End_SessionWithdrawn");
        assertThat(driver.reload(draft).getState()).isEqualTo(OfferState.WITHDRAWN);
        assertThat(published.findById(draft.getId())).isEmpty();
    }

    @Test
    void anOrganisationThatDoesNotRevalidateItsRecordForTwelveMonthsIsWithdrawnAfterAReminderUntilItRevalidates() {
        // an organisation's first offer starts its yearly revalidation
        Organisation newcomer = transactions.execute(t -> organisations.findBySiret("42110064500108").orElseGet(() -> organisations.save(
                new Organisation("42110064500108", "Scènes et Formations — antenne de Sète", "76340123434"))));
        revalidations.ensureFollowed(newcomer);
        assertThat(revalidationInstance(newcomer)).hasPassed("Start_OrganisationListed", "Task_ScheduleRevalidation")
                .isWaitingAt("Gateway_BeforeReminder");
        assertThat(revalidations.listing(newcomer).withdrawalDate()).isEqualTo(LocalDate.of(2026, 12, 1));

        Organisation organisation = organisations.findBySiret(DemoData.TITULAR_SIRET).orElseThrow();
        TrainingOffer offer = publishedOffer("45073", Map.of("startDate", "2028-06-05", "endDate", "2028-07-28"));
        revalidations.revalidate(organisation);
        String instanceId = revalidationInstance(organisation).getId();
        assertThat(revalidationInstance(organisation)).isWaitingAt("Gateway_BeforeReminder");
        assertThat(revalidations.listing(organisation).withdrawalDate()).isEqualTo(LocalDate.of(2026, 12, 1));

        clock(LocalDateTime.of(2026, 10, 31, 23, 0));
        driver.runDueJobs(instanceId);
        assertThat(revalidationInstance(organisation)).isWaitingAt("Gateway_BeforeReminder");

        clock(LocalDateTime.of(2026, 11, 1, 0, 5));
        driver.runDueJobs(instanceId);
        assertThat(revalidationInstance(organisation)).hasPassed("Task_SendReminder").isWaitingAt("Gateway_BeforeWithdrawal");
        String reminder = "Revalidez la fiche de votre organisme avant le 01/12/2026";
        assertThat(notifications.findAll()).anyMatch(n -> n.getSubject().equals(reminder)
                && n.getBody().contains("validée pour la dernière fois le 01/12/2025"));
        assertThat(mailbox.last("contact@scenes-formations.fr").subject()).isEqualTo(reminder);
        assertThat(publicTitles("45073")).as("still listed after the reminder").hasSize(1);

        // revalidated after the reminder: a new year starts
        clock(LocalDateTime.of(2026, 11, 10, 9, 0));
        revalidations.revalidate(organisation);
        assertThat(revalidationInstance(organisation)).hasPassed("Message_RevalidatedAfterReminder").isWaitingAt("Gateway_BeforeReminder");

        clock(LocalDateTime.of(2027, 10, 10, 0, 5));
        driver.runDueJobs(instanceId);
        clock(LocalDateTime.of(2027, 11, 10, 0, 5));
        driver.runDueJobs(instanceId);
        assertThat(revalidationInstance(organisation)).hasPassed("Task_WithdrawOrganisationOffers")
                .isWaitingAt("Message_RevalidatedAfterWithdrawal");
        assertThat(publicTitles("45073")).as("withdrawn with its organisation").isEmpty();
        assertThat(offers.isPublished(offer.getActionId())).isFalse();
        assertThat(mailbox.last("contact@scenes-formations.fr").subject()).isEqualTo("Les offres de votre organisme sont retirées du catalogue");

        clock(LocalDateTime.of(2027, 11, 15, 9, 0));
        driver.dossiers.as(DossierDriver.ORGANISATION_USER, () -> revalidations.revalidate(organisation));
        assertThat(revalidationInstance(organisation)).hasPassed("Message_RevalidatedAfterWithdrawal").isWaitingAt("Gateway_BeforeReminder");
        assertThat(publicTitles("45073")).as("back once revalidated").hasSize(1);
        assertThat(revalidations.listing(organisation).isWithdrawn()).isFalse();
    }

    @Test
    void theDossierCannotBeOpenedWithoutAPublishedOfferWhenItsFunderRequiresOne() {
        requirePublishedOffer(true);
        try {
            TrainingAction action = driver.fundedDossier();
            DossierDriver dossiers = driver.dossiers;
            dossiers.uploadContractDocuments(action);
            dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
            dossiers.approve(action, "CallActivity_ValidateContract");
            dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(2));
            dossiers.approve(action, "CallActivity_ValidateTrainees");

            Map<String, Object> opening = Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY");
            assertThatThrownBy(() -> dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_OpenAction", opening))
                    .hasMessageContaining("L'action ne peut pas être ouverte : Région Occitanie ne finance que les actions publiées au catalogue");
            assertThat(dossiers.openTaskKeys(action)).containsExactly("Task_OpenAction");

            TrainingOffer offer = driver.offerOf(action);
            driver.sendForValidation(offer, Map.of());
            driver.publish(offer, "45074");
            dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_OpenAction", opening);
            assertThat(dossiers.openTaskKeys(action)).containsExactly("CallActivity_ValidateOpening");
        } finally {
            requirePublishedOffer(false);
        }
    }

    /** Runs last: every element of the two catalogue processes was exercised by the tests above. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyElementOfTheCatalogueProcessesIsCovered() {
        assertThat(FlowCoverage.missingIn("offer-publication.bpmn", "organisation-revalidation.bpmn"))
                .as("BPMN elements no test exercised").isEmpty();
    }

    private TrainingOffer publishedOffer(String formacode, Map<String, Object> changes) {
        TrainingOffer offer = driver.offerOf(driver.fundedDossier());
        driver.sendForValidation(offer, changes);
        driver.publish(offer, formacode);
        return offer;
    }

    private List<PublicOfferSearch.Session> publicSessions(String formacode) {
        return search.search(new PublicOfferSearch.Criteria(formacode, null, null, null, null, 0, 20),
                LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), fr.formaflow.platform.Clock.PARIS).toLocalDate()).sessions();
    }

    private List<String> publicTitles(String formacode) {
        return publicSessions(formacode).stream().map(PublicOfferSearch.Session::title).toList();
    }

    private ProcessInstance revalidationInstance(Organisation organisation) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Revalidations.PROCESS)
                .processInstanceBusinessKey(organisation.getSiret()).singleResult();
    }

    private void requirePublishedOffer(boolean required) {
        transactions.executeWithoutResult(s -> funders.findByCode(DemoData.REGION).orElseThrow().requirePublishedOffer(required));
    }
}
