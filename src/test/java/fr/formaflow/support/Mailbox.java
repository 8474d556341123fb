package fr.formaflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server inside the test JVM (GreenMail, port 3025 unless -Dformaflow.test.smtp-port says otherwise, as in application-test.yaml): Formaflow sends its
 * e-mails there and tests read them.
 */
public final class Mailbox {

    private static GreenMail server;

    private Mailbox() {
    }

    public static synchronized Mailbox open() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(Integer.getInteger("formaflow.test.smtp-port", 3025), "localhost", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return new Mailbox();
    }

    public record Mail(String to, String subject, String body) {

        /** The first link to Formaflow's account page in the body: the token it carries. */
        public String token() {
            Matcher matcher = Pattern.compile("jeton=([A-Za-z0-9_-]+)").matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("No account link in: " + body);
            }
            return matcher.group(1);
        }
    }

    public List<Mail> to(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(address))
                .map(m -> new Mail(recipient(m), subject(m), text(m)))
                .toList();
    }

    public Mail last(String address) {
        List<Mail> mails = to(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No e-mail to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
