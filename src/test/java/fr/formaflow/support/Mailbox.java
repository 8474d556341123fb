package fr.formaflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server inside the test JVM (GreenMail, on the port -Dformaflow.test.smtp-port gives, which the pom sets
 * for each test JVM; 3025 without it, as in application-test.yaml): Formaflow sends its e-mails there and tests read them.
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

    /** attachments: the files joined to the e-mail (an invoice's PDF), by file name. */
    public record Mail(String to, String subject, String body, java.util.Map<String, byte[]> attachments) {

        public Mail(String to, String subject, String body) {
            this(to, subject, body, java.util.Map.of());
        }

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
                .map(m -> new Mail(recipient(m), subject(m), text(m), attachments(m)))
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
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                return textOf(multipart).replace("\r\n", "\n");
            }
            return content.toString().replace("\r\n", "\n");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first text part of a message with attachments. */
    private static String textOf(jakarta.mail.Multipart multipart) throws jakarta.mail.MessagingException, java.io.IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String text = textOf(nested);
                if (!text.isEmpty()) {
                    return text;
                }
            } else if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return part.getContent().toString();
            }
        }
        return "";
    }

    private static java.util.Map<String, byte[]> attachments(MimeMessage message) {
        try {
            java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            if (message.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                    if (part.getFileName() != null) {
                        files.put(part.getFileName(), part.getInputStream().readAllBytes());
                    }
                }
            }
            return files;
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
