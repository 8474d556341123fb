package fr.formaflow.account;

import fr.formaflow.demo.DemoData;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Accounts over HTTP: forgotten password, a user's own password and e-mail, an organisation's administrator. */
@FormaflowTest
class AccountsTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    Accounts accounts;
    @Autowired
    ResetRequests resets;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine processEngine;

    org.camunda.bpm.engine.ProcessEngine engine() {
        return processEngine;
    }

    Mailbox mailbox = Mailbox.open();

    WebClient http() {
        return new WebClient("http://localhost:" + port);
    }

    /** Asks for a reset over HTTP and waits for the background work (the answer comes before it: issue 27). */
    HttpResponse<String> reset(String body) {
        HttpResponse<String> answer = http().call(null, null, "POST", "/public/password-resets", body);
        resets.awaitQueued(java.time.Duration.ofSeconds(10));
        return answer;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** An account of its own per test, so that password changes do not disturb the demo users. */
    String user(String id, String password) {
        var user = identityService.newUser(id);
        user.setFirstName("Camille");
        user.setLastName("Test");
        user.setEmail(id);
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, "org_" + DemoData.SUBCONTRACTOR_SIRET);
        return id;
    }

    @Test
    void aForgottenPasswordIsResetOnceThroughTheEmailedLink() {
        String id = user("camille.reset@cevennes-gestion.fr", "Ancien-mot-2025");
        HttpResponse<String> asked = reset("{\"login\":\"CAMILLE.RESET@cevennes-gestion.fr \"}");
        assertThat(asked.statusCode()).isEqualTo(202);
        Mailbox.Mail mail = mailbox.last(id);
        assertThat(mail.subject()).isEqualTo("Réinitialisation de votre mot de passe Formaflow");
        assertThat(mail.body()).contains("identifiant " + id, "une seule fois", "ignorez ce message");

        HttpResponse<String> weak = http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + mail.token() + "\",\"password\":\"court\"}");
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("au moins 12 caractères");

        HttpResponse<String> set = http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + mail.token() + "\",\"password\":\"Nouveau-mot-2026\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(identityService.checkPassword(id, "Nouveau-mot-2026")).isTrue();
        assertThat(identityService.checkPassword(id, "Ancien-mot-2025")).isFalse();

        HttpResponse<String> again = http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + mail.token() + "\",\"password\":\"Troisieme-mot-2026\"}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Ce lien n'est plus valable");
    }

    @Test
    void aNewerResetLinkEndsTheOlderOnesAndUsingOneEndsTheOthers() {
        String id = user("camille.liens@cevennes-gestion.fr", "Ancien-mot-2025");
        reset("{\"login\":\"" + id + "\"}");
        String older = mailbox.last(id).token();
        reset("{\"login\":\"" + id + "\"}");
        String newer = mailbox.last(id).token();
        assertThat(newer).isNotEqualTo(older);

        HttpResponse<String> set = http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + newer + "\",\"password\":\"Nouveau-mot-2026\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        HttpResponse<String> old = http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + older + "\",\"password\":\"Pirate-mot-2026x\"}");
        assertThat(old.statusCode()).isEqualTo(422);
        assertThat(old.body()).contains("Ce lien n'est plus valable");
        assertThat(identityService.checkPassword(id, "Nouveau-mot-2026")).isTrue();
        assertThat(identityService.checkPassword(id, "Pirate-mot-2026x")).isFalse();
    }

    @Test
    void aResetLinkExpiresAfterAnHourAndUnknownAddressesGetTheSameAnswer() {
        String id = user("camille.expire@cevennes-gestion.fr", "Ancien-mot-2025");
        HttpResponse<String> known = reset("{\"login\":\"" + id + "\"}");
        HttpResponse<String> unknown = reset("{\"login\":\"personne@nulle-part.fr\"}");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(mailbox.to("personne@nulle-part.fr")).isEmpty();

        String token = mailbox.last(id).token();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(3601)));
        assertThat(http().call(null, null, "POST", "/public/passwords", "{\"token\":\"" + token + "\",\"password\":\"Nouveau-mot-2026\"}").statusCode())
                .isEqualTo(422);
        assertThat(identityService.checkPassword(id, "Ancien-mot-2025")).isTrue();
    }

    /**
     * Issue 27, enumeration: an access request with the address of an account answered 422 « Un compte existe déjà… »,
     * a reset for a known address took longer. Same status and body now; the times are measured and logged, not
     * asserted (both paths do the same work on the request thread: see Onboarding.request, ResetRequests).
     */
    @Test
    void accessRequestsAndResetsAnswerTheSameWhetherTheAddressHasAnAccount() {
        String request = "{\"siret\":\"" + DemoData.TITULAR_SIRET + "\",\"user\":{\"email\":\"%s\",\"firstName\":\"Marie\",\"lastName\":\"Durand\"}}";
        HttpResponse<String> existing = http().call(null, null, "POST", "/public/access-requests", request.formatted("marie.durand@scenes-formations.fr"));
        HttpResponse<String> fresh = http().call(null, null, "POST", "/public/access-requests", request.formatted("marie.nouvelle@scenes-formations.fr"));
        assertThat(existing.statusCode()).as(existing.body()).isEqualTo(202);
        assertThat(fresh.statusCode()).isEqualTo(202);
        assertThat(existing.body()).isEqualTo(fresh.body()).doesNotContain("existe");

        String id = user("camille.mesure@cevennes-gestion.fr", "Ancien-mot-2025");
        int warmUp = 10;
        int rounds = 50;
        long[][] times = new long[4][rounds];
        List<Runnable> calls = List.of(
                () -> http().call(null, null, "POST", "/public/access-requests", request.formatted("marie.durand@scenes-formations.fr")),
                () -> http().call(null, null, "POST", "/public/access-requests", request.formatted("mesure" + System.nanoTime() + "@scenes-formations.fr")),
                () -> http().call(null, null, "POST", "/public/password-resets", "{\"login\":\"" + id + "\"}"),
                () -> http().call(null, null, "POST", "/public/password-resets", "{\"login\":\"personne" + System.nanoTime() + "@nulle-part.fr\"}"));
        for (int i = 0; i < warmUp + rounds; i++) {
            // each kind in turn, the first one changing every round; the background work of a reset is done between calls
            for (int k = 0; k < calls.size(); k++) {
                int kind = (i + k) % calls.size();
                long time = nanos(calls.get(kind));
                resets.awaitQueued(java.time.Duration.ofSeconds(30));
                if (i >= warmUp) {
                    times[kind][i - warmUp] = time;
                }
            }
        }
        System.out.printf("Issue 27 timing, median / 90th percentile of %d answers (ms): access request, existing account %s, new address %s;"
                        + " password reset, existing account %s, unknown address %s%n",
                rounds, quantiles(times[0]), quantiles(times[1]), quantiles(times[2]), quantiles(times[3]));
        var runtime = engine().getRuntimeService();
        runtime.createProcessInstanceQuery().processDefinitionKey("organisationOnboarding").variableValueEquals("siret", DemoData.TITULAR_SIRET).list()
                .stream().filter(i -> i.getBusinessKey().startsWith("mesure") || i.getBusinessKey().startsWith("marie."))
                .forEach(i -> runtime.deleteProcessInstance(i.getId(), "test clean-up"));
    }

    private static long nanos(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static String quantiles(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f", sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6);
    }

    @Test
    void resetRequestsAreLimitedToThreeAnHour() {
        String id = user("camille.limite@cevennes-gestion.fr", "Ancien-mot-2025");
        for (int i = 0; i < 5; i++) {
            assertThat(reset("{\"login\":\"" + id + "\"}").statusCode()).isEqualTo(202);
        }
        assertThat(mailbox.to(id)).hasSize(Accounts.MAX_RESETS_PER_HOUR);
    }

    @Test
    void aUserChangesTheirPasswordAndEmailWithTheCurrentPassword() {
        String id = user("camille.profil@cevennes-gestion.fr", "Ancien-mot-2025");
        HttpResponse<String> wrong = http().call(id, "Ancien-mot-2025", "PUT", "/api/me/password",
                "{\"currentPassword\":\"pas-le-bon\",\"newPassword\":\"Nouveau-mot-2026\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Le mot de passe actuel est incorrect.");
        HttpResponse<String> weak = http().call(id, "Ancien-mot-2025", "PUT", "/api/me/password",
                "{\"currentPassword\":\"Ancien-mot-2025\",\"newPassword\":\"aaaaaaaaaaaaaaaa\"}");
        assertThat(weak.body()).contains("au moins une lettre et un chiffre", "trop répétitif");
        assertThat(http().call(id, "Ancien-mot-2025", "PUT", "/api/me/password",
                "{\"currentPassword\":\"Ancien-mot-2025\",\"newPassword\":\"Nouveau-mot-2026\"}").statusCode()).isEqualTo(200);
        assertThat(identityService.checkPassword(id, "Nouveau-mot-2026")).isTrue();

        HttpResponse<String> email = http().call(id, "Nouveau-mot-2026", "PUT", "/api/me/email",
                "{\"currentPassword\":\"Nouveau-mot-2026\",\"email\":\"c.profil@cevennes-gestion.fr\"}");
        assertThat(email.statusCode()).isEqualTo(200);
        assertThat(identityService.createUserQuery().userId(id).singleResult().getEmail()).isEqualTo("c.profil@cevennes-gestion.fr");
        assertThat(http().call(id, "Nouveau-mot-2026", "PUT", "/api/me/email",
                "{\"currentPassword\":\"Nouveau-mot-2026\",\"email\":\"pas-une-adresse\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void anAdministratorAddsAndRemovesTheOrganisationsUsersAndEditsItsContactRecord() {
        String admin = user("camille.admin@cevennes-gestion.fr", "Admin-mot-2025");
        identityService.createMembership(admin, "org_" + DemoData.SUBCONTRACTOR_SIRET + "_admins");
        String member = user("camille.membre@cevennes-gestion.fr", "Membre-mot-2025");

        HttpResponse<String> added = http().call(admin, "Admin-mot-2025", "POST", "/api/organisation/users",
                "{\"email\":\"Nora.Vidal@cevennes-gestion.fr\",\"firstName\":\"Nora\",\"lastName\":\"Vidal\",\"admin\":false}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("nora.vidal@cevennes-gestion.fr");
        assertThat(mailbox.last("nora.vidal@cevennes-gestion.fr").body()).contains("Cévennes Gestion", "jeton=");
        HttpResponse<String> duplicate = http().call(admin, "Admin-mot-2025", "POST", "/api/organisation/users",
                "{\"email\":\"nora.vidal@cevennes-gestion.fr\",\"firstName\":\"Nora\",\"lastName\":\"Vidal\"}");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Un compte existe déjà");

        // a user who is not an administrator may look, not change
        assertThat(http().call(member, "Membre-mot-2025", "GET", "/api/organisation", null).body()).contains("\"admin\":false");
        assertThat(http().call(member, "Membre-mot-2025", "DELETE", "/api/organisation/users/nora.vidal@cevennes-gestion.fr", null).statusCode())
                .isEqualTo(403);
        assertThat(http().call(member, "Membre-mot-2025", "PUT", "/api/organisation/contact", "{}").statusCode()).isEqualTo(403);

        HttpResponse<String> incomplete = http().call(admin, "Admin-mot-2025", "PUT", "/api/organisation/contact",
                "{\"street\":\"14 quai de Bilina\",\"postcode\":\"30100\",\"city\":\"\",\"phone\":\"04 66 52 33 11\",\"email\":\"accueil@cevennes-gestion.fr\",\"contactName\":\"\"}");
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("Onglet « Contacts », champs obligatoires non renseignés : ville, personne à contacter.");
        HttpResponse<String> updated = http().call(admin, "Admin-mot-2025", "PUT", "/api/organisation/contact",
                "{\"street\":\"14 quai de Bilina\",\"postcode\":\"30100\",\"city\":\"Alès\",\"phone\":\"04 66 52 33 11\",\"email\":\"accueil@cevennes-gestion.fr\",\"contactName\":\"Paul Roux\"}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("accueil@cevennes-gestion.fr", "04 66 52 33 11");

        assertThat(http().call(admin, "Admin-mot-2025", "DELETE", "/api/organisation/users/" + admin, null).statusCode()).isEqualTo(422);
        assertThat(http().call(admin, "Admin-mot-2025", "DELETE", "/api/organisation/users/nora.vidal@cevennes-gestion.fr", null).statusCode())
                .isEqualTo(200);
        assertThat(accounts.exists("nora.vidal@cevennes-gestion.fr")).isFalse();
    }

    @Test
    void theSignUpPageAsksBySiretAndNamesEveryMissingFieldWithoutAnAccount() {
        assertThat(http().call(null, null, "GET", "/public/organisations/42110064500017", null).body())
                .contains("\"known\":true", "Scènes et Formations");
        HttpResponse<String> invalid = http().call(null, null, "GET", "/public/organisations/42110064500018", null);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("clé de contrôle incorrecte");
        assertThat(http().call(null, null, "GET", "/public/funders", null).body()).contains("OCCITANIE", "OPCOSANTE");

        HttpResponse<String> incomplete = http().call(null, null, "POST", "/public/access-requests",
                "{\"siret\":\"81200345770000\",\"funderCode\":\"OCCITANIE\",\"user\":{\"email\":\"jo@forma.fr\",\"firstName\":\"Jo\",\"lastName\":\"Lin\"},"
                        + "\"organisation\":{\"name\":\"Forma\"}}");
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("Votre demande ne peut pas être transmise.",
                "Onglet « Informations légales », champs obligatoires non renseignés",
                "Onglet « Activité »", "Onglet « Contacts »");
        HttpResponse<String> garbage = http().call(null, null, "POST", "/public/access-requests", "{\"siret\": [");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("La requête est illisible");
    }
}
