package fr.formaflow.account;

import fr.formaflow.notification.EmailSender;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FieldLimits;
import fr.formaflow.platform.SingleUseTokens;
import fr.formaflow.security.UserDirectory.Person;
import fr.formaflow.security.UserDirectory;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Camunda user accounts: creation, single-use e-mailed links to set a password (activation and "mot de passe
 * oublié"), and a user's own password and e-mail. Passwords are kept only by Camunda, salted and hashed.
 */
@Service
@Transactional
public class Accounts {

    static final Duration ACTIVATION_VALIDITY = Duration.ofDays(7);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final int MAX_RESETS_PER_HOUR = 3;
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

    public record NewUser(String email, String firstName, String lastName) {
    }

    private final UserDirectory directory;
    private final AccountTokenRepository tokens;
    private final EmailSender email;
    private final Clock clock;
    private final String publicUrl;

    public Accounts(UserDirectory directory, AccountTokenRepository tokens, EmailSender email,
                    Clock clock, @Value("${formaflow.public-url}") String publicUrl) {
        this.directory = directory;
        this.tokens = tokens;
        this.email = email;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * The French reasons these details cannot make an account (the e-mail address is the login), whether or not an
     * account exists for the address: the anonymous access request must not tell (issue 27, enumeration).
     */
    public List<String> problemsWith(NewUser user) {
        List<String> problems = new java.util.ArrayList<>();
        if (blank(user.firstName())) {
            problems.add("Le prénom est obligatoire.");
        }
        if (blank(user.lastName())) {
            problems.add("Le nom est obligatoire.");
        }
        String address = login(user.email());
        if (address == null) {
            problems.add("L'adresse électronique est obligatoire et doit être de la forme nom@domaine.fr.");
        }
        return problems;
    }

    /** Creates the user, without a usable password, in the given groups; returns its id (its e-mail address). */
    public String create(NewUser user, List<String> groupIds) {
        List<String> problems = problemsWith(user);
        String address = login(user.email());
        if (address != null && exists(address)) {
            problems.add("Un compte existe déjà pour l'adresse " + address + " : utilisez « Mot de passe oublié ».");
        }
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("Le compte ne peut pas être créé.", problems);
        }
        String id = login(user.email());
        directory.create(new Person(id, user.firstName().trim(), user.lastName().trim(), id), SingleUseTokens.newToken(), groupIds);
        return id;
    }

    public boolean exists(String userId) {
        return directory.exists(userId);
    }

    /** Whether an account has this address as its login or as its e-mail address (both looked up, whatever the first says). */
    public boolean hasAccount(String address) {
        return directory.addressTaken(address);
    }

    /** E-mails the new user a link to choose their password. */
    public void sendActivation(String userId, String organisationName) {
        Person user = directory.find(userId).orElseThrow();
        String link = issue(userId, AccountToken.Purpose.ACTIVATION, ACTIVATION_VALIDITY);
        email.send(user.email(), "Votre compte Formaflow est ouvert",
                "Bonjour " + user.firstName() + ",\n\n"
                        + "Votre accès à Formaflow pour " + organisationName + " est ouvert. Votre identifiant est : " + userId + "\n\n"
                        + "Choisissez votre mot de passe en suivant ce lien (valable 7 jours, une seule fois) :\n" + link + "\n\n"
                        + "Vous pourrez ensuite vous connecter à " + publicUrl + "/camunda/app/tasklist/\n\n"
                        + "L'équipe Formaflow");
    }

    /**
     * "Mot de passe oublié": e-mails a reset link if the login or address belongs to an account. The answer does not
     * say whether it does, so that nobody can find out who has an account.
     */
    public void requestReset(String loginOrEmail) {
        String key = resetKey(loginOrEmail);
        Optional<Person> user = directory.findByIdOrEmail(key);
        if (user.isEmpty() || tokens.countByUserIdAndCreatedAtAfter(user.get().id(), clock.now().minusHours(1)) >= MAX_RESETS_PER_HOUR) {
            return;
        }
        String link = issue(user.get().id(), AccountToken.Purpose.RESET, RESET_VALIDITY);
        email.send(user.get().email(), "Réinitialisation de votre mot de passe Formaflow",
                "Bonjour " + user.get().firstName() + ",\n\n"
                        + "Une nouvelle définition de votre mot de passe a été demandée pour l'identifiant " + user.get().id() + ".\n"
                        + "Suivez ce lien pour choisir un nouveau mot de passe (valable jusqu'au "
                        + EXPIRY.format(clock.now().plus(RESET_VALIDITY)) + ", une seule fois) :\n" + link + "\n\n"
                        + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.\n\n"
                        + "L'équipe Formaflow");
    }

    /** The login or address a reset is asked for, checked for its shape only (it says nothing of any account). */
    static String resetKey(String loginOrEmail) {
        String key = loginOrEmail == null ? "" : loginOrEmail.trim().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            throw new BusinessRuleException("Saisissez votre identifiant ou votre adresse électronique.");
        }
        FieldLimits.check().max("Identifiant ou adresse électronique", key, FieldLimits.TITLE).orRefuse("La demande ne peut pas être traitée :");
        return key;
    }

    /**
     * Somebody asked for access with the address of an existing account, or of a request under way: its owner is told
     * by e-mail instead of the requester being told on screen (issue 27, enumeration).
     */
    public void tellKnownRequester(String address, String firstName, String organisationName, boolean accountExists) {
        email.send(address, "Demande d'accès à Formaflow avec votre adresse",
                "Bonjour " + firstName + ",\n\n"
                        + "Une demande d'accès à Formaflow pour " + organisationName + " vient d'être déposée avec votre adresse " + address + ".\n\n"
                        + (accountExists
                        ? "Vous avez déjà un compte Formaflow avec cette adresse : aucune nouvelle demande n'est nécessaire. "
                        + "Si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié » sur " + publicUrl + "/compte.html\n\n"
                        : "Une demande d'accès est déjà en cours pour cette adresse : vous recevrez un e-mail dès qu'elle aura été traitée.\n\n")
                        + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé.\n\n"
                        + "L'équipe Formaflow");
    }

    /** Sets the password with the token of an e-mailed link; the link is then used up. Returns the user's id. */
    public String setPassword(String token, String password) {
        AccountToken found = token == null ? null : tokens.findByTokenHash(hash(token)).orElse(null);
        if (found == null || !found.usableAt(clock.now())) {
            throw new BusinessRuleException("Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau avec « Mot de passe oublié ».");
        }
        String userId = found.getUserId();
        storePassword(userId, password);
        found.use(clock.now());
        endLinksOf(userId);
        directory.unlock(userId);
        return userId;
    }

    public void changePassword(String userId, String currentPassword, String newPassword) {
        requireCurrentPassword(userId, currentPassword);
        storePassword(userId, newPassword);
    }

    public void changeEmail(String userId, String currentPassword, String newEmail) {
        requireCurrentPassword(userId, currentPassword);
        String address = login(newEmail);
        if (address == null) {
            throw new BusinessRuleException("L'adresse électronique doit être de la forme nom@domaine.fr.");
        }
        directory.changeEmail(userId, address);
    }

    private void requireCurrentPassword(String userId, String currentPassword) {
        if (currentPassword == null || !directory.checkPassword(userId, currentPassword)) {
            throw new BusinessRuleException("Le mot de passe actuel est incorrect.");
        }
    }

    private void storePassword(String userId, String password) {
        List<String> problems = PasswordRules.problemsWith(password, userId);
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("Ce mot de passe n'est pas accepté.", problems);
        }
        directory.changePassword(userId, password);
    }

    /** Issuing or using a link ends the user's other links (issue 27: an older reset link still worked after a newer one was used). */
    private void endLinksOf(String userId) {
        tokens.findByUserIdAndUsedAtIsNull(userId).forEach(other -> other.use(clock.now()));
    }

    private String issue(String userId, AccountToken.Purpose purpose, Duration validity) {
        String token = SingleUseTokens.newToken();
        endLinksOf(userId);
        tokens.save(new AccountToken(userId, hash(token), purpose, clock.now(), clock.now().plus(validity)));
        return publicUrl + "/compte.html?jeton=" + token;
    }

    /** The login an e-mail address gives (trimmed, lower case), or null if it is no address. */
    public static String login(String raw) {
        if (raw == null) {
            return null;
        }
        String address = raw.trim().toLowerCase(Locale.ROOT);
        return address.length() <= 64 && address.matches("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}") ? address : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String hash(String token) {
        return SingleUseTokens.hash(token);
    }
}
