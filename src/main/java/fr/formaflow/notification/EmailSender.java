package fr.formaflow.notification;

import fr.formaflow.platform.EmailNotSentException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text e-mails in French through Spring Mail. Without an SMTP server configured (spring.mail.host, as
 * on a developer's machine running the demo) the e-mail is written to the log instead, links included.
 */
@Service
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;

    public EmailSender(ObjectProvider<JavaMailSender> mailSender, @Value("${formaflow.mail.from}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /** A file joined to an e-mail (an invoice's PDF). */
    public record Attachment(String filename, String contentType, byte[] content) { }

    /** Throws {@link EmailNotSentException} if the SMTP server refuses or cannot be reached. */
    public void send(String to, String subject, String body) {
        send(to, subject, body, null);
    }

    /** The same with one file attached (null: none). */
    public void send(String to, String subject, String body, Attachment attachment) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("E-mail (aucun serveur SMTP configuré) à {} : {}{}\n{}", to, subject,
                    attachment == null ? "" : " [pièce jointe " + attachment.filename() + "]", body);
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            if (attachment != null) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            sender.send(message);
            log.info("E-mail sent to {}: {}", to, subject);
        } catch (MessagingException | MailException e) {
            throw new EmailNotSentException("L'e-mail à " + to + " n'a pas pu être envoyé ; réessayez dans quelques minutes.", e);
        }
    }
}
