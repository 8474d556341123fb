package fr.formaflow.platform;

/** An e-mail the SMTP server refused or could not be reached for: the user is asked to try again in a few minutes. */
public class EmailNotSentException extends RuntimeException {

    public EmailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
