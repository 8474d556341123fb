package fr.formaflow.dossier;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.FieldLimits;
import fr.formaflow.platform.NumberSequences;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.CurrentUser;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A new dossier: its contract number from the funder's series, and its process started by Formaflow. */
@Service
@Transactional
public class NewDossiers {

    /**
     * What the organisation gives to create a dossier; scope (regional or national) only at a funder organised in
     * territories (Formiris), where it decides which validators handle the dossier.
     */
    public record NewDossier(String funderCode, String organisationSiret, String title, Integer programmingYear, GeographicScope scope) {

        public NewDossier(String funderCode, String organisationSiret, String title, Integer programmingYear) {
            this(funderCode, organisationSiret, title, programmingYear, null);
        }
    }

    private final TrainingActionRepository actions;
    private final FunderRepository funders;
    private final OrganisationRepository organisations;
    private final NumberSequences sequences;
    private final Processes processes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NewDossiers(TrainingActionRepository actions, FunderRepository funders, OrganisationRepository organisations,
                       NumberSequences sequences, Processes processes, CurrentUser currentUser, Clock clock) {
        this.actions = actions;
        this.funders = funders;
        this.organisations = organisations;
        this.sequences = sequences;
        this.processes = processes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** An organisation creates a dossier for a funder; its process starts with the contract number as business key. */
    public TrainingAction create(NewDossier request) {
        int thisYear = clock.now().getYear();
        FieldLimits.check().max("Intitulé", request.title(), FieldLimits.TITLE)
                .range("Année de programmation", request.programmingYear(), thisYear - FieldLimits.PROGRAMMING_YEARS_BEFORE,
                        thisYear + FieldLimits.PROGRAMMING_YEARS_AFTER)
                .orRefuse("Le dossier ne peut pas être créé :");
        List<String> problems = new ArrayList<>();
        if (request.funderCode() == null || request.funderCode().isBlank()) {
            problems.add("Le financeur est obligatoire.");
        }
        if (request.title() == null || request.title().isBlank()) {
            problems.add("L'intitulé de l'action est obligatoire.");
        }
        BusinessRuleException.throwIfAny("Le dossier ne peut pas être créé :", problems);
        Funder funder = funders.findByCode(request.funderCode().trim().toUpperCase())
                .orElseThrow(() -> new BusinessRuleException("Le financeur « " + request.funderCode() + " » n'existe pas."));
        if (funder.hasScopes() && request.scope() == null) {
            throw new BusinessRuleException("Le dossier ne peut pas être créé : indiquez le périmètre géographique de la formation. "
                    + "Régional, il est suivi par l'association territoriale " + funder.getName() + " dont dépend votre organisme ; "
                    + "national, par le siège de " + funder.getName() + ".");
        }
        if (!funder.hasScopes() && request.scope() != null) {
            throw new BusinessRuleException("Le dossier ne peut pas être créé : " + funder.getName()
                    + " ne distingue pas les formations régionales et nationales, n'indiquez pas de périmètre géographique.");
        }
        Organisation organisation = organisationOfCurrentUser(request.organisationSiret());
        LocalDateTime now = clock.now();
        int year = request.programmingYear() == null ? now.getYear() : request.programmingYear();
        long sequence = sequences.next("contract:" + funder.getCode() + ":" + year);
        String contractNumber = String.format("%d%s%04d", year, funder.getContractPrefix(), sequence);
        TrainingAction action = actions.save(new TrainingAction(contractNumber, funder, request.scope(), organisation, request.title(), year, now));
        // started by Formaflow once its rules allowed it: organisations may not start processes through the engine's API
        String instance = processes.start(DossierService.PROCESS_KEY, contractNumber, Map.of(
                "contractNumber", contractNumber,
                "actionTitle", action.getTitle(),
                "organisationName", organisation.getName(),
                "organisationGroup", organisation.getGroupId(),
                "scheme", funder.getScheme().name()));
        action.attachProcess(instance);
        return action;
    }

    private Organisation organisationOfCurrentUser(String siret) {
        List<Organisation> mine = organisations.findByGroupIdIn(currentUser.groups());
        if (siret != null && !siret.isBlank()) {
            Organisation organisation = organisations.findBySiret(siret.replaceAll("\\s", ""))
                    .orElseThrow(() -> new BusinessRuleException("Aucun organisme n'a le SIRET " + siret + "."));
            if (!currentUser.isOperator() && mine.stream().noneMatch(o -> o.getId().equals(organisation.getId()))) {
                throw new AccessDeniedException("Vous ne pouvez pas créer de dossier pour " + organisation.getName() + ".");
            }
            return organisation;
        }
        if (mine.size() != 1) {
            throw new BusinessRuleException(mine.isEmpty()
                    ? "Seul un organisme de formation peut créer un dossier."
                    : "Vous agissez pour plusieurs organismes : précisez le SIRET de l'organisme du dossier.");
        }
        return mine.get(0);
    }
}
