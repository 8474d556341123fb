package fr.formaflow.dossier;

import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.InvalidRequestException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.Processes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dossier read by id or by its process's business key, and what its steps record on it outside attendance and
 * invoicing: market references, purchase order, contract, opening, closure. Creation: {@link NewDossiers}; programme
 * and trainers: {@link Submissions}.
 */
@Service
@Transactional
public class DossierService {

    public static final String PROCESS_KEY = "trainingDossier";

    private final TrainingActionRepository actions;
    private final Processes processes;
    private final Clock clock;

    public DossierService(TrainingActionRepository actions, Processes processes, Clock clock) {
        this.actions = actions;
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

    /**
     * Opens the action with the advance the organisation asks for, if the funder offers it for an action of this price
     * and length (funder-rules.dmn); nothing is recorded when either is refused.
     */
    public void open(long dossierId, LocalDate realStart, PaymentMode mode, Set<PaymentMode> allowed, FunderRules.Advance offer,
                     AdvanceKind advance, java.math.BigDecimal askedPercent) {
        TrainingAction action = get(dossierId);
        BusinessRuleException.throwIfAny("L'avance ne peut pas être demandée :", offer.problems(advance, askedPercent,
                action.totalPriceCents(), ExecutionCalendar.months(action.getPlannedStart(), action.getPlannedEnd()).size()));
        action.open(realStart, mode, allowed);
        action.chooseAdvance(advance, offer.rate(advance, askedPercent));
    }

    /** « Ouverture : Non »: the action does not open; the funder validates it, then the dossier ends « Action non ouverte ». */
    public void declareNotOpening(long dossierId, String reason) {
        get(dossierId).declareNotOpening(reason, clock.today());
    }

    /** The centre and company periods, once the funder accepted their change (change-request.bpmn). */
    public void replacePeriods(long dossierId, List<Period> periods) {
        get(dossierId).replacePeriods(periods);
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
