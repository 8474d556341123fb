package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.platform.WebClient;
import fr.formaflow.process.DossierSummary;
import fr.formaflow.process.FormJson;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A Région action whose balance is smaller than what is left of its advance: once the funder accepts the balance, a
 * recovery order claims the rest, to the cent, with its PDF, seen by the organisation and the Région's validator only.
 */
@FormaflowTest
class AdvanceRecoveryProcessTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    InvoiceService invoices;
    @Autowired
    AdvanceRecoveries recoveries;
    @Autowired
    TraineeService trainees;
    @Autowired
    DossierSummary summary;

    DossierDriver driver;
    WebClient http;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        driver = new DossierDriver(context);
        http = new WebClient("http://localhost:" + port);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aBalanceSmallerThanTheAdvanceLeftGivesARecoveryOrderOnceAccepted() throws Exception {
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Accessoiriste");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        driver.approve(action, "CallActivity_ValidateSubmission");
        driver.uploadContractDocuments(action);
        driver.complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        driver.approve(action, "CallActivity_ValidateContract");
        driver.complete(ORGANISATION_USER, action, "Task_EnterTrainees", DossierDriver.trainees(2));
        driver.approve(action, "CallActivity_ValidateTrainees");
        // an optional advance of 30 % of 2 100,00 €: 630,00 € HT
        driver.complete(ORGANISATION_USER, action, "Task_OpenAction",
                Map.of("realStart", "2026-01-05", "paymentMode", "MONTHLY", "advance", "OPTIONAL", "advancePercent", 30));
        driver.approve(action, "CallActivity_ValidateOpening");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmAdvance", Map.of("confirmed", true));
        driver.approve(action, "Task_AcceptAdvance");
        clock(LocalDateTime.of(2026, 1, 20, 9, 0));
        driver.complete(FUNDER_USER, action, "Task_RecordAdvancePayment", Map.of("paymentDate", "2026-01-20", "paymentReference", "VIR-AVANCE"));

        // January 70 h each (980,00 €), February 10 h each (140,00 €): 53 % of the price, below the 65 % where repayment starts
        List<Trainee> enrolled = trainees.of(action.getId());
        payMonth(action, "2026-01", List.of(Map.of("traineeId", enrolled.get(0).getId(), "centreCompleted", 70),
                Map.of("traineeId", enrolled.get(1).getId(), "centreCompleted", 70)));
        payMonth(action, "2026-02", List.of(
                Map.of("traineeId", enrolled.get(0).getId(), "centreCompleted", 10, "exitDate", "2026-02-27", "exitType", "END_OF_TRAINING"),
                Map.of("traineeId", enrolled.get(1).getId(), "centreCompleted", 10, "exitDate", "2026-02-20", "exitType", "EARLY_EXIT",
                        "earlyExitReason", "EMPLOYMENT")));
        assertThat(invoices.advanceOutstandingCents(action.getId())).isEqualTo(63_000);

        // the balance: the leaver's 60 centre and 70 company hours, 490,00 €, all taken by the advance; 140,00 € left
        driver.evaluationsSentByEveryone(action);
        driver.complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", rows(trainees.of(action.getId()).stream()
                .map(t -> Map.<String, Object>of("traineeId", t.getId(), "result", "ACQUIRED")).toList())));
        driver.approve(action, "CallActivity_ValidateEvaluations");
        driver.complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27", "surveys",
                rows(trainees.of(action.getId()).stream().map(t -> Map.<String, Object>of("traineeId", t.getId(),
                        "situation", "JOB_IN_SECTOR", "contract", "CDI")).toList()),
                "pedagogicalReport", "Tous les stagiaires ont validé les deux modules."));
        Invoice balance = invoices.of(action.getId()).stream().filter(i -> i.getKind() == InvoiceKind.BALANCE).findFirst().orElseThrow();
        assertThat(balance.getHoursAmountCents()).isEqualTo(49_000);
        assertThat(balance.getAdvanceRepaidCents()).isEqualTo(49_000);
        assertThat(balance.getNetCents()).isZero();
        assertThat(balance.getExplanation()).contains("140,00\u00a0€ restent à reverser au financeur")
                .contains("un ordre de reversement sera émis à l'acceptation du solde");
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        assertThat(recoveries.of(action.getId())).as("not before the funder accepts the balance").isEmpty();
        assertThat(http.getAs(ORGANISATION_USER, "formaflow", "/api/dossiers/" + action.getId() + "/advance-recovery").statusCode())
                .isEqualTo(404);

        driver.approve(action, "CallActivity_ValidateClosure");
        AdvanceRecovery recovery = recoveries.of(action.getId()).orElseThrow();
        long vat = InvoiceCalculator.toCents(InvoiceCalculator.totals(InvoiceCalculator.fromCents(14_000),
                driver.reload(action).getOrganisation().vatRate()).vat());
        assertThat(recovery.getNumber()).matches("R2026-\\d{5}");
        assertThat(recovery.getAdvanceCents()).isEqualTo(63_000);
        assertThat(recovery.getRepaidCents()).isEqualTo(49_000);
        assertThat(recovery.getNetCents()).isEqualTo(14_000);
        assertThat(recovery.getGrossCents()).isEqualTo(14_000 + vat);
        assertThat(recovery.getBalanceInvoiceId()).isEqualTo(balance.getId());
        // to the cent: what the invoices paid, plus what comes back, is what the hours are worth (1 610,00 €)
        long paidNet = invoices.of(action.getId()).stream().filter(Invoice::counts).mapToLong(Invoice::getNetCents).sum();
        assertThat(paidNet - recovery.getNetCents()).isEqualTo(161_000);
        assertThat(summary.of(action.getId())).contains("Ordre de reversement n° " + recovery.getNumber())
                .contains(French.euros(14_000 + vat) + " TTC à reverser à");

        // the organisation and the Région's validator see it and download its PDF; nobody else does
        String path = "/api/dossiers/" + action.getId() + "/advance-recovery";
        for (String user : List.of(ORGANISATION_USER, FUNDER_USER)) {
            HttpResponse<String> seen = http.getAs(user, "formaflow", path);
            assertThat(seen.statusCode()).as(user + ": " + seen.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(seen.body());
            assertThat(json.get("number").asText()).isEqualTo(recovery.getNumber());
            assertThat(json.get("netCents").asLong()).isEqualTo(14_000);
            String text = InvoicePdfTest.text(http.getBytes(user, "formaflow", path + ".pdf"));
            assertThat(text).contains("Ordre de reversement n° " + recovery.getNumber()).contains(action.getContractNumber())
                    .contains(French.euros(63_000)).contains(French.euros(49_000)).contains(French.euros(14_000 + vat));
        }
        for (String stranger : List.of("paul.roux", "julien.morel", "hugo.lambert")) {
            assertThat(http.getAs(stranger, "formaflow", path).statusCode()).as(stranger).isIn(403, 404);
            assertThat(http.getAs(stranger, "formaflow", path + ".pdf").statusCode()).as(stranger).isIn(403, 404);
        }
    }

    private void payMonth(TrainingAction action, String month, List<Map<String, Object>> hours) {
        clock(java.time.YearMonth.parse(month).plusMonths(1).atDay(2).atTime(9, 0));
        driver.runDueJobs(action);
        driver.completeMonth(ORGANISATION_USER, action, month, Map.of("hours", rows(hours), "confirmed", true));
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", month + "-28", "paymentReference", "VIR-" + month));
    }

    private static Object rows(List<Map<String, Object>> rows) {
        return FormJson.rows(rows);
    }
}
