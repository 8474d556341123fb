package fr.formaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Issue 24: each user reads in the application what Formaflow wrote to their organisations or funders, and only that. */
@FormaflowTest
class NotificationListRestTest {

    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Notifications notifications;

    @Test
    void eachUserReadsTheMessagesOfTheirOwnGroupsOnly() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction marie = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Notifications de Marie");
        TrainingAction sophie = driver.create("sophie.martin", DossierDriver.REGION, "Notifications de Sophie");
        String stamp = String.valueOf(System.nanoTime());
        notifications.send(marie.getOrganisation().getGroupId(), marie.getId(), "Rappel " + stamp + " pour Marie", "Déclarez vos heures.");
        notifications.send(sophie.getOrganisation().getGroupId(), sophie.getId(), "Rappel " + stamp + " pour Sophie", "Déclarez vos heures.");
        notifications.send(marie.getFunder().getValidatorGroupId(), marie.getId(), "Rappel " + stamp + " pour la Région", "À valider.");
        WebClient web = new WebClient("http://localhost:" + port);

        HttpResponse<String> forMarie = web.getAs(DossierDriver.ORGANISATION_USER, PASSWORD, "/api/me/notifications");
        assertThat(forMarie.statusCode()).isEqualTo(200);
        assertThat(forMarie.body()).contains("Rappel " + stamp + " pour Marie", "\"dossierId\":" + marie.getId())
                .doesNotContain(stamp + " pour Sophie", stamp + " pour la Région");
        assertThat(web.getAs("sophie.martin", PASSWORD, "/api/me/notifications").body())
                .contains(stamp + " pour Sophie").doesNotContain(stamp + " pour Marie");
        assertThat(web.getAs(DossierDriver.FUNDER_USER, PASSWORD, "/api/me/notifications").body())
                .contains(stamp + " pour la Région").doesNotContain(stamp + " pour Marie", stamp + " pour Sophie");
        assertThat(web.get("/api/me/notifications").statusCode()).isEqualTo(401);
    }
}
