package fr.formaflow.attendance;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.PrestationRestTest;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 001 (issue 24): a Formiris session's attendance certificates, deposited once the purchase order is signed and
 * returned, refused for a teacher without an assignment to the pedagogical unit given, then printed per session.
 */
@FormaflowTest
class SessionAttendanceRestTest {

    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TeacherAssignmentRepository register;
    @Autowired
    DossierService dossiers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    final ObjectMapper json = new ObjectMapper();
    WebClient http;
    TrainingAction dossier;
    String pastSession;
    String futureSession;
    String teacher;
    String colleague;

    @BeforeEach
    void aFormirisPrestationWithAPastAndAFutureSession() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        http = new WebClient("http://localhost:" + port);
        dossier = driver.create(ORGANISATION_USER, driver.formirisFunder(), "Attestations par session", GeographicScope.REGIONAL);
        LocalDate today = clock.today();
        HttpResponse<String> saved = http.call(ORGANISATION_USER, PASSWORD, "PUT", "/api/dossiers/" + dossier.getId() + "/prestation",
                PrestationRestTest.prestation("PER_PARTICIPANT",
                        PrestationRestTest.session(null, today.minusDays(10).toString(), today.minusDays(9).toString(), "12", "Lycée Saint-Joseph", 3, "180", null),
                        PrestationRestTest.session(null, today.plusDays(30).toString(), today.plusDays(31).toString(), "12", "Collège Saint-Roch", 3, "180", null))
                        .replace("\"registrationDeadline\":\"2027-01-04\"", "\"registrationDeadline\":null"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode sessions = json.readTree(saved.body()).get("prestation").get("sessions");
        pastSession = sessions.get(0).get("id").asText();
        futureSession = sessions.get(1).get("id").asText();
        // numbers of this test only, in Formiris' register
        long n = 100_000 + System.nanoTime() % 800_000;
        teacher = Long.toString(n);
        colleague = Long.toString(n + 1);
        register.saveAll(List.of(new TeacherAssignment("FORMIRIS", teacher, "Anne Martin", "1234", "Collège Saint-Roch"),
                new TeacherAssignment("FORMIRIS", colleague, "Luc Petit", "5678", "Lycée Saint-Joseph")));
    }

    String attendees(String... lines) {
        return "{\"attendees\":[" + String.join(",", lines) + "]}";
    }

    static String line(String number, String last, String first, String unit, String hours) {
        return "{\"teacherNumber\":\"" + number + "\",\"lastName\":\"" + last + "\",\"firstName\":\"" + first + "\",\"unitCode\":\"" + unit
                + "\",\"hours\":" + hours + "}";
    }

    @Test
    void onlyOnceThePurchaseOrderIsSignedAndEveryTeacherIsAssignedToTheirUnit() throws Exception {
        String both = attendees(line(teacher, "Martin", "Anne", "1234", "12"), line(colleague, "Petit", "Luc", "5678", "10.5"));
        HttpResponse<String> noOrder = deposit(ORGANISATION_USER, pastSession, both);
        assertThat(noOrder.statusCode()).isEqualTo(422);
        assertThat(noOrder.body()).contains("uniquement si le bon de commande est signé et renvoyé à Formiris");

        transactions.executeWithoutResult(s -> dossiers.issuePurchaseOrder(dossier.getId(), "BC-2027-0099", clock.today()));
        HttpResponse<String> unsigned = deposit(ORGANISATION_USER, pastSession, both);
        assertThat(unsigned.statusCode()).isEqualTo(422);
        assertThat(unsigned.body()).contains("avant que le bon de commande BC-2027-0099 soit signé et retourné");

        transactions.executeWithoutResult(s -> dossiers.completeContract(dossier.getId(), true));
        // the colleague is assigned to 5678, not to 1234: the seed's message, and nothing is deposited
        HttpResponse<String> unassigned = deposit(ORGANISATION_USER, pastSession,
                attendees(line(teacher, "Martin", "Anne", "1234", "12"), line(colleague, "Petit", "Luc", "1234", "10.5")));
        assertThat(unassigned.statusCode()).isEqualTo(422);
        assertThat(unassigned.body()).contains("Les attestations de présence de la session ne sont pas déposées.",
                "aucune affectation trouvée pour l'enseignant \\\"" + colleague + "\\\" dans l'unité pédagogique \\\"1234\\\"",
                "contactez l'Assistance Formiris").doesNotContain("\\\"" + teacher + "\\\"");
        assertThat(json.readTree(get(ORGANISATION_USER, pastSession).body()).get("deposited").asBoolean()).isFalse();

        HttpResponse<String> deposited = deposit(ORGANISATION_USER, pastSession, both);
        assertThat(deposited.statusCode()).as(deposited.body()).isEqualTo(200);
        JsonNode view = json.readTree(get("lea.garnier", pastSession).body());
        assertThat(view.get("deposited").asBoolean()).isTrue();
        assertThat(view.get("recordedBy").asText()).isEqualTo(ORGANISATION_USER);
        assertThat(view.get("attendees")).hasSize(2);
        assertThat(view.get("attendees").get(1).get("hours").decimalValue()).isEqualByComparingTo("10.5");

        // the future session has not started yet
        HttpResponse<String> tooEarly = deposit(ORGANISATION_USER, futureSession, both);
        assertThat(tooEarly.statusCode()).isEqualTo(422);
        assertThat(tooEarly.body()).contains("n'a pas commencé");

        // the certificates, per session: the list, then one certificate per teacher
        byte[] pdf = http.getBytes("lea.garnier", PASSWORD, pdfPath(pastSession));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Attestations de présence", "Attestation de présence", "BC-2027-0099", "Lycée Saint-Joseph",
                    "Anne Martin, enseignant(e) n° " + teacher + " de l'unité pédagogique 1234", "10,5 h sur 12 h", "22,5 h");
        }
        HttpResponse<String> nothingYet = http.call(ORGANISATION_USER, PASSWORD, "GET", pdfPath(futureSession), null);
        assertThat(nothingYet.statusCode()).isEqualTo(422);
        assertThat(nothingYet.body()).contains("Aucune attestation de présence n'a encore été déposée");

        // a session with certificates stays in the prestation
        HttpResponse<String> dropped = http.call(ORGANISATION_USER, PASSWORD, "PUT", "/api/dossiers/" + dossier.getId() + "/prestation",
                PrestationRestTest.prestation("PER_PARTICIPANT", PrestationRestTest.session(futureSession, clock.today().plusDays(30).toString(),
                        clock.today().plusDays(31).toString(), "12", "Collège Saint-Roch", 3, "180", null))
                        .replace("\"registrationDeadline\":\"2027-01-04\"", "\"registrationDeadline\":null"));
        assertThat(dropped.statusCode()).isEqualTo(422);
        assertThat(dropped.body()).contains("a ses attestations de présence déposées ; elle ne peut plus être supprimée");
    }

    @Test
    void noOtherOrganisationNorOtherScopeSeesOrDepositsThemAndTheValidatorDepositsNothing() {
        transactions.executeWithoutResult(s -> {
            dossiers.issuePurchaseOrder(dossier.getId(), "BC-2027-0100", clock.today());
            dossiers.completeContract(dossier.getId(), true);
        });
        String one = attendees(line(teacher, "Martin", "Anne", "1234", "12"));
        assertThat(deposit(ORGANISATION_USER, pastSession, one).statusCode()).isEqualTo(200);
        for (String stranger : new String[] {"paul.roux", "antoine.brun"}) {
            assertThat(get(stranger, pastSession).statusCode()).as(stranger).isEqualTo(404);
            assertThat(http.call(stranger, PASSWORD, "GET", pdfPath(pastSession), null).statusCode()).as(stranger).isEqualTo(404);
            assertThat(deposit(stranger, pastSession, one).statusCode()).as(stranger).isEqualTo(404);
        }
        HttpResponse<String> validator = deposit("lea.garnier", pastSession, attendees(line(colleague, "Petit", "Luc", "5678", "1")));
        assertThat(validator.statusCode()).isEqualTo(403);
        assertThat(get(ORGANISATION_USER, pastSession).body()).contains(teacher).doesNotContain(colleague);
        // a session of another dossier is not found through this one
        assertThat(get(ORGANISATION_USER, "999999").statusCode()).isEqualTo(404);
    }

    private String pdfPath(String session) {
        return "/api/dossiers/" + dossier.getId() + "/prestation/sessions/" + session + "/attendance.pdf";
    }

    private HttpResponse<String> get(String user, String session) {
        return http.call(user, PASSWORD, "GET", "/api/dossiers/" + dossier.getId() + "/prestation/sessions/" + session + "/attendance", null);
    }

    private HttpResponse<String> deposit(String user, String session, String body) {
        return http.call(user, PASSWORD, "PUT", "/api/dossiers/" + dossier.getId() + "/prestation/sessions/" + session + "/attendance", body);
    }
}
