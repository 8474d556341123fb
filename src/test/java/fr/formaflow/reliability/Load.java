package fr.formaflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.demo.DemoData;
import fr.formaflow.platform.WebClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** What users do to a node over HTTP in the reliability tests: OPCO contracts, the CFA's and the adviser's tasks. */
final class Load {

    static final String PASSWORD = "formaflow";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Load() {
    }

    /** The OPCO's web service sends a contract; returns its JSON detail, or null if not acknowledged. */
    static JsonNode receiveContract(WebClient http, boolean complete, LocalDate start, LocalDate end) {
        String body = """
                {"cfaSiret":"%s","contractNumber":"R%08d","apprenticeLastName":"Apprenti","apprenticeFirstName":"Test",
                 "employerName":"Clinique du Parc","employerSiret":"48300123650002","diploma":"DEAS","signedOn":"%s",
                 "startDate":"%s","endDate":"%s","budgetEuros":"6 000,00","teachingCostEuros":"6 000,00",
                 "cerfaSigned":%s,"agreementSigned":true}""".formatted(DemoData.CFA_SIRET, SEQUENCE.incrementAndGet(),
                start.minusDays(10), start, end, complete);
        HttpResponse<String> response = http.call("julien.morel", PASSWORD, "POST", "/api/opco/contracts", body);
        return response.statusCode() == 201 ? read(response.body()) : null;
    }

    /** Submits the only open task of this business key as this user, as Tasklist does; true if acknowledged (204). */
    static boolean submitTask(WebClient http, String user, String businessKey, String variables) {
        JsonNode tasks = read(http.call(user, PASSWORD, "GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, null).body());
        if (tasks == null || tasks.size() != 1) {
            return false;
        }
        return http.call(user, PASSWORD, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                "{\"variables\":" + variables + "}").statusCode() == 204;
    }

    /** Tries again for up to 20 seconds: what an asynchronous job is about to make possible. */
    static boolean eventually(java.util.function.BooleanSupplier attempt) throws InterruptedException {
        long end = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!attempt.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** A valid SIRET (Luhn over the SIREN and over the 14 digits) made from a 13-digit prefix: its 9th digit becomes the SIREN's key. */
    static String siret(long prefix) {
        String base = String.format("%013d", prefix);
        for (int sirenKey = 0; sirenKey < 10; sirenKey++) {
            for (int check = 0; check < 10; check++) {
                String candidate = base.substring(0, 8) + sirenKey + base.substring(9) + check;
                if (fr.formaflow.organisation.Siret.isValid(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("No valid SIRET from " + base);
    }
}
