package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.demo.DemoData;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceDocuments;
import fr.formaflow.invoicing.InvoiceKind;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.invoicing.PortageBilling.Recipient;
import fr.formaflow.invoicing.PortageInvoice;
import fr.formaflow.invoicing.PortageService;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FacturX;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every path of the four BPMN files, driven as the organisation and the funder would in Tasklist. */
@FormaflowTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DossierProcessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TraineeService trainees;
    @Autowired
    HistoryService history;
    @Autowired
    PortageService portage;
    @Autowired
    InvoiceDocuments invoiceDocuments;
    @Autowired
    fr.formaflow.documents.DocumentService documents;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    DossierDriver driver;
    final fr.formaflow.support.Mailbox mailbox = fr.formaflow.support.Mailbox.open();

    @org.junit.jupiter.api.BeforeAll
    static void countOnlyThisClass() {
        fr.formaflow.support.FlowCoverage.COVERED.clear();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDossierGoesFromSubmissionToFollowUp() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        ProcessInstance dossier = driver.mainInstance(action);
        assertThat(dossier).isStarted().hasBusinessKey(action.getContractNumber()).isWaitingAt("Task_SubmitDossier");
        assertThat(action.getContractNumber()).matches("2026QCA\\d{4}");

        submitAndApprove(action, 2);
        assertThat(dossier).hasPassed("Gateway_PurchaseOrderRequired").hasNotPassed("Task_IssuePurchaseOrder");
        contractAndApprove(action);
        traineesAndApprove(action, 2);
        openAndApprove(action, "MONTHLY");
        assertThat(dossier).isWaitingAt("CallActivity_MonthlyDeclaration");
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(dossier.getId())
                .processDefinitionKey("monthlyDeclaration").count()).isEqualTo(2);

        declareMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        Invoice january = onlyInvoice(action, "2026-01");
        assertThat(january.getNetCents()).isEqualTo(2 * 70 * 700L);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "VIR-2026-0042"));
        assertThat(invoice(january).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice(january).getNumber()).matches("F2026-\\d{5}");

        declareMonth(action, "2026-02", LocalDateTime.of(2026, 3, 2, 9, 0), true);
        Invoice february = onlyInvoice(action, "2026-02");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-20", "paymentReference", "VIR-2026-0077"));
        assertThat(invoice(february).getStatus()).isEqualTo(InvoiceStatus.PAID);

        assertThat(dossier).isWaitingAt("Task_Evaluations");
        evaluateAndApprove(action);
        closeAction(action);
        assertThat(dossier).isWaitingAt("Task_ConfirmBalance");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        driver.approve(action, "CallActivity_ValidateClosure");
        // both months were invoiced in full: the balance is 0,00 €, a statement without number, nothing to pay
        Invoice balance = invoices.of(action.getId()).stream().filter(i -> i.getKind() == fr.formaflow.invoicing.InvoiceKind.BALANCE)
                .findFirst().orElseThrow();
        assertThat(balance.isNil()).isTrue();
        assertThat(balance.getNumber()).isNull();
        assertThat(balance.getStatus()).isEqualTo(InvoiceStatus.ACCEPTED);
        assertThat(dossier).hasPassed("End_NilBalance").hasNotPassed("Task_RecordBalancePayment");
        assertThat(dossier).isWaitingAt("CallActivity_FollowUp");

        clock(LocalDateTime.of(2026, 8, 28, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths",
                Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"))).isEqualTo(2);
        clock(LocalDateTime.of(2027, 2, 28, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveyOneYear",
                Map.of("situation", "JOB_OTHER_SECTOR", "contract", "CDD_OVER_6_MONTHS"))).isEqualTo(2);
        assertThat(dossier).isEnded().hasPassed("Task_GenerateFollowUpReport", "End_DossierClosed");
        assertThat(driver.documentTypes(action)).contains("FOLLOW_UP_REPORT", "EXIT_SURVEY_REPORT", "COMPLETION_CERTIFICATE",
                "END_OF_TRAINING_CERTIFICATE", "MONTHLY_SUMMARY", "CONVOCATION", "TRAINING_AGREEMENT", "TRAINER_CONTRACT_DRAFT",
                "OPENING_CERTIFICATE", "SENDING_SLIP").doesNotContain("NON_OPENING_CERTIFICATE");
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.CLOSED);
    }


    @Test
    void everyRejectionGoesBackToTheOrganisationWithItsReason() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        ProcessInstance dossier = driver.mainInstance(action);

        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.reject(action, "CallActivity_ValidateSubmission", "Le programme ne détaille pas la durée de chaque module.");
        assertThat(dossier).isWaitingAt("Task_SubmitDossier");
        assertThat((String) driver.formVariables(action, "Task_SubmitDossier").get("rejections"))
                .contains("Le programme ne détaille pas la durée de chaque module.").contains(FUNDER_USER);
        assertThat(driver.formVariables(action, "Task_SubmitDossier")).containsEntry("formacode", "45054");
        submitAndApprove(action, 2);

        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.reject(action, "CallActivity_ValidateContract", "La charte de M. Rocher n'est pas signée.");
        assertThat((String) driver.formVariables(action, "Task_Contract").get("rejections")).contains("La charte de M. Rocher");
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");

        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(2));
        driver.reject(action, "CallActivity_ValidateTrainees", "Le prescripteur de Mme StagiaireA est inconnu.");
        assertThat((String) driver.formVariables(action, "Task_EnterTrainees").get("rejections")).contains("prescripteur");
        traineesAndApprove(action, 2);

        // a start three weeks late: the organisation asks the funder, who moves the planned dates
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_OpenAction",
                Map.of("realStart", "2026-01-26", "paymentMode", "MONTHLY")))
                .hasRootCauseInstanceOf(BusinessRuleException.class).hasMessageContaining("diffère de la date de début prévue (05/01/2026)");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-26", "paymentMode", "MONTHLY",
                "requestStartDateChange", true, "startDateChangeReason", "Le plateau n'est disponible qu'à partir du 26 janvier."));
        assertThat(dossier).isWaitingAt("Task_ReviewStartDateChange");
        assertThat((String) driver.formVariables(action, "Task_ReviewStartDateChange").get("details")).contains("26/01/2026");
        driver.approve(action, "Task_ReviewStartDateChange");
        assertThat(driver.reload(action).getPlannedStart()).isEqualTo(DossierDriver.date("2026-01-26"));
        assertThat(driver.reload(action).getPlannedEnd()).isEqualTo(DossierDriver.date("2026-03-20"));
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-26", "paymentMode", "MONTHLY"));
        driver.reject(action, "CallActivity_ValidateOpening", "La liste des stagiaires à l'ouverture n'est pas signée.");
        assertThat(dossier).isWaitingAt("Task_OpenAction");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-26", "paymentMode", "MONTHLY"));
        driver.approve(action, "CallActivity_ValidateOpening");
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.EXECUTION);
    }

    @Test
    void anActionThatDoesNotOpenIsValidatedByTheFunderAndEndsNotOpenedWithoutInvoice() {
        TrainingAction action = runToOpening(3, 1);
        ProcessInstance dossier = driver.mainInstance(action);

        assertThat(driver.formVariables(action, "Task_OpenAction")).containsEntry("opens", "YES");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("opens", "NO")))
                .hasRootCauseInstanceOf(BusinessRuleException.class).hasMessageContaining("« Motif de la non-ouverture » est obligatoire");
        String reason = "Un seul stagiaire inscrit pour trois places : le groupe n'est pas constitué.";
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("opens", "NO", "notOpenedReason", reason));
        assertThat(driver.reload(action).getRealStart()).isNull();
        assertThat((String) driver.formVariables(action, "CallActivity_ValidateOpening").get("summary"))
                .contains("Ouverture de l'action : Non", reason);

        // the funder sends it back: the organisation finds its answer and its reason again
        driver.reject(action, "CallActivity_ValidateOpening", "Précisez la date de la dernière relance des prescripteurs.");
        assertThat(dossier).isWaitingAt("Task_OpenAction");
        assertThat(driver.formVariables(action, "Task_OpenAction")).containsEntry("opens", "NO").containsEntry("notOpenedReason", reason);
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("opens", "NO", "notOpenedReason",
                reason + " Dernière relance des prescripteurs le 15/12/2025."));
        driver.approve(action, "CallActivity_ValidateOpening");

        assertThat(driver.mainInstance(action)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(action.getProcessInstanceId())
                .activityId("End_DossierNotOpened").count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(action.getProcessInstanceId())
                .activityId("Task_GenerateOpeningDocuments").count()).isZero();
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.NOT_OPENED);
        assertThat(driver.reload(action).getNotOpenedReason()).endsWith("le 15/12/2025.");
        assertThat(driver.documentTypes(action)).contains("NON_OPENING_CERTIFICATE", "SENDING_SLIP")
                .doesNotContain("TRAINEE_LIST_OPENING", "OPENING_CERTIFICATE");
        assertThat(invoices.of(action.getId())).isEmpty();
    }

    @Test
    void aRegionAdvanceIsInvoicedAtTheStartAndRepaidByTheLaterInvoicesToTheCent() {
        TrainingAction action = runToOpening(2, 2);
        ProcessInstance dossier = driver.mainInstance(action);
        assertThat(driver.formVariables(action, "Task_OpenAction")).containsEntry("advanceOffered", true).containsEntry("advance", "NONE");

        // 2 100,00 € over two months: no flat advance (more than 50 000 € HT and 2 months), an optional one up to 30 %
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_OpenAction",
                Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY", "advance", "FLAT")))
                .hasRootCauseInstanceOf(BusinessRuleException.class).hasMessageContaining("prix supérieur à 50\u202f000,00\u00a0€ HT")
                .hasMessageContaining("plus de 2 mois");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_OpenAction",
                Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY", "advance", "OPTIONAL", "advancePercent", 35)))
                .hasRootCauseInstanceOf(BusinessRuleException.class).hasMessageContaining("entre 0 et 30 %");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction",
                Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY", "advance", "OPTIONAL", "advancePercent", 30));
        driver.approve(action, "CallActivity_ValidateOpening");
        assertThat(dossier).hasPassed("Task_PrepareAdvance");

        // the advance: 30 % of 2 100,00 €, an invoice of its own; rejected once (credited), then accepted and paid
        Invoice advance = invoices.of(action.getId()).stream().filter(i -> i.getKind() == InvoiceKind.OPTIONAL_ADVANCE).findFirst().orElseThrow();
        assertThat(advance.getNetCents()).isEqualTo(63_000);
        assertThat(advance.getHoursAmountCents()).isZero();
        assertThat((String) driver.formVariables(action, "Task_ConfirmAdvance").get("details")).contains("Avance facultative de 30 %");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmAdvance", Map.of("confirmed", true));
        driver.reject(action, "Task_AcceptAdvance", "Le taux dépasse celui de l'acte d'engagement.");
        assertThat(invoice(advance).getStatus()).isEqualTo(InvoiceStatus.REJECTED);
        assertThat(invoices.of(action.getId())).filteredOn(i -> i.getKind() == InvoiceKind.CREDIT_NOTE).hasSize(1);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmAdvance", Map.of("confirmed", true));
        driver.approve(action, "Task_AcceptAdvance");
        clock(LocalDateTime.of(2026, 1, 20, 9, 0));
        driver.complete(FUNDER_USER, action, "Task_RecordAdvancePayment", Map.of("paymentDate", "2026-01-20", "paymentReference", "VIR-AVANCE"));
        Invoice paidAdvance = invoices.of(action.getId()).stream().filter(i -> i.getKind() == InvoiceKind.OPTIONAL_ADVANCE
                && i.getStatus() == InvoiceStatus.PAID).findFirst().orElseThrow();
        assertThat(paidAdvance.getNetCents()).isEqualTo(63_000);
        FacturX.assertValid(invoiceDocuments.pdf(driver.reload(action), paidAdvance.getId()), "avance facultative");

        // January: 980,00 € invoiced, 46,7 % of the price: nothing repaid yet
        payMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        Invoice january = onlyInvoice(action, "2026-01");
        assertThat(january.getAdvanceRepaidCents()).isZero();
        assertThat(january.getNetCents()).isEqualTo(98_000);

        // February: 45 h each (630,00 €), 76,7 % invoiced: (1 610 − 1 365) / (1 680 − 1 365) of the advance, 490,00 €
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        driver.runDueJobs(action);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        List<fr.formaflow.trainee.Trainee> enrolled = trainees.of(action.getId());
        rows.add(Map.of("traineeId", enrolled.get(0).getId(), "centreCompleted", 45, "exitDate", "2026-02-27", "exitType", "END_OF_TRAINING"));
        rows.add(Map.of("traineeId", enrolled.get(1).getId(), "centreCompleted", 45, "exitDate", "2026-02-20", "exitType", "EARLY_EXIT",
                "earlyExitReason", "EMPLOYMENT"));
        driver.completeMonth(ORGANISATION_USER, action, "2026-02", Map.of("hours", json(toJson(rows)), "confirmed", true));
        Invoice february = onlyInvoice(action, "2026-02");
        assertThat(february.getHoursAmountCents()).isEqualTo(63_000);
        assertThat(february.getAdvanceRepaidCents()).isEqualTo(49_000);
        assertThat(february.getNetCents()).isEqualTo(14_000);
        assertThat(february.getExplanation()).contains("Remboursement de l'avance : 490,00\u00a0€ déduits, reste 140,00\u00a0€ à rembourser");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        FacturX.assertValid(invoiceDocuments.pdf(driver.reload(action), february.getId()), "facture avec remboursement de l'avance");
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-02", "paymentReference", "VIR-2026-02"));

        // the balance: the leaver's 25 centre and 70 company hours (245,00 €) take back the last 140,00 € of the advance
        evaluateAndApprove(action);
        closeAction(action);
        Invoice balance = invoices.of(action.getId()).stream().filter(i -> i.getKind() == InvoiceKind.BALANCE).findFirst().orElseThrow();
        assertThat(balance.getHoursAmountCents()).isEqualTo(24_500);
        assertThat(balance.getAdvanceRepaidCents()).isEqualTo(14_000);
        assertThat(balance.getNetCents()).isEqualTo(10_500);
        assertThat(balance.isNil()).isFalse();
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        FacturX.assertValid(invoiceDocuments.pdf(driver.reload(action), balance.getId()), "solde avec remboursement de l'avance");
        assertThat(invoices.advanceOutstandingCents(action.getId())).isZero();
        // to the cent: the advance and the invoices' nets add up to the hours realised, 1 855,00 €
        assertThat(invoices.of(action.getId()).stream().filter(Invoice::counts).mapToLong(Invoice::getNetCents).sum()).isEqualTo(185_500);
        assertThat(invoices.of(action.getId()).stream().filter(Invoice::counts).mapToLong(Invoice::getHoursAmountCents).sum()).isEqualTo(185_500);
    }

    @Test
    void aRefusedSubmissionEndsTheDossier() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThatThrownBy(() -> driver.complete(FUNDER_USER, action, "CallActivity_ValidateSubmission", Map.of("decision", "REFUSE")))
                .hasMessageContaining("Le motif est obligatoire");
        driver.complete(FUNDER_USER, action, "CallActivity_ValidateSubmission", Map.of("decision", "REFUSE", "reason", "Hors du champ du marché."));
        assertThat(driver.mainInstance(action)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(action.getProcessInstanceId())
                .activityId("End_DossierRefused").count()).isEqualTo(1);
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.REFUSED);
    }


    @Test
    void aLateMonthWaitsForTheNextPeriodAndARejectedInvoiceReopensTheMonth() {
        TrainingAction action = runToExecution("THREE_ADVANCES");
        clock(LocalDateTime.of(2026, 2, 1, 0, 1));
        driver.runDueJobs(action);
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_DeclareMonth");

        // the 10th: a reminder; the 16th: January was not confirmed, it waits for the end of February
        clock(LocalDateTime.of(2026, 2, 10, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.notifications(action)).anyMatch(subject -> subject.contains("janvier 2026 à confirmer"));
        clock(LocalDateTime.of(2026, 2, 16, 0, 1));
        driver.runDueJobs(action);
        assertThat(driver.openTaskKeys(action)).isEmpty();
        assertThat(driver.declarationDeadline(action, "2026-01")).isEqualTo(DossierDriver.date("2026-03-15"));
        assertThat(driver.notifications(action)).anyMatch(subject -> subject.contains("janvier 2026 en retard"));

        // end of February: both months are open; February cannot be confirmed before January
        clock(LocalDateTime.of(2026, 3, 1, 0, 1));
        driver.runDueJobs(action);
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_DeclareMonth", "Task_DeclareMonth");
        assertThatThrownBy(() -> declare(action, "2026-02", true))
                .hasMessageContaining("Confirmez d'abord la déclaration de janvier 2026");
        declare(action, "2026-01", false);
        assertThat(invoices.of(action.getId())).as("22 % realised: below the first advance's 30 %").isEmpty();
        declare(action, "2026-02", true);
        Invoice quarter = onlyInvoice(action, "2026-01,2026-02");
        assertThat(quarter.getExplanation()).contains("1er acompte");
        assertThat(quarter.getNetCents()).isEqualTo(2 * 2 * 70 * 700L);

        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.reject(action, "Task_ValidateInvoice", "Justificatifs d'absence manquants pour février.");
        assertThat(invoice(quarter).getStatus()).isEqualTo(InvoiceStatus.REJECTED);
        assertThat(invoice(quarter).getRejectionReason()).isEqualTo("Justificatifs d'absence manquants pour février.");
        assertThat((String) driver.formVariables(action, "Task_DeclareMonth").get("rejections")).contains("Justificatifs d'absence");

        declare(action, "2026-02", true);
        Invoice corrected = invoices.of(action.getId()).stream().filter(i -> i.getStatus() == InvoiceStatus.DRAFT).findFirst().orElseThrow();
        assertThat(corrected.getId()).isNotEqualTo(quarter.getId());
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-30", "paymentReference", "VIR-T1"));
        assertThat(driver.mainInstance(action)).isWaitingAt("Task_Evaluations");
    }

    @Test
    void aMonthMissedAgainStaysOpenOverdueWithOneNoticePerMissedDeadlineAndNeverLoops() {
        TrainingAction action = runToExecution("MONTHLY");
        clock(LocalDateTime.of(2026, 2, 1, 0, 1));
        driver.runDueJobs(action);
        String firstJanuaryTask = driver.task(action, "Task_DeclareMonth").getId();

        // first miss: January waits for the end of February (no task), due 15/03
        clock(LocalDateTime.of(2026, 2, 16, 0, 1));
        assertThat(driver.runDueJobs(action)).as("the reminder of the 10th, late, and the deadline").isEqualTo(2);
        assertThat(driver.notifications(action)).as("a reminder fired after its deadline is not sent").noneMatch(n -> n.contains("à confirmer"));
        assertThat(driver.openTaskKeys(action)).isEmpty();
        assertThat(month(action, "2026-01").getStatus()).isEqualTo(fr.formaflow.attendance.DeclarationStatus.POSTPONED);
        assertThat(month(action, "2026-01").getReopensOn()).isEqualTo(DossierDriver.date("2026-03-01"));
        assertThat(driver.declarationDeadline(action, "2026-01")).isEqualTo(DossierDriver.date("2026-03-15"));
        assertNoTimerBeforeTheClock(action);

        clock(LocalDateTime.of(2026, 3, 1, 0, 1));
        driver.runDueJobs(action);
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_DeclareMonth", "Task_DeclareMonth");
        assertThat(monthTask(action, "2026-01").getDescription()).contains("En retard : reportée 1 fois, 14 jours de retard sur la date "
                + "limite initiale du 15/02/2026");
        assertThat(monthTask(action, "2026-02").getDescription()).doesNotContain("En retard");

        // second miss for January, first for February: January stays open (due 15/04), February waits for the end of March
        clock(LocalDateTime.of(2026, 3, 16, 0, 1));
        driver.runDueJobs(action);
        assertThat(driver.declarationDeadline(action, "2026-01")).isEqualTo(DossierDriver.date("2026-04-15"));
        assertThat(driver.declarationDeadline(action, "2026-02")).isEqualTo(DossierDriver.date("2026-04-15"));
        assertThat(month(action, "2026-01").getPostponements()).isEqualTo(2);
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_DeclareMonth");
        assertThat(monthTask(action, "2026-01").getDescription()).contains("reportée 2 fois, 29 jours de retard");
        assertThat(monthTask(action, "2026-01").getDueDate()).isNotNull();
        assertThat(driver.notifications(action)).filteredOn(n -> n.contains("en retard")).containsExactlyInAnyOrder(
                "Dossier " + action.getContractNumber() + " : déclaration de janvier 2026 en retard",
                "Dossier " + action.getContractNumber() + " : déclaration de janvier 2026 en retard (2e report)",
                "Dossier " + action.getContractNumber() + " : déclaration de février 2026 en retard");
        assertNoTimerBeforeTheClock(action);
        assertThat(driver.runDueJobs(action)).as("nothing is due any more: no loop").isZero();

        // the engine stopped for half a year: one catch-up firing per month, one notice per missed deadline, no reminder
        int reminders = (int) driver.notifications(action).stream().filter(n -> n.contains("à confirmer")).count();
        clock(LocalDateTime.of(2026, 9, 20, 10, 0));
        assertThat(driver.runDueJobs(action)).isLessThanOrEqualTo(8);
        assertNoTimerBeforeTheClock(action);
        assertThat(driver.declarationDeadline(action, "2026-01")).isEqualTo(DossierDriver.date("2026-10-15"));
        assertThat(driver.declarationDeadline(action, "2026-02")).isEqualTo(DossierDriver.date("2026-10-15"));
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_DeclareMonth", "Task_DeclareMonth");
        assertThat(driver.notifications(action).stream().filter(n -> n.contains("en retard"))).hasSize(5);
        assertThat(driver.notifications(action).stream().filter(n -> n.contains("à confirmer"))).hasSize(reminders);
        assertThat(driver.runDueJobs(action)).isZero();

        // the organisation confirms January in its latest task; its first task, cancelled by the deadline, is gone
        assertThatThrownBy(() -> driver.as(ORGANISATION_USER, () -> {
            engine.getFormService().submitTaskForm(firstJanuaryTask, Map.of("confirmed", true));
            return null;
        })).hasMessageContaining("Cannot find task");
        assertThat(fr.formaflow.process.EngineErrorTranslation.postponedTaskMessage(history, firstJanuaryTask)).contains(
                "Ce mois a été reporté", "rouvrez la tâche « Déclarer les heures du mois » la plus récente");
        declare(action, "2026-01", false);
        assertThat(month(action, "2026-01").isConfirmed()).isTrue();
        assertThat(month(action, "2026-01").lateness(java.time.LocalDate.of(2026, 9, 20))).isEmpty();
    }

    @Test
    void aDossierEnteredAfterItsMonthsCatchesUpOnceAndShowsAllItsOverdueMonths() {
        // January and February 2026 are long over when the action is opened, in July
        clock(LocalDateTime.of(2026, 7, 10, 9, 0));
        TrainingAction action = runToExecution("MONTHLY");
        int ran = driver.runDueJobs(action);

        assertThat(ran).as("each month: its window, its pointless reminder, its deadline, once").isLessThanOrEqualTo(8);
        assertThat(driver.runDueJobs(action)).isZero();
        assertNoTimerBeforeTheClock(action);
        assertThat(driver.openTaskKeys(action)).as("every overdue month is open at once").containsExactly("Task_DeclareMonth", "Task_DeclareMonth");
        for (String month : List.of("2026-01", "2026-02")) {
            assertThat(month(action, month).getPostponements()).isEqualTo(1);
            assertThat(driver.declarationDeadline(action, month)).isEqualTo(DossierDriver.date("2026-08-15"));
        }
        assertThat(monthTask(action, "2026-01").getDescription()).contains("reportée 1 fois, 145 jours de retard");
        assertThat(driver.notifications(action)).filteredOn(n -> n.contains("en retard")).containsExactlyInAnyOrder(
                "Dossier " + action.getContractNumber() + " : déclaration de janvier 2026 en retard",
                "Dossier " + action.getContractNumber() + " : déclaration de février 2026 en retard");
        assertThat(driver.notifications(action)).as("reminders of deadlines already over are pointless")
                .noneMatch(n -> n.contains("à confirmer"));
        assertThat(history.createHistoricActivityInstanceQuery().activityId("Timer_MonthEnded").count())
                .isGreaterThanOrEqualTo(2);
        for (String month : List.of("2026-01", "2026-02")) {
            String instance = monthTask(action, month).getProcessInstanceId();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Timer_MonthEnded").count())
                    .as("%s opened once", month).isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
                    .as("%s: a bounded number of steps", month).isLessThanOrEqualTo(14);
        }
        // a month confirmed late in the catch-up goes on to its invoice as usual
        declare(action, "2026-01", false);
        assertThat(driver.openTaskKeys(action)).contains("Task_ConfirmInvoice");
    }

    @Test
    void evaluationsClosureAndEndDateChangeCanBeRejectedOrAmended() {
        TrainingAction action = runToExecution("MONTHLY");
        payMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        payMonth(action, "2026-02", LocalDateTime.of(2026, 3, 2, 9, 0), true);

        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_Evaluations",
                Map.of("evaluations", json("[]"), "trainerEvaluation", "Bien.")))
                .hasMessageContaining("STAGIAIREA : la validation des acquis est obligatoire")
                .hasMessageContaining("Aucun formateur n'a encore envoyé son évaluation");
        evaluateAndApprove(action, false);
        driver.reject(action, "CallActivity_ValidateEvaluations", "L'évaluation des formateurs est trop succincte.");
        evaluateAndApprove(action, true);

        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-25", "requestEndDateChange", true,
                "endDateChangeReason", "Dernière semaine annulée (intempéries)."));
        driver.reject(action, "Task_ReviewEndDateChange", "Les jours annulés doivent être rattrapés.");
        assertThat(driver.reload(action).getPlannedEnd()).isEqualTo(DossierDriver.date("2026-02-27"));
        closeAction(action);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        driver.reject(action, "CallActivity_ValidateClosure", "Le bilan pédagogique ne mentionne pas les sorties.");
        assertThat(driver.mainInstance(action)).isWaitingAt("Task_CloseAction");

        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-26", "requestEndDateChange", true,
                "endDateChangeReason", "Fin anticipée d'un jour."));
        driver.approve(action, "Task_ReviewEndDateChange");
        assertThat(driver.reload(action).getPlannedEnd()).isEqualTo(DossierDriver.date("2026-02-26"));
    }

    @Test
    void aFormirisDossierNeedsItsSignedPurchaseOrderAndValidatedAttendanceThenRunsToPayment() {
        TrainingAction action = driver.create(ORGANISATION_USER, driver.formirisFunder(), "Pédagogie différenciée",
                fr.formaflow.funder.GeographicScope.REGIONAL);
        submitAndApprove(action, 2);
        assertThat(driver.mainInstance(action)).isWaitingAt("Task_IssuePurchaseOrder");
        driver.complete(driver.validator(action), action, "Task_IssuePurchaseOrder",
                Map.of("purchaseOrderNumber", "BC-2026-118", "purchaseOrderDate", "2025-12-10"));
        assertThat(driver.formVariables(action, "Task_Contract")).containsEntry("purchaseOrderRequired", true)
                .doesNotContainKey("purchaseOrderSigned");
        // the « Bon de commande » PDF is generated with the dossier's documents, for the organisation to download
        fr.formaflow.documents.Document order = transactions.execute(st -> documents.of(driver.reload(action))).stream()
                .filter(d -> d.getType() == fr.formaflow.documents.DocumentType.PURCHASE_ORDER).findFirst().orElseThrow();
        assertThat(order.isGenerated()).isTrue();
        assertThat(pdfText(transactions.execute(st -> documents.content(order))))
                .contains("Bon de commande n° BC-2026-118", "Émis le 10/12/2025 par Formiris", "périmètre régional",
                        "Accessoiriste de spectacle", "contrat n° " + action.getContractNumber(), "Montant total de la commande", "tamponné et signé");
        driver.uploadContractDocuments(action);
        // ticking a box is not signing: there is no box, only the stamped and signed copy makes the purchase order signed
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true,
                "purchaseOrderSigned", true))).hasMessageContaining("« purchaseOrderSigned » n'est pas un champ de ce formulaire");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true)))
                .hasMessageContaining("Pièce manquante : Bon de commande signé et tamponné")
                .hasMessageContaining("Le bon de commande doit être signé");
        assertThat(driver.reload(action).isPurchaseOrderSigned()).isFalse();
        driver.upload(action, fr.formaflow.documents.DocumentType.SIGNED_PURCHASE_ORDER);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        assertThat(driver.reload(action).isPurchaseOrderSigned()).isTrue();
        assertThat(driver.mainInstance(action)).isWaitingAt("CallActivity_ValidateContract");

        // Formiris validates the month's attendance certificates before any invoice can be made (seed 001)
        driver.approve(action, "CallActivity_ValidateContract");
        traineesAndApprove(action, 2);
        openAndApprove(action, "MONTHLY");
        declareMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        assertThat(driver.openTaskKeys(action)).contains("Task_ValidateAttendance").doesNotContain("Task_ConfirmInvoice");
        assertThat(invoices.of(action.getId())).as("no invoice before the attendance is validated").isEmpty();
        assertThat(driver.formVariables(action, "Task_ValidateAttendance").get("details").toString())
                .contains("Attestations de présence de janvier 2026", "70 h réalisées en centre", "emargement-2026-01.pdf");
        driver.reject(action, "Task_ValidateAttendance", "La feuille du 12 janvier n'est pas signée par le formateur.");
        assertThat(driver.openTaskKeys(action)).contains("Task_DeclareMonth").doesNotContain("Task_ValidateAttendance");
        assertThat((String) driver.formVariables(action, "Task_DeclareMonth").get("rejections")).contains("La feuille du 12 janvier");
        declare(action, "2026-01", false);
        driver.approve(action, "Task_ValidateAttendance");
        assertThat(driver.openTaskKeys(action)).contains("Task_ConfirmInvoice");
        assertThat(invoices.of(action.getId())).singleElement().satisfies(i -> assertThat(i.getStatus()).isEqualTo(InvoiceStatus.DRAFT));
        assertThat(driver.notifications(action)).anyMatch(n -> n.startsWith("Attestations de présence de janvier 2026 validées"));

        // then to payment: each month's invoice is paid once its attendance is validated, and the closure ends it
        Invoice january = onlyInvoice(action, "2026-01");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(driver.validator(action), action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "FOR-2026-01"));
        assertThat(invoice(january).getStatus()).isEqualTo(InvoiceStatus.PAID);
        declareMonth(action, "2026-02", LocalDateTime.of(2026, 3, 2, 9, 0), true);
        driver.approve(action, "Task_ValidateAttendance");
        Invoice february = onlyInvoice(action, "2026-02");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(driver.validator(action), action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-20", "paymentReference", "FOR-2026-02"));
        assertThat(invoice(february).getStatus()).isEqualTo(InvoiceStatus.PAID);
        evaluateAndApprove(action);
        closeAction(action);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        driver.approve(action, "CallActivity_ValidateClosure");
        assertThat(driver.mainInstance(action)).isWaitingAt("CallActivity_FollowUp");
        assertThat(invoices.of(action.getId())).allSatisfy(i -> assertThat(i.getStatus()).isIn(InvoiceStatus.PAID, InvoiceStatus.ACCEPTED));
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.FOLLOW_UP);
    }

    @Test
    void afterOpeningTraineeAndTrainerChangesNeedTheFundersAgreement() throws Exception {
        TrainingAction action = runToExecution("MONTHLY");

        payMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        driver.requestChange(action, ChangeRequest.Kind.TRAINEE, "Inscription de Mme StagiaireC en remplacement.");
        driver.approve(action, "Task_ReviewChangeRequest");
        // a trainee with recorded hours cannot be deleted
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_UpdateTrainees", Map.of("trainees", json("[]"))))
                .hasMessageContaining("ne peut pas être supprimé(e) : des heures sont déjà enregistrées");
        // the form comes pre-filled with the two trainees; the organisation adds a third row
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(driver.formVariables(action, "Task_UpdateTrainees").get("trainees").toString());
        assertThat(rows).hasSize(2);
        rows.add(rows.get(1).deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(2)).putNull("id").put("lastName", "StagiaireC");
        driver.complete(ORGANISATION_USER, action, "Task_UpdateTrainees", Map.of("trainees", json(rows.toString())));
        assertThat(trainees.of(action.getId())).hasSize(3);

        driver.requestChange(action, ChangeRequest.Kind.TRAINER, "M. Meunier est remplacé par Mme Leroy.");
        driver.approve(action, "Task_ReviewChangeRequest");
        driver.complete(ORGANISATION_USER, action, "Task_UpdateTrainers", Map.of("trainers", json(
                "[{\"lastName\":\"Leroy\",\"firstName\":\"Inès\",\"domain\":\"Régie\",\"status\":\"CDI\",\"hours\":70,\"experience\":\"Régisseuse\"}]")));
        assertThat(driver.reload(action).getTrainers()).hasSize(1);

        driver.requestChange(action, ChangeRequest.Kind.TRAINEE, "Retrait de Mme StagiaireA.");
        driver.reject(action, "Task_ReviewChangeRequest", "Les heures de Mme StagiaireA sont déjà engagées.");
        assertThat(driver.openTaskKeys(action)).doesNotContain("Task_UpdateTrainees");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("End_ChangeRefused").count()).isPositive();
    }

    @Test
    void afterOpeningPeriodsAndAnIndividualPathChangeOnlyWithTheFundersAgreement() throws Exception {
        TrainingAction action = runToExecution("MONTHLY");
        assertThatThrownBy(() -> driver.requestChange(action, ChangeRequest.Kind.PATH, "Parcours de Mme StagiaireA allégé."))
                .hasMessageContaining("ne concerne que les actions individualisées");
        driver.requestChange(action, ChangeRequest.Kind.PERIODS, "Le plateau ferme le 6 février : la période en entreprise commence le 9.");
        assertThat((String) driver.formVariables(action, "Task_ReviewChangeRequest").get("details"))
                .contains("Modification des périodes en centre et en entreprise", "le 9");
        driver.approve(action, "Task_ReviewChangeRequest");
        assertThat(driver.formVariables(action, "Task_UpdatePeriods").get("periods").toString()).contains("2026-01-05");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_UpdatePeriods", Map.of("periods",
                json("[{\"place\":\"COMPANY\",\"start\":\"2026-02-09\",\"end\":\"2026-02-27\"}]"))))
                .hasMessageContaining("Au moins une période en centre est obligatoire");
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_UpdatePeriods", Map.of("periods",
                json("[{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-02-06\"},"
                        + "{\"place\":\"COMPANY\",\"start\":\"2026-02-09\",\"end\":\"2026-03-06\"}]"))))
                .hasMessageContaining("Période 2 : elle doit se situer entre la date de début et la date de fin prévues");
        driver.complete(ORGANISATION_USER, action, "Task_UpdatePeriods", Map.of("periods",
                json("[{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-02-06\"},"
                        + "{\"place\":\"COMPANY\",\"start\":\"2026-02-09\",\"end\":\"2026-02-27\"}]")));
        assertThat(driver.reload(action).getPeriods()).extracting(Period::place, Period::start, Period::end).containsExactly(
                tuple(Place.CENTRE, DossierDriver.date("2026-01-05"), DossierDriver.date("2026-02-06")),
                tuple(Place.COMPANY, DossierDriver.date("2026-02-09"), DossierDriver.date("2026-02-27")));

        // an individualised action: after opening, a trainee's path is readjusted once the funder agreed
        TrainingAction individual = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        Map<String, Object> programme = new HashMap<>(DossierDriver.programme(2));
        programme.put("collective", "false");
        driver.complete(ORGANISATION_USER, individual, "Task_SubmitDossier", programme);
        driver.approve(individual, "CallActivity_ValidateSubmission");
        contractAndApprove(individual);
        // every field of the seed's « Définition de parcours » is required for an individualised action
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, individual, "Task_EnterTrainees", DossierDriver.trainees(1)))
                .hasMessageContaining("« Parcours professionnel envisagé » est obligatoire")
                .hasMessageContaining("« Modules d'enseignement professionnel » est obligatoire")
                .hasMessageContaining("« Objectifs des périodes en entreprise » est obligatoire")
                .hasMessageContaining("« Date de fin du parcours » est obligatoire");
        driver.complete(ORGANISATION_USER, individual, "Task_EnterTrainees", DossierDriver.individualTrainees(2));
        assertThat(trainees.of(individual.getId()).get(0).getPath().periods()).hasSize(2);
        assertThat(trainees.of(individual.getId()).get(0).getPath().professionalProject()).isEqualTo("Accessoiriste dans une compagnie de théâtre");
        driver.approve(individual, "CallActivity_ValidateTrainees");
        openAndApprove(individual, "MONTHLY");
        driver.requestChange(individual, ChangeRequest.Kind.PATH, "Mme StagiaireA a validé le module sécurité : 20 h de centre en moins.");
        driver.approve(individual, "Task_ReviewChangeRequest");
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(driver.formVariables(individual, "Task_UpdateTrainees").get("trainees").toString());
        com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) rows.get(0);
        assertThat(first.path("pathPeriods")).hasSize(2);
        // two company periods announced, one entered: refused, the count and the periods must agree
        first.put("pathCompanyPeriodCount", 2);
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, individual, "Task_UpdateTrainees", Map.of("trainees", json(rows.toString()))))
                .hasMessageContaining("1 période(s) en entreprise saisie(s) pour 2 annoncée(s)");
        first.put("pathCompanyPeriodCount", 1).put("pathHoursCentre", 120).put("pathObjectives", "Accessoiriste de plateau, sans le module sécurité")
                .put("pathProfessionalModules", "Fabrication d'accessoires");
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.path("pathPeriods").get(0)).put("end", "2026-01-30");
        driver.complete(ORGANISATION_USER, individual, "Task_UpdateTrainees", Map.of("trainees", json(rows.toString())));
        fr.formaflow.trainee.IndividualPath readjusted = trainees.of(individual.getId()).stream()
                .filter(t -> t.getPathHoursCentre().compareTo(new java.math.BigDecimal("120")) == 0).findFirst().orElseThrow().getPath();
        assertThat(readjusted.professionalModules()).isEqualTo("Fabrication d'accessoires");
        assertThat(readjusted.periods().get(0).end()).isEqualTo(DossierDriver.date("2026-01-30"));
        // the funder reads every trainee's path in the « Dossier » panel of its tasks
        List<fr.formaflow.process.DossierContent.Section> content = context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .execute(tx -> context.getBean(fr.formaflow.process.DossierContent.class).of(driver.reload(individual)));
        assertThat(content).filteredOn(section -> section.title().equals("Parcours individualisés")).singleElement()
                .satisfies(section -> assertThat(section.entries().toString()).contains("projet : Accessoiriste dans une compagnie de théâtre",
                        "modules professionnels : Fabrication d'accessoires", "centre du 05/01/2026 au 30/01/2026", "120 h en centre"));
        assertThat(trainees.of(individual.getId())).extracting(fr.formaflow.trainee.Trainee::getPathHoursCentre)
                .anySatisfy(hours -> assertThat(hours).isEqualByComparingTo("120"));
        assertThat(history.createHistoricActivityInstanceQuery().activityId("Task_UpdatePeriods").finished().count()).isPositive();
    }

    @Test
    void aPortagePlatformInvoicesTheClientsAndTheirOpcoAndPaysTheOrganisationOnceEverythingIsIn() throws java.io.IOException {
        TrainingAction action = driver.create(ORGANISATION_USER, DemoData.PORTAGE, "Régie son");
        ProcessInstance dossier = driver.mainInstance(action);
        runPortageToIssue(action);
        assertThat(dossier).isWaitingAt("Task_IssuePortageInvoices");

        String platform = driver.validator(action);
        Map<String, Object> withoutReference = Map.of("shares", json("[{\"client\":\"Théâtre des Treize Vents\",\"clientAmount\":\"480,00\","
                + "\"opcoAmount\":\"500,00\"},{\"client\":\"Compagnie du Capitole\",\"clientAmount\":\"980,00\",\"opcoAmount\":\"0\"}]"));
        Map<String, Object> split = Map.of("shares", json("[{\"client\":\"Théâtre des Treize Vents\",\"clientAmount\":\"480,00\","
                + "\"opcoAmount\":\"500,00\",\"fundingAgreementReference\":\"APC-2026-0042\"},"
                + "{\"client\":\"Compagnie du Capitole\",\"clientAmount\":\"980,00\",\"opcoAmount\":\"0\"}]"));
        assertThatThrownBy(() -> driver.complete(platform, action, "Task_IssuePortageInvoices", split))
                .hasMessageContaining("Théâtre des Treize Vents : l'accord de prise en charge de AFDAS doit être versé au dossier");
        assertThat(portage.of(action.getId())).isEmpty();
        driver.upload(action, DocumentType.FUNDING_AGREEMENT);
        assertThatThrownBy(() -> driver.complete(platform, action, "Task_IssuePortageInvoices", withoutReference))
                .hasMessageContaining("Théâtre des Treize Vents : saisissez la référence de l'accord de prise en charge de AFDAS");
        int mailsBefore = mailbox.to("factures@afdas.example").size();
        driver.complete(platform, action, "Task_IssuePortageInvoices", split);

        List<PortageInvoice> issued = portage.of(action.getId());
        assertThat(issued).extracting(PortageInvoice::getRecipient, PortageInvoice::getClientName, PortageInvoice::getNetCents)
                .containsExactly(tuple(Recipient.CLIENT, "Théâtre des Treize Vents", 48000L), tuple(Recipient.OPCO, "Théâtre des Treize Vents", 50000L),
                        tuple(Recipient.CLIENT, "Compagnie du Capitole", 98000L), tuple(Recipient.SERVICE_FEE, null, 15680L));
        assertThat(issued.get(3).getGrossCents()).as("the fee bears 20 %% VAT").isEqualTo(18816L);
        assertThat(issued).extracting(PortageInvoice::getNumber).allMatch(n -> n.matches("P2026-\\d{5}"));
        FacturX.assertValid(invoiceDocuments.pdf(driver.reload(action), issued.get(1)), "portage : facture à l'OPCO");
        // seed 000: the platform sends the OPCO its invoice (Factur-X attached, to the address of the OPCO's record), and logs it
        assertThat(mailbox.to("factures@afdas.example")).hasSize(mailsBefore + 1);
        fr.formaflow.support.Mailbox.Mail sent = mailbox.last("factures@afdas.example");
        assertThat(sent.subject()).contains(issued.get(1).getNumber(), "Portage Formation Sud", "APC-2026-0042");
        assertThat(sent.body()).contains("accord de prise en charge n° APC-2026-0042 de Théâtre des Treize Vents", action.getContractNumber());
        byte[] attached = sent.attachments().get("facture-" + issued.get(1).getNumber() + ".pdf");
        FacturX.assertValid(attached, "portage : facture envoyée à l'OPCO");
        String page;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(attached)) {
            page = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
        page = page.replaceAll("\\s+", " ");
        assertThat(page).contains("AFDAS 66 rue Stendhal 75020 Paris", "SIREN : 305618266", "Accord de prise en charge n° APC-2026-0042",
                "Stagiaires et heures réalisées", "140 h réalisées");
        assertThat(context.getBean(fr.formaflow.invoicing.InvoiceDispatchRepository.class).findByPortageInvoiceIdOrderByIdAsc(issued.get(1).getId()))
                .singleElement().satisfies(d -> {
                    assertThat(d.getStatus()).isEqualTo(fr.formaflow.invoicing.InvoiceDispatch.Status.SENT);
                    assertThat(d.getRecipientEmail()).isEqualTo("factures@afdas.example");
                });
        assertThat(mailbox.to("formation@13vents.fr")).as("the client's own invoice is not e-mailed by the platform").isEmpty();
        FacturX.assertValid(invoiceDocuments.pdf(driver.reload(action), issued.get(3)), "portage : frais de prestation");

        driver.complete(platform, action, "Task_RecordPortagePayments", Map.of("payments", json(toJson(List.of(
                Map.of("portageInvoiceId", issued.get(0).getId(), "paymentDate", "2026-04-02", "paymentReference", "VIR-13VENTS"),
                Map.of("portageInvoiceId", issued.get(3).getId(), "paymentDate", "2026-04-03", "paymentReference", "VIR-FRAIS"))))));
        assertThat(dossier).isWaitingAt("Task_RecordPortagePayments").hasPassed("Gateway_PortagePaid");
        assertThatThrownBy(() -> context.getBean(PortageService.class).requireAllPaid(driver.reload(action)))
                .hasMessageContaining(issued.get(1).getNumber()).hasMessageContaining(issued.get(2).getNumber())
                .hasMessageNotContaining(issued.get(0).getNumber());
        assertThatThrownBy(() -> driver.complete(platform, action, "Task_RecordPortagePayments", Map.of("payments", json("[]"))))
                .hasMessageContaining("Aucun nouveau règlement");

        driver.complete(platform, action, "Task_RecordPortagePayments", Map.of("payments", json(toJson(List.of(
                Map.of("portageInvoiceId", issued.get(1).getId(), "paymentDate", "2026-04-20", "paymentReference", "AFDAS-2026-77"),
                Map.of("portageInvoiceId", issued.get(2).getId(), "paymentDate", "2026-04-21", "paymentReference", "VIR-CAPITOLE"))))));
        assertThat(dossier).isWaitingAt("Task_RecordBalancePayment");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(dossier.getId()).activityId("Task_RecordPortagePayments")
                .count()).as("the task came back until every payment was in").isEqualTo(2);
        driver.complete(platform, action, "Task_RecordBalancePayment", Map.of("paymentDate", "2026-04-25", "paymentReference", "VIR-ORGANISME"));
        assertThat(dossier).isWaitingAt("CallActivity_FollowUp");
        assertThat(invoices.of(action.getId()).get(0).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    /** The chosen offer's grid gives the platform's fee: « Essentiel », 12 % of 1 960,00 € up to 3 000,00 €, at least 150,00 €. */
    @Test
    void thePortageOfferTheOrganisationChoseGivesThePlatformsFee() {
        TrainingAction action = driver.create(ORGANISATION_USER, DemoData.PORTAGE, "Régie lumière");
        transactions.executeWithoutResult(status -> portage.chooseOffer(driver.reload(action), "ESSENTIEL"));
        runPortageToIssue(action);
        assertThat((String) driver.formVariables(action, "Task_IssuePortageInvoices").get("details"))
                .contains("offre « Essentiel » : 12 % jusqu'à 3\u202f000,00\u00a0€ ; 10 % au-delà ; minimum 150,00\u00a0€ (HT)) : 235,20\u00a0€ HT");
        driver.upload(action, DocumentType.FUNDING_AGREEMENT);
        driver.complete(driver.validator(action), action, "Task_IssuePortageInvoices", Map.of("shares", json(
                "[{\"client\":\"Théâtre des Treize Vents\",\"clientAmount\":\"980,00\",\"opcoAmount\":\"0\"},"
                + "{\"client\":\"Compagnie du Capitole\",\"clientAmount\":\"980,00\",\"opcoAmount\":\"0\"}]")));
        assertThat(portage.of(action.getId())).filteredOn(i -> i.getRecipient() == Recipient.SERVICE_FEE).singleElement()
                .satisfies(fee -> {
                    assertThat(fee.getNetCents()).as("12 %% of 1 960,00 €, not the funder rules' 8 %%").isEqualTo(23_520L);
                    assertThat(fee.getGrossCents()).isEqualTo(28_224L);
                });
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> portage.chooseOffer(driver.reload(action), "SUR_MESURE")))
                .hasMessageContaining("Les factures de portage de ce dossier sont émises");
    }

    /** A portage dossier for two clients (one funded by AFDAS), run to the platform's invoices after the balance is accepted. */
    private void runPortageToIssue(TrainingAction action) {
        Map<String, Object> programme = new HashMap<>(DossierDriver.programme(2));
        programme.put("clients", json("[{\"name\":\"Théâtre des Treize Vents\",\"siret\":\"77566820500013\","
                + "\"address\":\"Domaine de Grammont, 34000 Montpellier\",\"email\":\"formation@13vents.fr\",\"opco\":\"AFDAS\"},"
                + "{\"name\":\"Compagnie du Capitole\",\"siret\":\"44332211000018\",\"address\":\"2 place du Capitole, 31000 Toulouse\","
                + "\"email\":\"admin@capitole.fr\"}]"));
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", programme);
        driver.approve(action, "CallActivity_ValidateSubmission");
        contractAndApprove(action);
        traineesAndApprove(action, 2);
        openAndApprove(action, "AT_CLOSURE");
        declareMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        declareMonth(action, "2026-02", LocalDateTime.of(2026, 3, 2, 9, 0), true);
        assertThat(invoices.of(action.getId())).as("nothing is invoiced during a portage action").isEmpty();

        evaluateAndApprove(action);
        closeAction(action);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        assertThat(invoices.of(action.getId())).singleElement().satisfies(balance -> {
            assertThat(balance.getKind()).isEqualTo(InvoiceKind.BALANCE);
            assertThat(balance.getHoursAmountCents()).isEqualTo(2 * 140 * 700L);
        });
        driver.approve(action, "CallActivity_ValidateClosure");
    }

    /**
     * Each trainee's surveys follow their own exit date: the organisation is reminded 15 days after a survey's date
     * (e-mail), and 30 days after it the survey is overdue, which the funder is told and sees.
     */
    @Test
    void surveysFollowEachTraineesOwnExitWithRemindersAndAnOverdueState() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Régisseur plateau");
        ProcessInstance dossier = driver.mainInstance(action);
        submitAndApprove(action, 2);
        contractAndApprove(action);
        traineesAndApprove(action, 2);
        openAndApprove(action, "MONTHLY");
        payMonth(action, "2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        List<fr.formaflow.trainee.Trainee> list = trainees.of(action.getId());
        long leaver = list.get(0).getId(), stayer = list.get(1).getId();
        clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        driver.runDueJobs(action);
        driver.completeMonth(ORGANISATION_USER, action, "2026-02", Map.of("hours", json(toJson(List.of(
                Map.of("traineeId", leaver, "centreCompleted", 20, "exitDate", "2026-02-10", "exitType", "EARLY_EXIT", "earlyExitReason", "EMPLOYMENT"),
                Map.of("traineeId", stayer, "centreCompleted", 70, "exitDate", "2026-02-27", "exitType", "END_OF_TRAINING")))), "confirmed", true));
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-12", "paymentReference", "VIR-02"));
        evaluateAndApprove(action);

        // the pedagogical report is pre-filled from the records; the organisation must add its assessment
        String draft = (String) driver.formVariables(action, "Task_CloseAction").get("pedagogicalReport");
        assertThat(draft).contains("2 entré(s), 1 sorti(s) en fin de formation, 1 sortie(s) anticipée(s)", "Accès à l'emploi : 1",
                "420 h prévues, 230 h réalisées", fr.formaflow.reports.PedagogicalReport.ASSESSMENT);
        List<Map<String, Object>> exitRows = List.of(
                Map.of("traineeId", leaver, "situation", "JOB_IN_SECTOR", "contract", "CDI"),
                Map.of("traineeId", stayer, "situation", "JOB_OTHER_SECTOR"));
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27",
                "surveys", json(toJson(exitRows)), "pedagogicalReport", draft)))
                .hasMessageContaining("le type de contrat est obligatoire pour un emploi");
        List<Map<String, Object>> goodRows = List.of(exitRows.get(0), Map.of("traineeId", stayer, "situation", "OTHER", "contract", "CDI"));
        assertThatThrownBy(() -> driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27",
                "surveys", json(toJson(goodRows)), "pedagogicalReport", draft)))
                .hasMessageContaining("Complétez le bilan pédagogique");
        assertThat(trainees.of(action.getId())).as("a refused closure records no exit survey").allMatch(t -> t.getExitSituation() == null);
        assertThat(driver.reload(action).getRealEnd()).as("nor the real end").isNull();
        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27", "surveys", json(toJson(goodRows)),
                "pedagogicalReport", draft + "Objectifs atteints ; un stagiaire a trouvé un emploi avant la fin."));
        assertThat(trainees.of(action.getId()).get(1).getExitContract()).as("no contract without a job").isNull();
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        driver.approve(action, "CallActivity_ValidateClosure");
        // the early leaver's remaining hours make a balance to pay; a transfer is recorded once received, never ahead
        String balanceTask = driver.task(action, "Task_RecordBalancePayment").getId();
        assertThatThrownBy(() -> driver.as(FUNDER_USER, () -> {
            engine.getFormService().submitTaskForm(balanceTask, Map.of("paymentDate", "2027-04-10", "paymentReference", "VIR-SOLDE"));
            return null;
        })).hasMessageContaining("La date du virement (10/04/2027) est postérieure à aujourd'hui");
        driver.complete(FUNDER_USER, action, "Task_RecordBalancePayment", Map.of("paymentDate", "2026-04-10", "paymentReference", "VIR-SOLDE"));

        // the leaver's survey is due on 10/08, reminded on 25/08; the other's is due on 27/08 only
        clock(LocalDateTime.of(2026, 8, 26, 9, 0));
        driver.runDueJobs(action);
        assertThat(surveyTasks(action, "Task_SurveySixMonths")).isEqualTo(1);
        assertThat(status(action, leaver, "SIX_MONTHS")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.DUE);
        assertThat(status(action, stayer, "SIX_MONTHS")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.SCHEDULED);
        assertThat(mailbox.to("marie.durand@scenes-formations.fr")).anySatisfy(m -> assertThat(m.subject())
                .startsWith("Relance : enquête à 6 mois de Anna STAGIAIREA").contains(action.getContractNumber()));
        assertThat(mailbox.to("claire.fabre@laregion.fr")).noneSatisfy(m -> assertThat(m.subject()).contains(action.getContractNumber()));

        // on 11/09 the leaver's is overdue (the funder is told), the other's is due and reminded
        clock(LocalDateTime.of(2026, 9, 11, 9, 0));
        driver.runDueJobs(action);
        assertThat(status(action, leaver, "SIX_MONTHS")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.OVERDUE);
        assertThat(status(action, stayer, "SIX_MONTHS")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.DUE);
        assertThat(mailbox.to("claire.fabre@laregion.fr")).anySatisfy(m -> assertThat(m.subject())
                .isEqualTo("En retard : enquête à 6 mois de Anna STAGIAIREA (contrat n° " + action.getContractNumber() + ")"));
        assertThat(driver.notifications(action)).anySatisfy(n -> assertThat(n).startsWith("En retard : enquête à 6 mois"));
        fr.formaflow.trainee.SurveyController api = context.getBean(fr.formaflow.trainee.SurveyController.class);
        assertThat(driver.as(FUNDER_USER, api::overdue)).anySatisfy(o -> {
            assertThat(o.contractNumber()).isEqualTo(action.getContractNumber());
            assertThat(o.survey().traineeId()).isEqualTo(leaver);
        });
        assertThat(driver.as("julien.morel", api::overdue)).noneSatisfy(o -> assertThat(o.contractNumber()).isEqualTo(action.getContractNumber()));

        assertThatThrownBy(() -> driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths", Map.of("situation", "EMPLOYED")))
                .hasMessageContaining("la situation « EMPLOYED » n'existe pas");
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths",
                Map.of("situation", "JOB_IN_SECTOR", "contract", "CDD_OVER_6_MONTHS"))).isEqualTo(2);
        assertThat(status(action, leaver, "SIX_MONTHS")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.ANSWERED);

        // one year on, both are reminded then overdue before they are answered
        clock(LocalDateTime.of(2027, 3, 31, 9, 0));
        driver.runDueJobs(action);
        assertThat(status(action, stayer, "ONE_YEAR")).isEqualTo(fr.formaflow.trainee.SurveySchedule.Status.OVERDUE);
        assertThat(mailbox.to("marie.durand@scenes-formations.fr")).anySatisfy(m -> assertThat(m.subject())
                .startsWith("Relance : enquête à 1 an de Anna STAGIAIREB"));
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveyOneYear", Map.of("situation", "OTHER"))).isEqualTo(2);
        assertThat(dossier).isEnded();
        List<String> instances = history.createHistoricProcessInstanceQuery().superProcessInstanceId(dossier.getId())
                .processDefinitionKey("followUpSurvey").list().stream().map(h -> h.getId()).toList();
        assertThat(instances).hasSize(2);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("End_Reminded").list().stream()
                .filter(a -> instances.contains(a.getProcessInstanceId())).count()).isEqualTo(4);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("End_OverdueReported").list().stream()
                .filter(a -> instances.contains(a.getProcessInstanceId())).count()).as("6 months: the leaver; 1 year: both").isEqualTo(3);
    }

    long surveyTasks(TrainingAction action, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(action.getContractNumber()).taskDefinitionKey(key).count();
    }

    fr.formaflow.trainee.SurveySchedule.Status status(TrainingAction action, long traineeId, String stage) {
        return context.getBean(fr.formaflow.trainee.SurveyStatuses.class).of(action.getId()).stream()
                .filter(l -> l.traineeId() == traineeId && l.stage().name().equals(stage)).findFirst().orElseThrow().status();
    }

    /** Runs last: every flow node and sequence flow of every BPMN file was exercised by the tests above. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void everyElementOfTheDossierProcessesIsCovered() {
        List<String> missing = fr.formaflow.support.FlowCoverage.missingIn(
                "training-dossier.bpmn", "step-validation.bpmn", "monthly-declaration.bpmn", "follow-up-survey.bpmn", "change-request.bpmn");
        assertThat(missing).as("BPMN elements no test exercised").isEmpty();
    }

    fr.formaflow.attendance.MonthlyDeclaration month(TrainingAction action, String month) {
        return context.getBean(fr.formaflow.attendance.AttendanceService.class).declaration(action.getId(), java.time.YearMonth.parse(month));
    }

    org.camunda.bpm.engine.task.Task monthTask(TrainingAction action, String month) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                .taskDefinitionKey("Task_DeclareMonth").list().stream()
                .filter(t -> month.equals(engine.getTaskService().getVariable(t.getId(), "month"))).findFirst().orElseThrow();
    }

    /** No timer of the dossier's instances is due before the engine's clock: nothing is left to fire, nothing loops. */
    void assertNoTimerBeforeTheClock(TrainingAction action) {
        java.util.Date now = ClockUtil.getCurrentTime();
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(action.getContractNumber()).list()) {
            assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list())
                    .allSatisfy(timer -> assertThat(timer.getDuedate()).as("timer %s", timer.getId()).isAfterOrEqualTo(now));
        }
    }

    TrainingAction runToExecution(String mode) {
        return driver.runToExecution(mode, 3, 2);
    }

    void payMonth(TrainingAction action, String month, LocalDateTime at, boolean lastMonth) {
        declareMonth(action, month, at, lastMonth);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", at.toLocalDate().plusDays(10).toString(),
                "paymentReference", "VIR-" + month));
    }

    /** Declares one month's task among several open ones (the one whose "month" matches). */
    void declare(TrainingAction action, String month, boolean lastMonth) {
        driver.completeMonth(ORGANISATION_USER, action, month, Map.of("hours", json(toJson(hourRows(action, lastMonth))), "confirmed", true));
    }

    List<Map<String, Object>> hourRows(TrainingAction action, boolean lastMonth) {
        return trainees.of(action.getId()).stream().map(t -> {
            Map<String, Object> row = new HashMap<>();
            row.put("traineeId", t.getId());
            row.put("centreCompleted", 70);
            if (lastMonth) {
                row.put("exitDate", "2026-02-27");
                row.put("exitType", "END_OF_TRAINING");
            }
            return row;
        }).toList();
    }

    // ------------------------------------------------------------------ steps

    /** A Région dossier submitted for this many places, contracted, with this many trainees validated: waiting to open. */
    TrainingAction runToOpening(int places, int trainees) {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        submitAndApprove(action, places);
        contractAndApprove(action);
        traineesAndApprove(action, trainees);
        return action;
    }

    void submitAndApprove(TrainingAction action, int trainees) {
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(trainees));
        driver.approve(action, "CallActivity_ValidateSubmission");
    }

    void contractAndApprove(TrainingAction action) {
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
    }

    void traineesAndApprove(TrainingAction action, int count) {
        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(count));
        driver.approve(action, "CallActivity_ValidateTrainees");
    }

    void openAndApprove(TrainingAction action, String mode) {
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", mode));
        driver.approve(action, "CallActivity_ValidateOpening");
    }

    /** At the given time (after the month's end), declares 70 centre hours per trainee; in the last month, their exit. */
    void declareMonth(TrainingAction action, String month, LocalDateTime at, boolean lastMonth) {
        clock(at);
        driver.runDueJobs(action);
        declare(action, month, lastMonth);
    }

    void evaluateAndApprove(TrainingAction action) {
        evaluateAndApprove(action, true);
    }

    void evaluateAndApprove(TrainingAction action, boolean approve) {
        driver.evaluationsSentByEveryone(action);
        List<Map<String, Object>> rows = trainees.of(action.getId()).stream()
                .map(t -> Map.<String, Object>of("traineeId", t.getId(), "result", "ACQUIRED")).toList();
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", json(toJson(rows))));
        if (approve) {
            driver.approve(action, "CallActivity_ValidateEvaluations");
        }
    }

    void closeAction(TrainingAction action) {
        List<Map<String, Object>> rows = trainees.of(action.getId()).stream()
                .map(t -> Map.<String, Object>of("traineeId", t.getId(), "situation", "JOB_IN_SECTOR", "contract", "CDI")).toList();
        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27", "surveys", json(toJson(rows)),
                "pedagogicalReport", "Tous les stagiaires ont validé les deux modules."));
    }

    Invoice onlyInvoice(TrainingAction action, String month) {
        List<Invoice> matching = invoices.of(action.getId()).stream().filter(i -> i.getMonths().equals(month)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    Invoice invoice(Invoice invoice) {
        return invoices.get(invoice.getId());
    }

    static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("[ \\r\\n]+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
