package fr.formaflow.attendance;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.AtOnce;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Electronic attendance: a half-day opened to signatures, signed by phone by trainees and a trainer, counted in the month.
 * Run on H2 ({@link SignaturesTest}) and on PostgreSQL ({@link PostgresSignaturesTest}): row locks, migration V19.
 */
abstract class SignatureCases {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Signatures signatures;
    @Autowired
    AttendanceSheets sheets;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TraineeService trainees;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    WebClient http;
    TrainingAction action;
    List<Trainee> people;
    String sessions;

    @BeforeEach
    void runToTheFirstMorning() {
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        action = driver.runToExecution("MONTHLY", 3, 2);
        people = trainees.of(action.getId());
        http = new WebClient("http://localhost:" + port);
        sessions = "/api/dossiers/" + action.getId() + "/signing-sessions";
        clock(LocalDateTime.of(2026, 1, 5, 8, 55));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aHalfDaySignedByTheTraineesAndATrainerCountsInTheMonthWithItsProof() throws Exception {
        JsonNode session = open(MONDAY, "AM");
        assertThat(session.get("halfLabel").asText()).isEqualTo("matin");
        JsonNode signers = session.get("signers");
        assertThat(signers).hasSize(4);
        assertThat(signers.findValuesAsText("kind")).containsExactly("TRAINEE", "TRAINEE", "TRAINER", "TRAINER");
        assertThat(signers.findValuesAsText("name")).containsExactly("Anna STAGIAIREA", "Anna STAGIAIREB", "Jacques MEUNIER", "Yves ROCHER");
        String anna = token(signers.get(0));
        String annaB = token(signers.get(1));
        String trainer = token(signers.get(3));
        assertThat(anna).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        // only the token's SHA-256 is stored
        assertThat(jdbc.queryForList("select token_hash from electronic_signature", String.class))
                .doesNotContain(anna).contains(Signatures.hash(anna));

        // the QR code of a link reads back as the link; a token that is no link of the dossier draws nothing
        String qr = sessions + "/qr.png?t=";
        byte[] png = http.getBytes(ORGANISATION_USER, "formaflow", qr + anna);
        assertThat(decode(png)).endsWith("/signer.html?t=" + anna);
        assertThat(http.getAs(ORGANISATION_USER, "formaflow", qr + "x" + annaB).statusCode()).isEqualTo(404);
        assertThat(http.getAs("sophie.martin", "formaflow", qr + anna).statusCode()).isEqualTo(404);

        // what the link signs, without an account
        HttpResponse<String> shown = http.get("/public/signatures/" + anna);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode toSign = JSON.readTree(shown.body());
        assertThat(toSign.get("dossierTitle").asText()).isEqualTo("Accessoiriste de spectacle");
        assertThat(toSign.get("dayLabel").asText()).isEqualTo("lundi 5 janvier 2026");
        assertThat(toSign.get("halfLabel").asText()).isEqualTo("matin");
        assertThat(toSign.get("signerName").asText()).isEqualTo("Anna STAGIAIREA");

        clock(LocalDateTime.of(2026, 1, 5, 9, 2));
        assertThat(sign(anna).statusCode()).isEqualTo(200);
        HttpResponse<String> again = sign(anna);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("message").asText()).isEqualTo("Ce lien de signature a déjà été utilisé.");
        assertThat(http.get("/public/signatures/" + anna).statusCode()).isEqualTo(409);
        // the trainee alone does not make the half-day attended
        assertThat(sheets.of(action, JANUARY)).isEmpty();
        assertThat(signatures.signedHours(action, JANUARY)).isEmpty();

        clock(LocalDateTime.of(2026, 1, 5, 9, 5));
        assertThat(sign(trainer).statusCode()).isEqualTo(200);
        long trainerId = signers.get(3).get("personId").asLong();
        assertThat(sheets.of(action, JANUARY)).singleElement().satisfies(h -> {
            assertThat(h.getTraineeId()).isEqualTo(people.get(0).getId());
            assertThat(h.getDay()).isEqualTo(MONDAY);
            assertThat(h.getHalf()).isEqualTo(Schedule.Half.AM);
            assertThat(h.getStatus()).isEqualTo(HalfDayAttendance.Status.PRESENT);
            assertThat(h.getHours()).isEqualByComparingTo("3.5");
            assertThat(h.getTrainerId()).isEqualTo(trainerId);
        });
        assertThat(attendance.hourLines(action.getId(), JANUARY)).singleElement()
                .satisfies(line -> assertThat(line.centreCompleted()).isEqualByComparingTo("3.5"));

        // a trainee signing after the trainer counts at once
        clock(LocalDateTime.of(2026, 1, 5, 9, 20));
        assertThat(sign(annaB).statusCode()).isEqualTo(200);
        Map<Long, java.math.BigDecimal> hours = signatures.signedHours(action, JANUARY);
        assertThat(hours).containsOnlyKeys(people.get(0).getId(), people.get(1).getId());
        assertThat(hours.get(people.get(0).getId())).isEqualByComparingTo("3.5");
        assertThat(signatures.signedHours(action, JANUARY.minusMonths(1), JANUARY.plusMonths(1))).as("several months at once, by month")
                .containsOnlyKeys(JANUARY).containsEntry(JANUARY, hours);
        assertThat(sheets.of(action, JANUARY)).hasSize(2);

        // the proof: time, IP, browser and the SHA-256 over (dossier, day, half, signer, signed-at, IP)
        Map<String, Object> proof = jdbc.queryForMap("select signed_at, ip_address, user_agent, proof_hash from electronic_signature "
                + "where token_hash = ?", Signatures.hash(anna));
        assertThat(proof.get("IP_ADDRESS")).isEqualTo("127.0.0.1");
        assertThat((String) proof.get("USER_AGENT")).contains("Java-http-client");
        assertThat(proof.get("PROOF_HASH")).isEqualTo(Signatures.hash("dossier=" + action.getId() + "|day=2026-01-05|half=AM|signer=TRAINEE:"
                + people.get(0).getId() + "|signedAt=2026-01-05T09:02:00.000|ip=127.0.0.1"));

        // the organisation (and the funder) see who signed when
        JsonNode month = JSON.readTree(http.getAs(FUNDER_USER, "formaflow", sessions + "?month=2026-01").body());
        assertThat(month).hasSize(1);
        assertThat(JSON.readTree(http.getAs(ORGANISATION_USER, "formaflow", sessions).body())).as("the current month by default").hasSize(1);
        JsonNode first = month.get(0).get("signers").get(0);
        assertThat(first.get("status").asText()).isEqualTo("Signé le 05/01/2026 à 09:02");
        assertThat(first.get("halfDayCounted").asBoolean()).isTrue();
        assertThat(first.get("ipAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(first.get("url").isNull()).as("links are shown once").isTrue();
        assertThat(month.get(0).get("signers").get(2).get("status").asText()).isEqualTo("En attente de signature");
        List<Signatures.SignedHalfDay> signed = signatures.signedHalfDays(action, JANUARY);
        assertThat(signed).hasSize(2).allSatisfy(h -> assertThat(h.trainerSignedAt()).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 5)));

        // the month's filled sheet shows who signed when
        byte[] sheet = transactions.execute(s -> {
            fr.formaflow.documents.DocumentService documents = context.getBean(fr.formaflow.documents.DocumentService.class);
            return documents.content(context.getBean(fr.formaflow.documents.DossierPapers.class).monthSummary(
                    new DossierDriver(context).reload(action), JANUARY, false).stream()
                    .filter(d -> d.getType() == fr.formaflow.documents.DocumentType.ATTENDANCE_SHEET_FILLED).findFirst().orElseThrow());
        });
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(sheet)) {
            // the narrow boxes wrap their lines anywhere: compared without blanks
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains("AnnaPrésent3,5hsignéle05/01/2026à09:02", "AnnaPrésent3,5hsignéle05/01/2026à09:20",
                    "signéle05/01/2026à09:05");
        }

        // at the month's end, the declaration comes pre-filled with the signed half-days; they are its proof: confirmed
        // without an uploaded signed sheet (the consistency check's signedAttendance rule reads Signatures#signedHours)
        DossierDriver driver = new DossierDriver(context);
        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        driver.runDueJobs(action);
        Object prefilled = driver.formVariables(action, "Task_DeclareMonth").get("hours");
        assertThat(prefilled.toString()).contains("3.5");
        driver.completeMonth(ORGANISATION_USER, action, "2026-01", Map.of("hours", prefilled, "confirmed", true));
        assertThat(attendance.declaration(action.getId(), JANUARY).isConfirmed()).isTrue();
    }

    @Test
    void linksAreSingleUseExpireWithTheirDayAndOnlyTheDossiersOrganisationOpensASession() throws Exception {
        JsonNode first = open(MONDAY, "PM");
        String anna = token(first.get("signers").get(0));

        // opened again (the page was closed): new links for who has not signed, the previous ones stop working
        JsonNode again = open(MONDAY, "PM");
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        String renewed = token(again.get("signers").get(0));
        assertThat(renewed).isNotEqualTo(anna);
        assertThat(http.get("/public/signatures/" + anna).statusCode()).isEqualTo(404);

        // two taps at once on the same link: one signature
        String jacques = token(again.get("signers").get(2));
        List<java.util.concurrent.CompletableFuture<Integer>> taps = List.of(1, 2).stream()
                .map(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> sign(jacques).statusCode())).toList();
        assertThat(taps.stream().map(java.util.concurrent.CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);

        HttpResponse<String> unknown = sign("pas-un-jeton");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).startsWith("Ce lien de signature n'existe pas");

        // at midnight (Europe/Paris) the day's links expire
        clock(LocalDateTime.of(2026, 1, 6, 0, 0));
        HttpResponse<String> expired = sign(renewed);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(expired.body()).get("message").asText()).isEqualTo("Ce lien de signature a expiré.");
        assertThat(jdbc.queryForList("select signer_name from electronic_signature where signed_at is not null and session_id = ?",
                String.class, first.get("id").asLong())).containsExactly("Jacques MEUNIER");

        // another day than today, a weekend, a day outside the action: refused, in French
        HttpResponse<String> tomorrow = post(ORGANISATION_USER, "2026-01-07", "AM");
        assertThat(tomorrow.statusCode()).isEqualTo(400);
        assertThat(tomorrow.body()).contains("La session de signature ne peut pas être ouverte").contains("le 07/01/2026 n'est pas encore arrivé");
        assertThat(post(ORGANISATION_USER, "2026-01-05", "AM").body()).contains("le 05/01/2026 est passé");
        clock(LocalDateTime.of(2026, 1, 10, 9, 0));
        assertThat(post(ORGANISATION_USER, "2026-01-10", "AM").body()).contains("le 10/01/2026 est un week-end");
        assertThat(post(ORGANISATION_USER, "2026-01-10", null).statusCode()).isEqualTo(400);

        // another organisation does not see the dossier; its funder sees it but opens nothing
        clock(LocalDateTime.of(2026, 1, 6, 9, 0));
        assertThat(post("sophie.martin", "2026-01-06", "AM").statusCode()).isEqualTo(404);
        assertThat(http.getAs("sophie.martin", "formaflow", sessions + "?month=2026-01").statusCode()).isEqualTo(404);
        assertThat(post(FUNDER_USER, "2026-01-06", "AM").statusCode()).isEqualTo(403);
        assertThat(post(ORGANISATION_USER, "2026-01-06", "AM").statusCode()).isEqualTo(201);
    }

    @Test
    void twoClicksOpeningTheSameHalfDayAtOnceOpenOneSessionWithOneLinkPerPerson() throws Exception {
        List<HttpResponse<String>> responses = AtOnce.run(4, () -> post(ORGANISATION_USER, MONDAY.toString(), "AM"));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
        assertThat(responses.stream().map(r -> json(r).get("id").asLong()).distinct()).hasSize(1);
        long sessionId = json(responses.get(0)).get("id").asLong();
        assertThat(jdbc.queryForObject("select count(*) from signing_session where action_id = ? and session_date = ?", Long.class,
                action.getId(), MONDAY)).isEqualTo(1L);
        // each trainee in training and each trainer of the dossier asked once: two trainees, two trainers
        assertThat(jdbc.queryForObject("select count(*) from electronic_signature where session_id = ?", Long.class, sessionId))
                .isEqualTo(4L);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode open(LocalDate day, String half) throws Exception {
        HttpResponse<String> response = post(ORGANISATION_USER, day.toString(), half);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String user, String day, String half) {
        String body = "{\"day\":\"" + day + "\"" + (half == null ? "" : ",\"half\":\"" + half + "\"") + "}";
        return http.postJson(user, "formaflow", sessions, body);
    }

    private HttpResponse<String> sign(String token) {
        return http.call(null, null, "POST", "/public/signatures/" + token, null);
    }

    private static String token(JsonNode signer) {
        String url = signer.get("url").asText();
        return url.substring(url.indexOf("?t=") + 3);
    }

    /**
     * Reads the generated image as a pure barcode (upright, clean, in its quiet zone): ZXing's detector for camera
     * images missed about 1 % of these codes, depending on the random token (28 of 3 000), where this read misses none.
     */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
