package fr.formaflow.account;

import fr.formaflow.notification.EmailSender;
import fr.formaflow.notification.Notifications;
import fr.formaflow.security.LoginThrottle;
import fr.formaflow.security.Roles;
import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wrong passwords slow an account down but never lock it for good (issue 27: anyone could lock any account with ten
 * wrong passwords). Camunda's login delay stays (3 s, doubled at each failure, at most
 * {@code login-delay-max-time}); its permanent lock-out is switched off ({@code login-max-attempts} in
 * application.yaml is out of reach), so a lock always ends by itself. After {@link #ALERT_AFTER} failures in a row,
 * and every {@link #ALERT_AGAIN_EVERY} more, the account's owner is e-mailed and operators notified. Guessing is also
 * slowed per client address ({@link LoginThrottle}).
 */
@Configuration
public class FailedLoginAlerts extends AbstractProcessEnginePlugin {

    static final int ALERT_AFTER = 10;
    static final int ALERT_AGAIN_EVERY = 50;
    private static final Logger log = LoggerFactory.getLogger(FailedLoginAlerts.class);

    private final ObjectProvider<Notifications> notifications;
    private final ObjectProvider<EmailSender> email;

    public FailedLoginAlerts(ObjectProvider<Notifications> notifications, ObjectProvider<EmailSender> email) {
        this.notifications = notifications;
        this.email = email;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return WritableIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AlertingIdentityProvider(FailedLoginAlerts.this);
            }
        });
    }

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(@Value("${formaflow.login.max-failures-per-address:30}") int maxFailures,
                                                        @Value("${formaflow.login.address-window:PT10M}") Duration window) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(maxFailures, window));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Called by the engine each time a wrong password counts against an account (inside its command). */
    void failed(UserEntity user) {
        int attempts = user.getAttempts();
        if (attempts != ALERT_AFTER && (attempts < ALERT_AFTER || attempts % ALERT_AGAIN_EVERY != 0)) {
            return;
        }
        String address = LoginThrottle.currentAddress();
        String where = address == null ? "" : " (dernière tentative depuis l'adresse " + address + ")";
        log.warn("{} wrong passwords in a row for account {}{}", attempts, user.getId(), where);
        try {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                email.getObject().send(user.getEmail(), "Tentatives de connexion à votre compte Formaflow",
                        "Bonjour,\n\n" + attempts + " mots de passe erronés d'affilée ont été saisis pour votre compte « " + user.getId() + " »"
                                + where + ".\n\nVotre compte n'est pas bloqué : après chaque erreur, une nouvelle tentative doit attendre "
                                + "quelques secondes (une minute au plus). Si ce n'était pas vous, changez votre mot de passe "
                                + "(« Mot de passe oublié ») et prévenez l'exploitation de Formaflow.\n\nFormaflow");
            }
            notifications.getObject().sendAndEmail(Roles.OPERATORS, null, "Mots de passe erronés en série : compte " + user.getId(),
                    attempts + " mots de passe erronés d'affilée pour le compte « " + user.getId() + " »" + where
                            + ". Le compte n'est ralenti que temporairement ; son titulaire a été prévenu.");
        } catch (RuntimeException e) {
            // an alert that cannot be sent must not undo the count of the failure
            log.error("Alert about account {} not sent", user.getId(), e);
        }
    }

    /** Camunda's database identity provider, telling {@link FailedLoginAlerts} about each counted failure. */
    static final class AlertingIdentityProvider extends DbIdentityServiceProvider {

        private final FailedLoginAlerts alerts;

        AlertingIdentityProvider(FailedLoginAlerts alerts) {
            this.alerts = alerts;
        }

        @Override
        protected void lockUser(UserEntity user) {
            super.lockUser(user);
            alerts.failed(user);
        }
    }
}
