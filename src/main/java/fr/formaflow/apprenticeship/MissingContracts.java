package fr.formaflow.apprenticeship;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.notification.Notifications;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.InvalidRequestException;
import fr.formaflow.security.CurrentUser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Signaler un dossier manquant »: a CFA tells the OPCO about an apprenticeship contract the employer says it entered
 * but that has not reached the CFA's list. The OPCO's advisers get the report by notification and e-mail, the CFA a copy
 * of what was sent, both kept in their « Mes notifications ».
 */
@Service
@Transactional
public class MissingContracts {

    public record MissingContract(String funderCode, String employerSiret, String employerName, String apprenticeLastName,
                                  String apprenticeFirstName, LocalDate startDate, String message) {
    }

    public record Report(String sentTo, String subject) {
    }

    static final String REFUSED = "Le signalement n'est pas envoyé.";

    private final OrganisationRepository organisations;
    private final FunderRepository funders;
    private final Notifications notifications;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MissingContracts(OrganisationRepository organisations, FunderRepository funders, Notifications notifications,
                            CurrentUser currentUser, Clock clock) {
        this.organisations = organisations;
        this.funders = funders;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public Report report(MissingContract request) {
        Organisation cfa = organisations.findByGroupIdIn(currentUser.groups()).stream().filter(Organisation::isCfa).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Seul un CFA signale un contrat d'apprentissage manquant à son OPCO."));
        Funder opco = request.funderCode() == null ? null
                : funders.findByCode(request.funderCode()).filter(f -> f.getScheme() == FundingScheme.OPCO).orElse(null);
        List<String> problems = problems(request, opco, clock.today());
        InvalidRequestException.throwIfAny(REFUSED, problems);
        String apprentice = request.apprenticeFirstName().strip() + " " + request.apprenticeLastName().strip().toUpperCase();
        String employer = request.employerName() == null || request.employerName().isBlank() ? "" : request.employerName().strip() + " ";
        String subject = "Contrat d'apprentissage non reçu — " + apprentice + " (" + cfa.getName() + ")";
        String body = "Le CFA " + cfa.getName() + " (SIRET " + cfa.getSiret() + ") ne trouve pas dans Formaflow le contrat d'apprentissage de "
                + apprentice + ", chez l'employeur " + employer + "(SIRET " + request.employerSiret().replace(" ", "") + "), début le "
                + French.date(request.startDate()) + "."
                + (request.message() == null || request.message().isBlank() ? "" : "\nMessage du CFA : " + request.message().strip())
                + "\nSignalé par " + currentUser.id() + " le " + French.date(clock.today()) + ".";
        notifications.sendAndEmail(opco.getValidatorGroupId(), null, subject, body);
        notifications.send(cfa.getGroupId(), null, "Signalement envoyé à " + opco.getName() + " — " + subject, body);
        return new Report(opco.getName(), subject);
    }

    static List<String> problems(MissingContract request, Funder opco, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (opco == null) {
            problems.add("Choisissez l'OPCO auquel le contrat a été transmis.");
        }
        String siret = Siret.problemWith(request.employerSiret());
        if (siret != null) {
            problems.add("SIRET de l'employeur : " + siret);
        }
        text(problems, "Nom de l'apprenti(e)", request.apprenticeLastName(), true, 100);
        text(problems, "Prénom de l'apprenti(e)", request.apprenticeFirstName(), true, 100);
        text(problems, "Nom de l'employeur", request.employerName(), false, 255);
        text(problems, "Message", request.message(), false, 1000);
        if (request.startDate() == null) {
            problems.add("La date de début du contrat est obligatoire.");
        } else if (request.startDate().isBefore(today.minusYears(3)) || request.startDate().isAfter(today.plusYears(1))) {
            problems.add("La date de début du contrat doit être comprise entre il y a trois ans et dans un an.");
        }
        return problems;
    }

    private static void text(List<String> problems, String label, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add("Le champ « " + label + " » est obligatoire.");
            }
        } else if (value.strip().length() > max) {
            problems.add("« " + label + " » ne doit pas dépasser " + max + " caractères (" + value.strip().length() + " reçus).");
        }
    }
}
