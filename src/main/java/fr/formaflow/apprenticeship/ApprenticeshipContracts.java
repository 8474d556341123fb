package fr.formaflow.apprenticeship;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.notification.Notifications;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import fr.formaflow.platform.Processes;
import fr.formaflow.security.CurrentUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apprenticeship contracts (seed 002): received from the employer through the OPCO's web service, instructed by an
 * adviser (processes/apprenticeship-contract.bpmn), then paid to the CFA in instalments on its reimbursement requests
 * (processes/reimbursement-request.bpmn), each acknowledged by a receipt.
 */
@Service
@Transactional
public class ApprenticeshipContracts {

    public static final String CONTRACT_PROCESS = "apprenticeshipContract";
    public static final String CANCELLED_MESSAGE = "ApprenticeshipContractCancelled";

    /** What the employer's web-service call carries. */
    public record NewContract(String funderCode, String cfaSiret, String contractNumber, String apprenticeLastName,
                              String apprenticeFirstName, String employerName, String employerSiret, String diploma,
                              LocalDate signedOn, LocalDate startDate, LocalDate endDate, String budgetEuros,
                              String teachingCostEuros, String equipmentEuros, boolean cerfaSigned, boolean agreementSigned) {
    }

    private final ApprenticeshipContractRepository contracts;
    private final ContractStateChangeRepository changes;
    private final FunderRepository funders;
    private final OrganisationRepository organisations;
    private final NumberSequences sequences;
    private final Processes processes;
    private final Notifications notifications;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ApprenticeshipContracts(ApprenticeshipContractRepository contracts, ContractStateChangeRepository changes,
                                   FunderRepository funders, OrganisationRepository organisations, NumberSequences sequences,
                                   Processes processes,
                                   Notifications notifications, CurrentUser currentUser, Clock clock) {
        this.contracts = contracts;
        this.changes = changes;
        this.funders = funders;
        this.organisations = organisations;
        this.sequences = sequences;
        this.processes = processes;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the OPCO's side

    /** A contract arrives from the employer's web-service entry; its process starts in state "reçu". */
    public ApprenticeshipContract receive(NewContract c) {
        Funder funder = opcoOfCurrentUser(c.funderCode());
        Optional<Organisation> cfa = Siret.problemWith(c.cfaSiret()) == null
                ? organisations.findBySiret(Siret.of(c.cfaSiret()).value()) : Optional.empty();
        boolean alreadySent = c.contractNumber() != null
                && contracts.existsByFunderIdAndContractNumber(funder.getId(), c.contractNumber().trim());
        ReceivedContractRules.Checked checked = ReceivedContractRules.check(c, cfa.isPresent(), alreadySent);
        List<String> problems = checked.problems();
        Long budget = checked.budgetCents();
        Long teaching = checked.teachingCents();
        Long equipment = checked.equipmentCents();
        BusinessRuleException.throwIfAny("Le contrat ne peut pas être enregistré.", problems);

        String actionNumber = String.format("%s-%d-%06d", funder.getContractPrefix(), clock.today().getYear(),
                sequences.next("apprenticeship:" + funder.getCode() + ":" + clock.today().getYear()));
        ApprenticeshipContract contract = contracts.save(new ApprenticeshipContract(actionNumber, c.contractNumber().trim(), funder, cfa.get(),
                c.apprenticeLastName().trim().toUpperCase(), c.apprenticeFirstName().trim(), c.employerName().trim(),
                Siret.of(c.employerSiret()).value(), c.diploma().trim(), c.signedOn(), c.startDate(), c.endDate(),
                budget, teaching, equipment == null ? 0 : equipment, c.cerfaSigned(), c.agreementSigned(), clock.now()));
        changes.save(new ContractStateChange(contract.getId(), ContractState.RECEIVED, clock.now(), "webservice", contract.isComplete()
                ? "Dossier transmis par l'adhérent." : "Dossier transmis par l'adhérent. Manque : " + String.join(", ", contract.missingItems()) + "."));
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractId", contract.getId());
        variables.put("contractNumber", actionNumber);
        variables.put("actionTitle", "Apprentissage — " + contract.apprentice() + " — " + contract.getEmployerName());
        variables.put("organisationName", contract.getCfa().getName());
        variables.put("organisationGroup", contract.getCfa().getGroupId());
        variables.put("funderGroup", funder.getValidatorGroupId());
        variables.put("complete", contract.isComplete());
        variables.put("contractEnd", Date.from(c.endDate().plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant()));
        contract.attachProcess(processes.start(CONTRACT_PROCESS, actionNumber, variables));
        return contract;
    }

    /** The employer cancels the contract (or asks the OPCO to delete it): the contract's process ends in "annulé". */
    public ApprenticeshipContract cancel(long contractId, String reason) {
        ApprenticeshipContract contract = get(contractId);
        opcoOfCurrentUser(contract.getFunder().getCode());
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Indiquez le motif de l'annulation.");
        }
        if (!processes.isRunning(contract.getProcessInstanceId())) {
            throw new BusinessRuleException("Le contrat " + contract.getOpcoActionNumber() + " est " + contract.getState().label().toLowerCase()
                    + " : il ne peut plus être annulé.");
        }
        processes.correlateByBusinessKey(CANCELLED_MESSAGE, contract.getOpcoActionNumber(), Map.of("cancellationReason", reason.trim()));
        return contract;
    }

    /** A step of the contract's process: the contract enters a state, which the CFA sees with its date. */
    public void enter(long contractId, ContractState state, String by, String comment) {
        ApprenticeshipContract contract = get(contractId);
        contract.enter(state, clock.now());
        changes.save(new ContractStateChange(contractId, state, clock.now(), by, comment));
    }

    /** What the CFA or the employer says it has now sent for a contract "en attente". */
    public ApprenticeshipContract itemsSent(long contractId, boolean cerfa, boolean agreement) {
        ApprenticeshipContract contract = get(contractId);
        contract.received(cerfa, agreement);
        return contract;
    }

    public void remindMissingItems(long contractId) {
        ApprenticeshipContract contract = get(contractId);
        notifications.send(contract.getCfa().getGroupId(), null, "Contrat " + contract.getOpcoActionNumber() + " toujours en attente",
                "Le contrat de " + contract.apprentice() + " (" + contract.getEmployerName() + ") attend encore : "
                        + String.join(", ", contract.missingItems()) + ". L'adhérent a été relancé également.");
    }

    // ------------------------------------------------------------------ the CFA's side

    public List<ApprenticeshipContract> search(String text, ContractState state) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
        return contracts.search(currentUser.groups(), currentUser.isOperator(), state, like);
    }

    public ApprenticeshipContract get(long id) {
        return contracts.findById(id).orElseThrow(() -> new NotFoundException("Le contrat n° " + id + " n'existe pas."));
    }

    /** The CFA (or a CFA it delegated to), the OPCO and operators see a contract; others are told it does not exist. */
    public ApprenticeshipContract visible(long id) {
        ApprenticeshipContract contract = get(id);
        if (!currentUser.isOperator() && !currentUser.isIn(contract.getCfa().getGroupId())
                && !currentUser.isIn(contract.getFunder().getValidatorGroupId())) {
            throw new NotFoundException("Le contrat n° " + id + " n'existe pas.");
        }
        return contract;
    }

    public List<ContractStateChange> history(ApprenticeshipContract contract) {
        return changes.findByContractIdOrderByChangedAtAscIdAsc(contract.getId());
    }

    // ------------------------------------------------------------------ helpers

    private Funder opcoOfCurrentUser(String funderCode) {
        Optional<Funder> funder = currentUser.isOperator() && funderCode != null
                ? funders.findByCode(funderCode.trim().toUpperCase())
                : funders.findByValidatorGroupIdIn(currentUser.groups()).stream().findFirst();
        if (funder.isEmpty() || funder.get().getScheme() != FundingScheme.OPCO) {
            throw new AccessDeniedException("Seul un OPCO transmet et gère des contrats d'apprentissage.");
        }
        if (funderCode != null && !funder.get().getCode().equalsIgnoreCase(funderCode.trim())) {
            throw new AccessDeniedException("Ce contrat relève d'un autre OPCO.");
        }
        return funder.get();
    }
}
