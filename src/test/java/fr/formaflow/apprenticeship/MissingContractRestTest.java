package fr.formaflow.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.notification.NotificationRepository;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 24: « signaler un dossier manquant » — a CFA tells its OPCO about a contract it cannot find. */
@FormaflowTest
class MissingContractRestTest {

    static final String PASSWORD = "formaflow";
    static final String PATH = "/api/apprenticeship-contracts/missing-reports";

    @LocalServerPort
    int port;
    @Autowired
    NotificationRepository notifications;

    @Test
    void aCfaReportsAMissingContractToItsOpcoWhoIsNotifiedAndNothingIsSentOnBadInput() {
        WebClient web = new WebClient("http://localhost:" + port);
        String apprentice = "Manquant" + (System.nanoTime() % 1_000_000);
        String report = "{\"funderCode\":\"" + DemoData.OPCO + "\",\"employerSiret\":\"421 100 645 00017\",\"employerName\":\"Clinique du Parc\","
                + "\"apprenticeLastName\":\"" + apprentice + "\",\"apprenticeFirstName\":\"Léna\",\"startDate\":\"2026-09-01\","
                + "\"message\":\"L'employeur a saisi le contrat le 28 août.\"}";

        // not a CFA: refused, nothing sent
        assertThat(web.postJson("marie.durand", PASSWORD, PATH, report).statusCode()).isEqualTo(403);
        // every wrong value named, nothing sent
        HttpResponse<String> wrong = web.postJson("sophie.martin", PASSWORD, PATH, report.replace(DemoData.OPCO, DemoData.REGION)
                .replace("421 100 645 00017", "123").replace("\"Léna\"", "\"\"").replace("2026-09-01", "2031-01-01"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Choisissez l'OPCO", "SIRET de l'employeur", "Prénom de l'apprenti(e)", "date de début du contrat");
        assertThat(sentAbout(apprentice)).isEmpty();

        HttpResponse<String> sent = web.postJson("sophie.martin", PASSWORD, PATH, report);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(sent.body()).contains("OPCO Santé", apprentice.toUpperCase());
        // the OPCO's advisers are told, the CFA keeps a copy; both read it in « Mes notifications », nobody else
        assertThat(web.getAs("julien.morel", PASSWORD, "/api/me/notifications").body())
                .contains("Contrat d'apprentissage non reçu — Léna " + apprentice.toUpperCase(), "42110064500017", "01/09/2026");
        assertThat(web.getAs("sophie.martin", PASSWORD, "/api/me/notifications").body()).contains("Signalement envoyé à OPCO Santé");
        assertThat(web.getAs("claire.fabre", PASSWORD, "/api/me/notifications").body()).doesNotContain(apprentice.toUpperCase());
        assertThat(sentAbout(apprentice)).hasSize(2);
    }

    private List<String> sentAbout(String apprentice) {
        return notifications.findAll().stream().map(n -> n.getSubject()).filter(s -> s.contains(apprentice.toUpperCase())).toList();
    }
}
