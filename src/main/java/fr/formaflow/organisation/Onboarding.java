package fr.formaflow.organisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.account.Accounts;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.notification.EmailSender;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FieldLimits;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.GroupAuthorizations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a person gets an account: a request by SIRET starts the onboarding process (processes/organisation-onboarding.bpmn);
 * the organisation's administrator, or for a new organisation the chosen funder's validator, decides; the account is
 * then created and its owner chooses a password through an e-mailed link.
 */
@Service
@Transactional
public class Onboarding {

    public static final String PROCESS = "organisationOnboarding";
    /** Values of the process variable knownRequester: who the address of a request belongs to. */
    static final String NEW_REQUESTER = "none";
    static final String HAS_ACCOUNT = "account";
    static final String HAS_REQUEST = "request";

    /** An access request: the person, and the organisation's record when it is not referenced yet. */
    public record AccessRequest(String siret, String funderCode, Accounts.NewUser user, OrganisationRecord organisation) {
    }

    public record SiretLookup(String siret, boolean known, String name) {
    }

    private final OrganisationRepository organisations;
    private final FunderRepository funders;
    private final Accounts accounts;
    private final GroupAuthorizations groups;
    private final Processes processes;
    private final EmailSender email;
    private final ObjectMapper json;

    public Onboarding(OrganisationRepository organisations, FunderRepository funders, Accounts accounts, GroupAuthorizations groups,
                      Processes processes, EmailSender email, ObjectMapper json) {
        this.organisations = organisations;
        this.funders = funders;
        this.accounts = accounts;
        this.groups = groups;
        this.processes = processes;
        this.email = email;
        this.json = json;
    }

    /** First step of the sign-up page: is the organisation already referenced? */
    public SiretLookup lookup(String rawSiret) {
        Siret siret = siret(rawSiret);
        Optional<Organisation> organisation = organisations.findBySiret(siret.value());
        return new SiretLookup(siret.value(), organisation.isPresent(), organisation.map(Organisation::getName).orElse(null));
    }

    /** Checks the whole request (every problem at once) and starts its process; returns the message for the requester. */
    public String request(AccessRequest request) {
        Siret siret = siret(request.siret());
        if (request.user() == null) {
            throw new BusinessRuleException("Indiquez vos nom, prénom et adresse électronique.");
        }
        FieldLimits limits = FieldLimits.check().max("Prénom", request.user().firstName(), FieldLimits.NAME)
                .max("Nom", request.user().lastName(), FieldLimits.NAME)
                // the address is the login, which the engine keeps in 64 characters
                .max("Adresse électronique", request.user().email(), 64);
        OrganisationRecord record = request.organisation();
        if (record != null) {
            limits.max("Nom de l'organisme", record.name(), FieldLimits.TITLE).max("Région de déclaration", record.ndaRegion(), FieldLimits.NAME)
                    .max("Zone d'intervention", record.area(), FieldLimits.TITLE).max("Adresse", record.street(), FieldLimits.TITLE)
                    .max("Code postal", record.postcode(), 10).max("Ville", record.city(), FieldLimits.TITLE).max("Téléphone", record.phone(), 30)
                    .max("Adresse électronique de l'organisme", record.email(), FieldLimits.TITLE)
                    .max("Personne à contacter", record.contactName(), FieldLimits.TITLE).max("NDA", record.nda(), 11);
        }
        limits.orRefuse("Votre demande ne peut pas être transmise :");
        List<String> problems = new ArrayList<>(accounts.problemsWith(request.user()));
        String login = Objects.requireNonNullElse(Accounts.login(request.user().email()), "");
        Map<String, Object> variables = new HashMap<>();
        // an address that has an account, or a request under way, gets the same answer after the same work (issue 27,
        // enumeration): both look-ups whatever the first finds, then a process started whose first step is asynchronous
        // on either path; for a known address that step e-mails its owner instead of asking anybody to review
        boolean hasAccount = !login.isEmpty() && accounts.hasAccount(login);
        boolean hasRequest = !login.isEmpty() && pending(Map.of("userEmail", login));
        variables.put("knownRequester", hasAccount ? HAS_ACCOUNT : hasRequest ? HAS_REQUEST : NEW_REQUESTER);
        variables.put("siret", siret.value());
        variables.put("userEmail", login);
        variables.put("userFirstName", trim(request.user().firstName()));
        variables.put("userLastName", trim(request.user().lastName()));
        // shown on the task's card in Tasklist (never read by the process)
        variables.put("actionTitle", "Demande d'accès — " + login);
        Optional<Organisation> known = organisations.findBySiret(siret.value());
        String answer = known.isPresent()
                ? newUserOf(known.get(), request, login, siret, variables)
                : newOrganisation(request, login, siret, variables, problems);
        BusinessRuleException.throwIfAny("Votre demande ne peut pas être transmise.", problems);
        processes.start(PROCESS, login, variables);
        return answer;
    }

    /** A known organisation: its administrator decides. */
    private String newUserOf(Organisation organisation, AccessRequest request, String login, Siret siret, Map<String, Object> variables) {
        variables.put("organisationKnown", true);
        variables.put("organisationName", organisation.getName());
        variables.put("organisationAdminGroup", organisation.getAdminGroupId());
        variables.put("request", describeUser(request.user(), login, organisation.getName(), siret));
        return "Votre demande a été transmise à l'administrateur de " + organisation.getName()
                + ". Vous recevrez un e-mail dès qu'il l'aura traitée.";
    }

    /** A new organisation: its record is checked, then the chosen funder's validator decides. */
    private String newOrganisation(AccessRequest request, String login, Siret siret, Map<String, Object> variables, List<String> problems) {
        OrganisationRecord record = withSiret(request.organisation(), siret);
        problems.addAll(record.problems());
        Optional<Funder> funder = Optional.ofNullable(request.funderCode()).flatMap(code -> funders.findByCode(code.trim().toUpperCase()));
        if (funder.isEmpty()) {
            problems.add("Choisissez le financeur auprès duquel votre organisme demande son référencement.");
        }
        if (pending(Map.of("siret", siret.value(), "organisationKnown", false))) {
            problems.add("Une demande de référencement est déjà en cours pour le SIRET " + siret.formatted()
                    + " : attendez sa décision pour demander un autre accès.");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        variables.put("organisationKnown", false);
        variables.put("organisationName", record.name().trim());
        variables.put("organisationRecord", write(record));
        variables.put("funderGroup", funder.get().getValidatorGroupId());
        variables.put("request", describeUser(request.user(), login, record.name(), siret) + "\n\n" + record.describe());
        return "Votre demande de référencement a été transmise à " + funder.get().getName()
                + ". Vous recevrez un e-mail dès qu'elle aura été examinée.";
    }

    /** "Créer l'organisme et le compte": the first user of a new organisation is its administrator. */
    public void openAccount(Map<String, Object> request) {
        String siret = (String) request.get("siret");
        boolean newOrganisation = !Boolean.TRUE.equals(request.get("organisationKnown"));
        Organisation organisation = newOrganisation
                ? organisations.save(read((String) request.get("organisationRecord")).toOrganisation())
                : organisations.findBySiret(siret).orElseThrow();
        groups.ensureOrganisationGroup(organisation.getGroupId(), organisation.getName());
        groups.ensureOrganisationAdminGroup(organisation.getAdminGroupId(), organisation.getName());
        List<String> memberships = newOrganisation
                ? List.of(organisation.getGroupId(), organisation.getAdminGroupId())
                : List.of(organisation.getGroupId());
        accounts.create(new Accounts.NewUser((String) request.get("userEmail"),
                (String) request.get("userFirstName"), (String) request.get("userLastName")), memberships);
    }

    public void sendActivation(Map<String, Object> request) {
        accounts.sendActivation((String) request.get("userEmail"), (String) request.get("organisationName"));
    }

    /** "Prévenir le titulaire de l'adresse": an account or a request already exists for it; nobody else is asked. */
    public void tellKnownRequester(Map<String, Object> request) {
        accounts.tellKnownRequester((String) request.get("userEmail"), (String) request.get("userFirstName"),
                (String) request.get("organisationName"), HAS_ACCOUNT.equals(request.get("knownRequester")));
    }

    public void sendRefusal(Map<String, Object> request) {
        email.send((String) request.get("userEmail"), "Votre demande d'accès à Formaflow n'a pas été acceptée",
                "Bonjour " + request.get("userFirstName") + ",\n\n"
                        + "Votre demande d'accès pour " + request.get("organisationName") + " n'a pas été acceptée, pour le motif suivant :\n\n"
                        + request.get("refusalReason") + "\n\n"
                        + "Vous pouvez déposer une nouvelle demande une fois ce point réglé.\n\nL'équipe Formaflow");
    }

    public void sendExpiry(Map<String, Object> request) {
        email.send((String) request.get("userEmail"), "Votre demande d'accès à Formaflow a expiré",
                "Bonjour " + request.get("userFirstName") + ",\n\n"
                        + "Votre demande d'accès pour " + request.get("organisationName")
                        + " n'a pas été examinée dans les 30 jours : elle est close. Vous pouvez en déposer une nouvelle.\n\nL'équipe Formaflow");
    }

    private boolean pending(Map<String, Object> variables) {
        return processes.anyRunningWith(PROCESS, variables);
    }

    private static Siret siret(String raw) {
        String problem = Siret.problemWith(raw);
        if (problem != null) {
            throw new BusinessRuleException(problem);
        }
        return Siret.of(raw);
    }

    private static OrganisationRecord withSiret(OrganisationRecord record, Siret siret) {
        if (record == null) {
            record = new OrganisationRecord(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        return new OrganisationRecord(siret.value(), record.name(), record.nda(), record.ndaRegion(), record.fpc(), record.cfa(),
                record.forProfit(), record.vatLiable(), record.area(), record.street(), record.postcode(), record.city(),
                record.phone(), record.email(), record.contactName());
    }

    private static String describeUser(Accounts.NewUser user, String login, String organisationName, Siret siret) {
        return "Demandeur : " + trim(user.firstName()) + " " + trim(user.lastName()) + " <" + login + ">\n"
                + "Organisme : " + organisationName.trim() + " (SIRET " + siret.formatted() + ")";
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private String write(OrganisationRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OrganisationRecord read(String value) {
        try {
            return json.readValue(value, OrganisationRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
