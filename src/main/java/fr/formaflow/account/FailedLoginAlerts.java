package fr.formaflow.account;

import fr.formaflow.notification.EmailSender;
import fr.formaflow.notification.Notifications;
import fr.formaflow.security.FailedLogins.FailedLogin;
import fr.formaflow.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After {@link #ALERT_AFTER} wrong passwords in a row (security.FailedLogins), and every {@link #ALERT_AGAIN_EVERY} more,
 * the account's owner is e-mailed and operators notified. The account itself is only slowed down, never locked for good.
 */
@Component
public class FailedLoginAlerts {

    static final int ALERT_AFTER = 10;
    static final int ALERT_AGAIN_EVERY = 50;
    private static final Logger log = LoggerFactory.getLogger(FailedLoginAlerts.class);

    private final Notifications notifications;
    private final EmailSender email;

    public FailedLoginAlerts(Notifications notifications, EmailSender email) {
        this.notifications = notifications;
        this.email = email;
    }

    @EventListener
    void failed(FailedLogin failure) {
        int attempts = failure.attemptsInARow();
        if (attempts != ALERT_AFTER && (attempts < ALERT_AFTER || attempts % ALERT_AGAIN_EVERY != 0)) {
            return;
        }
        String where = failure.clientAddress() == null ? "" : " (dernière tentative depuis l'adresse " + failure.clientAddress() + ")";
        log.warn("{} wrong passwords in a row for account {}{}", attempts, failure.userId(), where);
        try {
            if (failure.email() != null && !failure.email().isBlank()) {
                email.send(failure.email(), "Tentatives de connexion à votre compte Formaflow",
                        "Bonjour,\n\n" + attempts + " mots de passe erronés d'affilée ont été saisis pour votre compte « " + failure.userId() + " »"
                                + where + ".\n\nVotre compte n'est pas bloqué : après chaque erreur, une nouvelle tentative doit attendre "
                                + "quelques secondes (une minute au plus). Si ce n'était pas vous, changez votre mot de passe "
                                + "(« Mot de passe oublié ») et prévenez l'exploitation de Formaflow.\n\nFormaflow");
            }
            notifications.sendAndEmail(Roles.OPERATORS, null, "Mots de passe erronés en série : compte " + failure.userId(),
                    attempts + " mots de passe erronés d'affilée pour le compte « " + failure.userId() + " »" + where
                            + ". Le compte n'est ralenti que temporairement ; son titulaire a été prévenu.");
        } catch (RuntimeException e) {
            // an alert that cannot be sent must not undo the count of the failure
            log.error("Alert about account {} not sent", failure.userId(), e);
        }
    }
}
