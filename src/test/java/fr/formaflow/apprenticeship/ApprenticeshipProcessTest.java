package fr.formaflow.apprenticeship;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FlowCoverage;
import fr.formaflow.support.FormaflowTest;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.transaction.support.TransactionTemplate;

/** Every state transition of an apprenticeship contract and of a reimbursement request, as the CFA and the OPCO do them. */
@FormaflowTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprenticeshipProcessTest {

    static final String CFA_USER = "sophie.martin";
    static final String OPCO_USER = "julien.morel";

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApprenticeshipContracts contracts;
    @Autowired
    ReimbursementRequests reimbursements;
    @Autowired
    ApplicationContext context;
    @Autowired
    TransactionTemplate transactions;

    DossierDriver driver;
    static int sequence;

    @BeforeAll
    static void countOnlyThisClass() {
        FlowCoverage.COVERED.clear();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2026, 8, 25, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ApprenticeshipContract receive(boolean cerfa, boolean agreement, LocalDate signedOn) {
        sequence++;
        return driver.as(OPCO_USER, () -> contracts.receive(new ApprenticeshipContracts.NewContract(null, DemoData.CFA_SIRET,
                "034202608" + String.format("%06d", sequence), "Lopez", "Inès", "Clinique du Parc", "48300123650002",
                "Diplôme d'État d'aide-soignant", signedOn, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31),
                "7 000,00", "8 200,00", "500,00", cerfa, agreement)));
    }

    @Test
    void aCompleteContractIsInstructedAndFundedThenPaidInInstalmentsWithReceipts() throws IOException {
        ApprenticeshipContract contract = receive(true, true, LocalDate.of(2026, 8, 20));
        ProcessInstance instance = instance(contract);
        assertThat(instance).isWaitingAt("Task_ReviewContract").task().hasCandidateGroup("funder_" + DemoData.OPCO.toLowerCase());
        assertThat(contract.getOpcoActionNumber()).matches("OPS-2026-\\d{6}");
        assertThat(states(contract)).containsExactly(ContractState.RECEIVED, ContractState.IN_REVIEW);
        assertThat(task(contract, OPCO_USER).getName()).isEqualTo("Instruire le contrat");
        assertThat(plain(engine.getFormService().getTaskFormVariables(task(contract, OPCO_USER).getId()).get("summary").toString()))
                .contains("Budget alternance à facturer à l'OPCO : 7 000,00 €", "à facturer à l'employeur : 1 200,00 €");

        complete(OPCO_USER, contract, Map.of("decision", "ACCEPT"));
        assertThat(instance).isWaitingAt("Timer_ContractEnd");
        assertThat(reload(contract).getState()).isEqualTo(ContractState.IN_PROGRESS);

        // the first advance: from the contract's first day, without a certificate; its receipt is issued at once
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2026-100", null,
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null)))
                .hasMessageContaining("peut être demandé à partir du 01/09/2026");
        clock(LocalDateTime.of(2026, 9, 2, 9, 0));
        ReimbursementRequest first = driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2026-101", "350,00",
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null));
        assertThat(first.getInstalmentLabel()).isEqualTo("Avance de 50 %");
        assertThat(first.getAmountCents()).isEqualTo(350_000L);
        assertThat(first.getReceiptNumber()).matches("R2026-\\d{5}");
        String receipt = text(first.getReceiptPdf());
        assertThat(receipt).contains("Récépissé de demande de remboursement n°", "Récépissé n° " + first.getReceiptNumber(), contract.getOpcoActionNumber(),
                "Inès LOPEZ", "Clinique du Parc", "Avance de 50 %", "3 500,00 €", "350,00 €", "3 850,00 €",
                "non requis pour le premier versement", "ne vaut pas accord de paiement", "1 200,00 €");
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2026-102", null,
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null)))
                .hasMessageContaining("attend déjà la décision de l'OPCO");

        ProcessInstance firstRequest = requestInstance(first);
        assertThat(firstRequest).isWaitingAt("Task_ReviewReimbursement");
        completeRequest(OPCO_USER, first, Map.of("decision", "APPROVE"));
        assertThat(firstRequest).isEnded().hasPassed("End_RequestAccepted");

        // the 7th-month instalment: not before its date, and only with a certificate
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2027-007", null,
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.details()).containsExactly(
                        "Le versement « Versement de 25 % (7e mois) » peut être demandé à partir du 01/03/2027.",
                        "Joignez le certificat de réalisation."));
        clock(LocalDateTime.of(2027, 3, 2, 9, 0));
        ReimbursementRequest second = driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2027-007", "100,00",
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()),
                new ReimbursementRequests.Attachment("certificat.pdf", DossierDriver.pdf())));
        assertThat(text(second.getReceiptPdf())).contains("Certificat de réalisation — SHA-256", "1 750,00 €");
        ProcessInstance secondRequest = requestInstance(second);
        assertThatThrownBy(() -> completeRequest(OPCO_USER, second, Map.of("decision", "REJECT")))
                .hasMessageContaining("Indiquez le motif");
        completeRequest(OPCO_USER, second, Map.of("decision", "REJECT", "reason", "Le certificat n'est pas signé."));
        assertThat(secondRequest).isEnded().hasPassed("End_RequestRejected");
        assertThat(reimbursements.requests(contract)).extracting(ReimbursementRequest::getStatus)
                .containsExactly(ReimbursementRequest.Status.ACCEPTED, ReimbursementRequest.Status.REJECTED);

        // a rejected instalment is asked for again; frais divers cannot exceed what is left (500 − 350)
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2027-008", "200,00",
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()),
                new ReimbursementRequests.Attachment("certificat.pdf", DossierDriver.pdf()))))
                .satisfies(e -> assertThat(plain(e.getMessage())).contains("dépassent ce qui reste du budget de premier équipement (150,00 €)"));
        ReimbursementRequest again = driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-2027-008", "150,00",
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()),
                new ReimbursementRequests.Attachment("certificat.pdf", DossierDriver.pdf())));
        assertThat(again.getInstalment()).isEqualTo(2);

        // the contract's end date passes: its process ends, still "en cours" for the CFA's records
        clock(LocalDateTime.of(2027, 9, 1, 9, 0));
        executeJobs(instance);
        assertThat(instance).isEnded().hasPassed("End_ContractCompleted");
    }

    @Test
    void anIncompleteContractWaitsIsRemindedAndLoopsUntilTheAdviserFundsIt() {
        ApprenticeshipContract contract = receive(false, false, LocalDate.of(2026, 8, 20));
        ProcessInstance instance = instance(contract);
        assertThat(instance).isWaitingAt("Task_CompleteContract").task().hasCandidateGroup("org_" + DemoData.CFA_SIRET);
        assertThat(reload(contract).getState()).isEqualTo(ContractState.PENDING);
        assertThat(lastComment(contract)).isEqualTo("Manque : le CERFA complet et signé par toutes les parties, la convention de formation signée.");

        clock(LocalDateTime.of(2026, 9, 10, 9, 0));
        executeJobs(instance);
        assertThat(instance).hasPassed("Task_SendReminder", "End_ReminderSent").isWaitingAt("Task_CompleteContract");

        assertThatThrownBy(() -> complete(CFA_USER, contract, Map.of())).hasMessageContaining("Cochez les pièces transmises");
        complete(CFA_USER, contract, Map.of("cerfaSigned", true));
        assertThat(instance).isWaitingAt("Task_CompleteContract");
        complete(CFA_USER, contract, Map.of("agreementSigned", true));
        assertThat(instance).isWaitingAt("Task_ReviewContract");

        complete(OPCO_USER, contract, Map.of("decision", "INCOMPLETE", "reason", "La page 3 du CERFA n'est pas signée par l'employeur."));
        assertThat(instance).isWaitingAt("Task_CompleteContract");
        assertThat(lastComment(contract)).isEqualTo("Manque : La page 3 du CERFA n'est pas signée par l'employeur..");
        complete(CFA_USER, contract, Map.of("cerfaSigned", true));
        complete(OPCO_USER, contract, Map.of("decision", "ACCEPT"));
        // still incomplete after the CERFA alone: the contract stays "en attente", now missing the agreement only
        assertThat(states(contract)).containsExactly(ContractState.RECEIVED, ContractState.PENDING, ContractState.PENDING,
                ContractState.IN_REVIEW, ContractState.PENDING, ContractState.IN_REVIEW, ContractState.IN_PROGRESS);
    }

    @Test
    void anAdviserDeletesAContractAndAnEmployerCancelsAnother() {
        ApprenticeshipContract deleted = receive(true, true, LocalDate.of(2026, 8, 20));
        ProcessInstance deletedInstance = instance(deleted);
        assertThatThrownBy(() -> complete(OPCO_USER, deleted, Map.of("decision", "DELETE"))).hasMessageContaining("Indiquez le motif");
        complete(OPCO_USER, deleted, Map.of("decision", "DELETE", "reason", "Doublon du contrat 034202608000001."));
        assertThat(deletedInstance).isEnded().hasPassed("End_ContractDeleted");
        assertThat(reload(deleted).getState()).isEqualTo(ContractState.DELETED);
        assertThatThrownBy(() -> driver.as(OPCO_USER, () -> contracts.cancel(deleted.getId(), "Rupture")))
                .hasMessageContaining("ne peut plus être annulé");

        ApprenticeshipContract cancelled = receive(false, true, LocalDate.of(2026, 8, 20));
        ProcessInstance cancelledInstance = instance(cancelled);
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> contracts.cancel(cancelled.getId(), "Rupture")))
                .isInstanceOf(AccessDeniedException.class);
        driver.as(OPCO_USER, () -> contracts.cancel(cancelled.getId(), "Rupture pendant la période d'essai."));
        assertThat(cancelledInstance).isEnded().hasPassed("Start_CancelledByEmployer", "End_ContractCancelled");
        assertThat(reload(cancelled).getState()).isEqualTo(ContractState.CANCELLED);
        assertThat(lastComment(cancelled)).isEqualTo("Rupture pendant la période d'essai.");
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(cancelled.getId(), "FA-1", null,
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null)))
                .hasMessageContaining("« Annulé »");
    }

    @Test
    void aRepriseDeStockContractHasNoAdvance() {
        ApprenticeshipContract contract = receive(true, true, LocalDate.of(2019, 7, 1));
        complete(OPCO_USER, contract, Map.of("decision", "ACCEPT"));
        assertThat(reload(contract).rhythm()).isEqualTo(PaymentRhythm.Kind.STOCK);
        assertThatThrownBy(() -> driver.as(CFA_USER, () -> reimbursements.requestReimbursement(contract.getId(), "FA-1", null,
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.details()).containsExactly(
                        "Le versement « Semestre 1 (à terme échu) » peut être demandé à partir du 28/02/2027.",
                        "Joignez le certificat de réalisation."));
    }

    @Test
    void onlyAnOpcoSendsContractsAndEveryMissingFieldIsNamed() {
        assertThatThrownBy(() -> driver.as("claire.fabre", () -> contracts.receive(new ApprenticeshipContracts.NewContract(null, DemoData.CFA_SIRET,
                "1", "A", "B", "C", "48300123650002", "D", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1),
                "1", "1", null, true, true)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> driver.as(OPCO_USER, () -> contracts.receive(new ApprenticeshipContracts.NewContract(null, "12345678901234",
                " ", null, "Inès", "Clinique", "483", "BTS", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1),
                "-5", "abc", null, true, true))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.details()).contains(
                        "Le numéro SIRET « 12345678901234 » est invalide : son SIREN (123456789, les 9 premiers chiffres) a une clé de contrôle incorrecte.",
                        "Le numéro du contrat est obligatoire.",
                        "Le nom de l'apprenti est obligatoire.",
                        "La date de fin du contrat doit suivre sa date de début.",
                        "Budget alternance (NPEC) : le montant ne peut pas être négatif."));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyElementOfTheApprenticeshipProcessesIsCovered() {
        assertThat(FlowCoverage.missingIn("apprenticeship-contract.bpmn", "reimbursement-request.bpmn")).as("BPMN elements no test exercised").isEmpty();
    }

    private ApprenticeshipContract reload(ApprenticeshipContract contract) {
        return contracts.get(contract.getId());
    }

    private List<ContractState> states(ApprenticeshipContract contract) {
        return contracts.history(contract).stream().map(ContractStateChange::getState).toList();
    }

    private String lastComment(ApprenticeshipContract contract) {
        List<ContractStateChange> history = contracts.history(contract);
        return history.get(history.size() - 1).getComment();
    }

    /** The contract's running process instance (keep it to assert on it once ended). */
    private ProcessInstance instance(ApprenticeshipContract contract) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(reload(contract).getProcessInstanceId()).singleResult();
    }

    private ProcessInstance requestInstance(ReimbursementRequest request) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(request.getReceiptNumber()).singleResult();
    }

    private Task task(ApprenticeshipContract contract, String userId) {
        return driver.as(userId, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(reload(contract).getOpcoActionNumber()).singleResult());
    }

    private void complete(String userId, ApprenticeshipContract contract, Map<String, Object> values) {
        Task task = task(contract, userId);
        if (task == null) {
            throw new AssertionError(userId + " sees no task of " + contract.getOpcoActionNumber());
        }
        driver.as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    private void completeRequest(String userId, ReimbursementRequest request, Map<String, Object> values) {
        Task task = driver.as(userId, () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(request.getReceiptNumber()).singleResult());
        driver.as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    private void executeJobs(ProcessInstance instance) {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }

    /** French amounts use narrow and ordinary no-break spaces; compare them as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return plain(new PDFTextStripper().getText(document));
        }
    }
}
