package fr.formaflow.security;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.WebClient;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.support.Mailbox;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Issue 27: ten wrong passwords used to lock any account for good (Camunda's login attempts). Guesses are still slowed
 * down, per account (Camunda's delay, up to a minute) and per client address (a French 429), but a lock always ends
 * by itself, and the account's owner and the operators are alerted. HTTP goes to loopback only.
 */
@FormaflowTest
class LoginLockoutTest {

    static final String USER = "cible.verrou";
    static final String MAIL = "cible.verrou@scenes-formations.fr";
    static final String PASSWORD = "Bon-mot-de-passe-2026";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    FilterRegistrationBean<LoginThrottle> loginThrottle;

    Mailbox mailbox = Mailbox.open();

    int testProfileLimit;

    @BeforeEach
    void productionLimit() {
        // the test profile lifts the limit (every test connects from loopback); here, the production figure
        testProfileLimit = loginThrottle.getFilter().maxFailures();
        forgetLoopback();
        loginThrottle.getFilter().maxFailures(30);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        forgetLoopback();
        loginThrottle.getFilter().maxFailures(testProfileLimit);
    }

    void forgetLoopback() {
        loginThrottle.getFilter().forget("127.0.0.1");
        loginThrottle.getFilter().forget("0:0:0:0:0:0:0:1");
    }

    @Test
    void wrongPasswordsSlowAnAccountDownForAWhileButNeverLockItAndAlertItsOwnerAndOperators() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setEmail(MAIL);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        LocalDateTime start = LocalDateTime.of(2026, 3, 2, 9, 0);
        for (int i = 1; i <= 12; i++) {
            // each guess waits out the previous one's delay: the stranger keeps counting failures
            clock(start.plusMinutes(2L * i));
            assertThat(identityService.checkPassword(USER, "mauvais-" + i)).isFalse();
        }
        // right after a failure, even the right password waits (the per-account slowing down)
        assertThat(identityService.checkPassword(USER, PASSWORD)).isFalse();
        // a minute later the lock has ended by itself: twelve failures locked nothing for good
        clock(start.plusMinutes(26).plusSeconds(61));
        assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();

        Mailbox.Mail owner = mailbox.last(MAIL);
        assertThat(owner.subject()).isEqualTo("Tentatives de connexion à votre compte Formaflow");
        assertThat(owner.body()).contains("10 mots de passe erronés", "n'est pas bloqué", "Mot de passe oublié");
        assertThat(mailbox.last("exploitation@formaflow.fr").subject()).isEqualTo("Mots de passe erronés en série : compte " + USER);
        assertThat(mailbox.to(MAIL)).as("one alert for ten failures, not one per failure").hasSize(1);
    }

    @Test
    void manyWrongPasswordsFromOneAddressAreRefusedWithAFrench429WhateverTheAccount() {
        WebClient http = new WebClient("http://localhost:" + port);
        for (int i = 0; i < 30; i++) {
            // accounts that do not exist: only the address's counter can stop these guesses
            assertThat(http.call("inconnu-" + i, "mauvais", "GET", "/api/me", null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = http.call("marie.durand", "formaflow", "GET", "/api/me", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Trop de tentatives de connexion depuis votre adresse");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.call("marie.durand", "formaflow", "GET", "/engine-rest/task", null).statusCode()).isEqualTo(429);
        // requests without a password are not counted nor refused
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);

        forgetLoopback();
        assertThat(http.call("marie.durand", "formaflow", "GET", "/api/me", null).statusCode()).isEqualTo(200);
    }
}
