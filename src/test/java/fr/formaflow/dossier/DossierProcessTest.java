package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.support.DossierDriver;
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

    DossierDriver driver;

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
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(dossier.getId()).count()).isEqualTo(2);

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
        driver.approve(action, "Task_ValidateClosure");
        driver.complete(FUNDER_USER, action, "Task_RecordBalancePayment", Map.of("paymentDate", "2026-04-10", "paymentReference", "VIR-SOLDE"));
        assertThat(dossier).isWaitingAt("CallActivity_FollowUp");

        clock(LocalDateTime.of(2026, 8, 28, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveySixMonths",
                Map.of("situation", "JOB_IN_SECTOR", "contract", "CDI"))).isEqualTo(2);
        clock(LocalDateTime.of(2027, 2, 28, 9, 0));
        driver.runDueJobs(action);
        assertThat(driver.completeAll(ORGANISATION_USER, action, "Task_SurveyOneYear",
                Map.of("situation", "JOB_OTHER_SECTOR", "contract", "CDD_OVER_6_MONTHS"))).isEqualTo(2);
        assertThat(dossier).isEnded().hasPassed("End_DossierClosed");
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.CLOSED);
    }


    @Test
    void everyRejectionGoesBackToTheOrganisationWithItsReason() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        ProcessInstance dossier = driver.mainInstance(action);

        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.reject(action, "Task_ValidateSubmission", "Le programme ne détaille pas la durée de chaque module.");
        assertThat(dossier).isWaitingAt("Task_SubmitDossier");
        assertThat((String) driver.formVariables(action, "Task_SubmitDossier").get("rejections"))
                .contains("Le programme ne détaille pas la durée de chaque module.").contains(FUNDER_USER);
        assertThat(driver.formVariables(action, "Task_SubmitDossier")).containsEntry("formacode", "45054");
        submitAndApprove(action, 2);

        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.reject(action, "Task_ValidateContract", "La charte de M. Rocher n'est pas signée.");
        assertThat((String) driver.formVariables(action, "Task_Contract").get("rejections")).contains("La charte de M. Rocher");
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "Task_ValidateContract");

        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(2));
        driver.reject(action, "Task_ValidateTrainees", "Le prescripteur de Mme StagiaireA est inconnu.");
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
        driver.reject(action, "Task_ValidateOpening", "La liste des stagiaires à l'ouverture n'est pas signée.");
        assertThat(dossier).isWaitingAt("Task_OpenAction");
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-26", "paymentMode", "MONTHLY"));
        driver.approve(action, "Task_ValidateOpening");
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.EXECUTION);
    }

    @Test
    void aRefusedSubmissionEndsTheDossier() {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        assertThatThrownBy(() -> driver.complete(FUNDER_USER, action, "Task_ValidateSubmission", Map.of("decision", "REFUSE")))
                .hasMessageContaining("Le motif est obligatoire");
        driver.complete(FUNDER_USER, action, "Task_ValidateSubmission", Map.of("decision", "REFUSE", "reason", "Hors du champ du marché."));
        assertThat(driver.mainInstance(action)).isNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(action.getProcessInstanceId())
                .activityId("End_DossierRefused").count()).isEqualTo(1);
        assertThat(driver.reload(action).getPhase()).isEqualTo(DossierPhase.REFUSED);
    }

    // ------------------------------------------------------------------ steps

    void submitAndApprove(TrainingAction action, int trainees) {
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(trainees));
        driver.approve(action, "Task_ValidateSubmission");
    }

    void contractAndApprove(TrainingAction action) {
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "Task_ValidateContract");
    }

    void traineesAndApprove(TrainingAction action, int count) {
        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(count));
        driver.approve(action, "Task_ValidateTrainees");
    }

    void openAndApprove(TrainingAction action, String mode) {
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", mode));
        driver.approve(action, "Task_ValidateOpening");
    }

    /** At the given time (after the month's end), declares 70 centre hours per trainee; in the last month, their exit. */
    void declareMonth(TrainingAction action, String month, LocalDateTime at, boolean lastMonth) {
        clock(at);
        driver.runDueJobs(action);
        List<Map<String, Object>> rows = trainees.of(action.getId()).stream().map(t -> {
            Map<String, Object> row = new HashMap<>();
            row.put("traineeId", t.getId());
            row.put("centreCompleted", 70);
            if (lastMonth) {
                row.put("exitDate", "2026-02-27");
                row.put("exitType", "END_OF_TRAINING");
            }
            return row;
        }).toList();
        driver.complete(ORGANISATION_USER, action, "Task_DeclareMonth", Map.of("hours", json(toJson(rows)), "confirmed", true));
    }

    void evaluateAndApprove(TrainingAction action) {
        List<Map<String, Object>> rows = trainees.of(action.getId()).stream()
                .map(t -> Map.<String, Object>of("traineeId", t.getId(), "result", "ACQUIRED", "satisfaction", "5")).toList();
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations",
                Map.of("evaluations", json(toJson(rows)), "trainerEvaluation", "Formateurs disponibles et précis."));
        driver.approve(action, "Task_ValidateEvaluations");
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

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
