package fr.formaflow.dossier;

import fr.formaflow.platform.Processes;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.FieldLimits;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.InvalidRequestException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.Trainers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dossier's life outside attendance and invoicing: creation, submission, contract, opening, closure, changes. */
@Service
@Transactional
public class DossierService {

    public static final String PROCESS_KEY = "trainingDossier";

    public record NewDossier(String funderCode, String organisationSiret, String title, Integer programmingYear) {
    }

    private final TrainingActionRepository actions;
    private final FunderRepository funders;
    private final OrganisationRepository organisations;
    private final Trainers trainers;
    private final NumberSequences sequences;
    private final Processes processes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public DossierService(TrainingActionRepository actions, FunderRepository funders, OrganisationRepository organisations,
                          Trainers trainers, NumberSequences sequences, Processes processes, CurrentUser currentUser,
                          Clock clock) {
        this.currentUser = currentUser;
        this.actions = actions;
        this.funders = funders;
        this.organisations = organisations;
        this.trainers = trainers;
        this.sequences = sequences;
        this.processes = processes;
        this.clock = clock;
    }

    public TrainingAction get(long id) {
        return actions.findById(id).orElseThrow(() -> new NotFoundException("Le dossier n° " + id + " n'existe pas."));
    }

    /** The dossier of a process instance, by its business key (the contract number): never by a process variable. */
    public TrainingAction ofProcess(String businessKey) {
        return actions.findByContractNumber(businessKey)
                .orElseThrow(() -> new NotFoundException("Aucun dossier n'a le numéro « " + businessKey + " »."));
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
        Organisation organisation = organisationOfCurrentUser(request.organisationSiret());
        LocalDateTime now = clock.now();
        int year = request.programmingYear() == null ? now.getYear() : request.programmingYear();
        long sequence = sequences.next("contract:" + funder.getCode() + ":" + year);
        String contractNumber = String.format("%d%s%04d", year, funder.getContractPrefix(), sequence);
        TrainingAction action = actions.save(new TrainingAction(contractNumber, funder, organisation, request.title(), year, now));
        // started by Formaflow once its rules allowed it: organisations may not start processes through the engine's API
        String instance = processes.start(PROCESS_KEY, contractNumber, Map.of(
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

    /** The Région's validator records its market's references; nothing is written when one is wrong. */
    public MarketReferences recordMarketReferences(long dossierId, MarketReferences references) {
        InvalidRequestException.throwIfAny("Les références du marché ne sont pas enregistrées.", references.problems(clock.today()));
        get(dossierId).recordMarketReferences(references);
        return references;
    }

    /** The action is co-funded by the European Social Fund: its certificates say so, its papers are kept 10 years. */
    public void markEsfCofunded(long dossierId, boolean esfCofunded) {
        get(dossierId).markEsfCofunded(esfCofunded);
    }

    public void submit(long dossierId, Programme programme, List<TrainerEntry> entries, List<String> subcontractorSirets) {
        TrainingAction action = get(dossierId);
        List<String> problems = new ArrayList<>();
        List<TrainerAssignment> assignments = trainerAssignments(action, entries, problems);
        int trainerProblems = problems.size();
        List<Long> subcontractors = subcontractors(action, subcontractorSirets, problems);
        if (!problems.isEmpty()) {
            List<String> all = new ArrayList<>(programme.problems());
            all.addAll(problems);
            java.util.Map<String, List<String>> fields = new java.util.LinkedHashMap<>(programme.problemsByField());
            if (trainerProblems > 0) {
                fields.put("trainers", List.copyOf(problems.subList(0, trainerProblems)));
            }
            if (problems.size() > trainerProblems) {
                fields.put("subcontractors", List.copyOf(problems.subList(trainerProblems, problems.size())));
            }
            throw new BusinessRuleException(TrainingAction.NOT_SUBMITTED, all, fields);
        }
        action.submit(programme, assignments);
        action.declareSubcontractors(subcontractors);
    }

    /** Each declared subcontractor is an organisation known to Formaflow, other than the titular. */
    private List<Long> subcontractors(TrainingAction action, List<String> sirets, List<String> problems) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < sirets.size(); i++) {
            String line = "Sous-traitant " + (i + 1) + " : ";
            String siret = sirets.get(i) == null ? null : sirets.get(i).replaceAll("\\s", "");
            String invalid = fr.formaflow.organisation.Siret.problemWith(siret);
            if (invalid != null) {
                problems.add(line + invalid);
                continue;
            }
            Optional<Organisation> organisation = organisations.findBySiret(siret);
            if (organisation.isEmpty()) {
                problems.add(line + "aucun organisme n'a le SIRET " + siret + " : le sous-traitant doit d'abord avoir un compte Formaflow.");
            } else if (organisation.get().getId().equals(action.getOrganisation().getId())) {
                problems.add(line + "le titulaire ne peut pas être son propre sous-traitant.");
            } else if (!ids.contains(organisation.get().getId())) {
                ids.add(organisation.get().getId());
            }
        }
        return ids;
    }

    /** After an approved change request: the new list of trainers of the action. */
    public void updateTrainers(long dossierId, List<TrainerEntry> entries) {
        TrainingAction action = get(dossierId);
        List<String> problems = new ArrayList<>();
        List<TrainerAssignment> assignments = trainerAssignments(action, entries, problems);
        if (assignments.isEmpty()) {
            problems.add("Au moins un formateur est obligatoire.");
        }
        BusinessRuleException.throwIfAny("La liste des formateurs ne peut pas être enregistrée :", problems);
        action.replaceTrainers(assignments);
    }

    private List<TrainerAssignment> trainerAssignments(TrainingAction action, List<TrainerEntry> entries, List<String> problems) {
        List<TrainerAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TrainerEntry e = entries.get(i);
            String line = "Formateur " + (i + 1);
            int before = problems.size();
            if (e.lastName() == null || e.firstName() == null) {
                problems.add(line + " : le nom et le prénom sont obligatoires.");
            }
            if (e.domain() == null) {
                problems.add(line + " : le champ « Domaine d'intervention » est obligatoire.");
            }
            if (e.hours() == null || e.hours().signum() <= 0) {
                problems.add(line + " : le nombre d'heures assurées doit être supérieur à zéro.");
            }
            if (e.experience() == null) {
                problems.add(line + " : le champ « Formation et expérience professionnelle » est obligatoire.");
            }
            Trainer.Status status = null;
            try {
                status = e.status() == null ? null : Trainer.Status.valueOf(e.status());
            } catch (IllegalArgumentException ex) {
                problems.add(line + " : le statut « " + e.status() + " » n'est pas reconnu (CDI, CDD ou vacataire).");
            }
            if (status == null && e.status() == null) {
                problems.add(line + " : le champ « Statut » est obligatoire.");
            }
            if (problems.size() > before) {
                continue;
            }
            Long organisationId = action.getOrganisation().getId();
            Trainer trainer = trainers.findOrCreate(organisationId, e.lastName(), e.firstName());
            trainer.update(e.email(), e.domain(), status, e.experience());
            if (assignments.stream().anyMatch(a -> a.trainerId().equals(trainer.getId()))) {
                problems.add(line + " : " + trainer.fullName() + " figure deux fois dans la liste.");
                continue;
            }
            assignments.add(new TrainerAssignment(trainer.getId(), e.hours()));
        }
        return assignments;
    }

    public void issuePurchaseOrder(long dossierId, String number, LocalDate date) {
        get(dossierId).issuePurchaseOrder(number, date);
    }

    /** Records the contract step, once {@link ContractRules} accepted it: the funder's purchase order is signed. */
    public void completeContract(long dossierId, boolean purchaseOrderRequired) {
        if (purchaseOrderRequired) {
            get(dossierId).signPurchaseOrder();
        }
    }

    public void open(long dossierId, LocalDate realStart, PaymentMode mode, Set<PaymentMode> allowed) {
        get(dossierId).open(realStart, mode, allowed);
    }

    public void close(long dossierId, LocalDate realEnd, String pedagogicalReport) {
        get(dossierId).close(realEnd, pedagogicalReport);
    }

    /** The action runs: every calendar month from the real start to the planned end gets a monthly declaration. */
    public List<String> startExecution(long dossierId) {
        TrainingAction action = get(dossierId);
        return ExecutionCalendar.months(action.getRealStart(), action.getPlannedEnd()).stream().map(YearMonth::toString).toList();
    }

    /** The funder's rules as funder-rules.dmn decided them when the dossier's process started; null once it has ended. */
    public FunderRules rulesOf(TrainingAction action) {
        return processes.variable(action.getProcessInstanceId(), "rules").map(FunderRules::from).orElse(null);
    }
}
