package fr.formaflow.dossier;

import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.funder.PaymentMode;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** A funded training action: the dossier. One process instance drives it; its business key is the contract number. */
@Entity
@Table(name = "training_action")
public class TrainingAction {

    static final int NOT_OPENED_REASON_MAX = 1000;
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true)
    private String contractNumber;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "funder_id")
    private Funder funder;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    /** Regional or national, at a funder organised in territories (Formiris); null elsewhere. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private GeographicScope scope;

    /**
     * The Camunda group of the validators who handle this dossier, fixed at its creation from its funder and scope: the
     * engine's candidate groups and grants, and who may see the dossier, all come from it (never a process variable).
     */
    @Column(nullable = false, length = 64)
    private String validatorGroupId;

    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierPhase phase;

    private int programmingYear;

    @Column(nullable = false)
    private String title;
    private String objectives;
    private String content;
    private String formacode;
    @Enumerated(EnumType.STRING)
    private TrainingNature nature;
    private boolean collective = true;
    private BigDecimal hoursCentre;
    private BigDecimal hoursCompany;
    private LocalDate plannedStart;
    private LocalDate plannedEnd;
    private LocalDate realStart;
    private LocalDate realEnd;
    private String location;
    private Integer totalTrainees;
    private Integer paidTrainees;
    private Long priceCentreCents;
    private Long priceCompanyCents;
    private Long unitCostCentreCents;
    private Long unitCostCompanyCents;

    @Enumerated(EnumType.STRING)
    private PaymentMode paymentMode;

    private String purchaseOrderNumber;
    private LocalDate purchaseOrderDate;
    private boolean purchaseOrderSigned;
    private String pedagogicalReport;
    private String trainerEvaluation;
    /** Co-funded by the European Social Fund (FSE+): supporting documents are kept 10 years. */
    private boolean esfCofunded;
    @Embedded
    private MarketReferences marketReferences;
    /** « Ouverture de l'action : Non » (seed 003, §3.4): why the action does not open, and when the organisation said so. */
    private String notOpenedReason;
    private LocalDate notOpenedOn;

    /** The portage platform's offer the organisation chose (seed 000: « l'offre qui vous correspond »); its grid gives the fee. */
    private Long portageOfferId;
    /** The advance the organisation asked for at opening (seed 003: « avance forfaitaire ou facultative ») and its rate in %. */
    @Enumerated(EnumType.STRING)
    private fr.formaflow.funder.AdvanceKind advanceKind;
    private BigDecimal advancePercent;

    @Column(nullable = false)
    private LocalDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = DossierSearch.MAX_PAGE_SIZE)
    @CollectionTable(name = "action_period", joinColumns = @JoinColumn(name = "action_id"))
    private List<Period> periods = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = DossierSearch.MAX_PAGE_SIZE)
    @CollectionTable(name = "action_client", joinColumns = @JoinColumn(name = "action_id"))
    private List<ClientCompany> clients = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = DossierSearch.MAX_PAGE_SIZE)
    @CollectionTable(name = "action_trainer", joinColumns = @JoinColumn(name = "action_id"))
    private List<TrainerAssignment> trainers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = DossierSearch.MAX_PAGE_SIZE)
    @CollectionTable(name = "action_subcontractor", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "organisation_id")
    private java.util.Set<Long> subcontractorIds = new java.util.LinkedHashSet<>();

    protected TrainingAction() {
    }

    public TrainingAction(String contractNumber, Funder funder, Organisation organisation, String title, int programmingYear,
                          LocalDateTime createdAt) {
        this(contractNumber, funder, null, organisation, title, programmingYear, createdAt);
    }

    /** A dossier of this scope: required at a funder organised in territories (Formiris), ignored elsewhere. */
    public TrainingAction(String contractNumber, Funder funder, GeographicScope scope, Organisation organisation, String title,
                          int programmingYear, LocalDateTime createdAt) {
        if (title == null || title.isBlank()) {
            throw new BusinessRuleException("L'intitulé de l'action est obligatoire.");
        }
        if (funder.hasScopes() && scope == null) {
            throw new BusinessRuleException("Le périmètre géographique de la formation (régional ou national) est obligatoire pour "
                    + funder.getName() + ".");
        }
        this.scope = funder.hasScopes() ? scope : null;
        this.validatorGroupId = funder.validatorGroupFor(this.scope);
        this.contractNumber = contractNumber;
        this.funder = funder;
        this.organisation = organisation;
        this.title = title.trim();
        this.programmingYear = programmingYear;
        this.createdAt = createdAt;
        this.phase = DossierPhase.SUBMISSION;
    }

    static final String NOT_SUBMITTED = "Le dossier ne peut pas être déposé :";
    private static final String NO_TRAINER = "Au moins un formateur est obligatoire.";

    /** Records the programme; refuses it, naming every missing field and broken rule, if it is incomplete. */
    public void submit(Programme programme, List<TrainerAssignment> trainerAssignments) {
        List<String> problems = new ArrayList<>(programme.problems());
        java.util.Map<String, List<String>> fields = new java.util.LinkedHashMap<>(programme.problemsByField());
        if (trainerAssignments.isEmpty()) {
            problems.add(NO_TRAINER);
            fields.put("trainers", List.of(NO_TRAINER));
        }
        if (!problems.isEmpty()) {
            throw new BusinessRuleException(NOT_SUBMITTED, problems, fields);
        }
        title = programme.title().trim();
        objectives = programme.objectives();
        content = programme.content();
        formacode = programme.formacode();
        nature = programme.nature();
        collective = programme.collective();
        hoursCentre = programme.hoursCentre();
        hoursCompany = programme.hoursCompany();
        plannedStart = programme.plannedStart();
        plannedEnd = programme.plannedEnd();
        location = programme.location();
        totalTrainees = programme.totalTrainees();
        paidTrainees = programme.paidTrainees();
        priceCentreCents = programme.priceCentreCents();
        priceCompanyCents = programme.priceCompanyCents();
        unitCostCentreCents = programme.unitCostCentreCents();
        unitCostCompanyCents = programme.unitCostCompanyCents();
        periods = new ArrayList<>(programme.periods());
        clients = new ArrayList<>(programme.clients());
        trainers = new ArrayList<>(trainerAssignments);
    }

    /**
     * Opens the action. For a collective action the real start must be the planned one: otherwise the
     * organisation asks the funder to move the date first (seed 003, §3.4).
     */
    public void open(LocalDate realStart, PaymentMode mode, Set<PaymentMode> allowedModes) {
        List<String> problems = new ArrayList<>();
        if (realStart == null) {
            problems.add("Le champ « Date de début réelle » est obligatoire.");
        } else if (collective && !realStart.equals(plannedStart)) {
            problems.add("La date de début réelle (" + FRENCH_DATE.format(realStart) + ") diffère de la date de début prévue ("
                    + FRENCH_DATE.format(plannedStart) + "). Pour une action collective, demandez d'abord au financeur de reporter "
                    + "la date en cochant « Demander au financeur de reporter la date de début prévue ».");
        } else if (plannedEnd != null && realStart.isAfter(plannedEnd)) {
            problems.add("La date de début réelle ne peut pas suivre la date de fin prévue (" + FRENCH_DATE.format(plannedEnd) + ").");
        }
        if (mode == null) {
            problems.add("Le champ « Fréquence de paiement » est obligatoire.");
        } else if (!allowedModes.contains(mode)) {
            problems.add("La fréquence de paiement « " + mode.label() + " » n'est pas proposée par " + funder.getName() + ".");
        }
        BusinessRuleException.throwIfAny("L'action ne peut pas être ouverte :", problems);
        this.realStart = realStart;
        this.paymentMode = mode;
        this.notOpenedReason = null;
        this.notOpenedOn = null;
    }

    /** The portage offer chosen, once the invoicing rules checked it is the platform's and suits the action. */
    public void choosePortageOffer(Long offerId) {
        this.portageOfferId = offerId;
    }

    public Long getPortageOfferId() { return portageOfferId; }

    /**
     * The advance asked for at opening, once the funder's rules accepted it (see FunderRules.Advance#problems): its
     * kind and its rate, the flat rate or the rate asked; none when kind is null or NONE.
     */
    public void chooseAdvance(fr.formaflow.funder.AdvanceKind kind, BigDecimal percent) {
        boolean none = kind == null || kind == fr.formaflow.funder.AdvanceKind.NONE;
        this.advanceKind = none ? null : kind;
        this.advancePercent = none ? null : percent;
    }

    /** The advance asked for at opening; NONE when none was. */
    public fr.formaflow.funder.AdvanceKind getAdvanceKind() {
        return advanceKind == null ? fr.formaflow.funder.AdvanceKind.NONE : advanceKind;
    }

    public BigDecimal getAdvancePercent() { return advancePercent; }

    /**
     * « Ouverture de l'action : Non » (seed 003, §3.4): the action will not take place. The funder validates it like an
     * opening; once validated the dossier ends « Action non ouverte », with no invoice.
     */
    public void declareNotOpening(String reason, LocalDate declaredOn) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new BusinessRuleException("L'action ne peut pas être déclarée non ouverte : le champ « Motif de la non-ouverture » "
                    + "est obligatoire, le financeur le lira avant de valider.");
        }
        if (text.length() > NOT_OPENED_REASON_MAX) {
            throw new BusinessRuleException("Le motif de la non-ouverture ne doit pas dépasser " + NOT_OPENED_REASON_MAX + " caractères ("
                    + text.length() + " reçus).");
        }
        this.notOpenedReason = text;
        this.notOpenedOn = declaredOn;
        this.realStart = null;
        this.paymentMode = null;
        this.advanceKind = null;
        this.advancePercent = null;
    }

    /** The organisation declared that the action does not open (« Ouverture : Non »). */
    public boolean isNotOpened() {
        return notOpenedReason != null;
    }

    /** The funder agreed to move the planned start (and the end by as much, so the action keeps its length). */
    public void moveSchedule(LocalDate newPlannedStart) {
        long shift = plannedStart.until(newPlannedStart, java.time.temporal.ChronoUnit.DAYS);
        plannedStart = newPlannedStart;
        plannedEnd = plannedEnd.plusDays(shift);
        periods = periods.stream().map(p -> new Period(p.place(), p.start().plusDays(shift), p.end().plusDays(shift))).toList();
    }

    /**
     * The funder agreed to change the centre and company periods (seed 003 §3.1: « ajouter, modifier ou supprimer une
     * période … après accord préalable »): the new ones replace them, one centre period at least, all inside the dates.
     */
    public void replacePeriods(List<Period> newPeriods) {
        BusinessRuleException.throwIfAny("Les périodes ne peuvent pas être enregistrées :",
                Programme.periodProblems(newPeriods, plannedStart, plannedEnd));
        periods = new ArrayList<>(newPeriods);
    }

    /** The funder agreed to an amendment of the planned end date. */
    public void amendPlannedEnd(LocalDate newPlannedEnd) {
        plannedEnd = newPlannedEnd;
    }

    /** Closes the action (§3.7.1), once reports' ClosureRules accepted the real end and the pedagogical report. */
    public void close(LocalDate realEnd, String pedagogicalReport) {
        this.realEnd = realEnd;
        this.pedagogicalReport = pedagogicalReport;
    }

    public void declareSubcontractors(java.util.Collection<Long> organisationIds) {
        this.subcontractorIds = new java.util.LinkedHashSet<>(organisationIds);
    }

    public void replaceTrainers(List<TrainerAssignment> assignments) {
        this.trainers = new ArrayList<>(assignments);
    }

    public void issuePurchaseOrder(String number, LocalDate date) {
        List<String> problems = new ArrayList<>();
        if (number == null || number.isBlank()) {
            problems.add("Le champ « Numéro du bon de commande » est obligatoire.");
        }
        if (date == null) {
            problems.add("Le champ « Date du bon de commande » est obligatoire.");
        }
        BusinessRuleException.throwIfAny("Le bon de commande ne peut pas être émis :", problems);
        this.purchaseOrderNumber = number.trim();
        this.purchaseOrderDate = date;
    }

    public void signPurchaseOrder() {
        this.purchaseOrderSigned = true;
    }

    /** Records the trainers' evaluation, once trainee's EvaluationRules accepted it. */
    public void markEsfCofunded(boolean esfCofunded) {
        this.esfCofunded = esfCofunded;
    }

    /** The Région's references of its market, recorded by its validator (see {@link MarketReferences#problems}). */
    public void recordMarketReferences(MarketReferences references) {
        if (funder.getScheme() != FundingScheme.REGION_MARKET) {
            throw new BusinessRuleException("Les références de marché ne concernent que les dossiers d'un marché de la Région.");
        }
        this.marketReferences = references;
    }

    public void recordTrainerEvaluation(String evaluation) {
        this.trainerEvaluation = evaluation;
    }

    public void enter(DossierPhase phase) {
        this.phase = phase;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Total planned hours of one trainee: centre plus company. */
    public BigDecimal plannedHours() {
        return nz(hoursCentre).add(nz(hoursCompany));
    }

    public long totalPriceCents() {
        return nzl(priceCentreCents) + nzl(priceCompanyCents);
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static long nzl(Long value) {
        return value == null ? 0 : value;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String getContractNumber() { return contractNumber; }
    public Funder getFunder() { return funder; }
    public GeographicScope getScope() { return scope; }
    public String getValidatorGroupId() { return validatorGroupId; }
    public Organisation getOrganisation() { return organisation; }
    public String getProcessInstanceId() { return processInstanceId; }
    public DossierPhase getPhase() { return phase; }
    public int getProgrammingYear() { return programmingYear; }
    public String getTitle() { return title; }
    public String getObjectives() { return objectives; }
    public String getContent() { return content; }
    public String getFormacode() { return formacode; }
    public TrainingNature getNature() { return nature; }
    public boolean isCollective() { return collective; }
    public BigDecimal getHoursCentre() { return hoursCentre; }
    public BigDecimal getHoursCompany() { return hoursCompany; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public LocalDate getPlannedEnd() { return plannedEnd; }
    public LocalDate getRealStart() { return realStart; }
    public LocalDate getRealEnd() { return realEnd; }
    public String getLocation() { return location; }
    public Integer getTotalTrainees() { return totalTrainees; }
    public Integer getPaidTrainees() { return paidTrainees; }
    public Long getPriceCentreCents() { return priceCentreCents; }
    public Long getPriceCompanyCents() { return priceCompanyCents; }
    public Long getUnitCostCentreCents() { return unitCostCentreCents; }
    public Long getUnitCostCompanyCents() { return unitCostCompanyCents; }
    public PaymentMode getPaymentMode() { return paymentMode; }
    public String getPurchaseOrderNumber() { return purchaseOrderNumber; }
    public LocalDate getPurchaseOrderDate() { return purchaseOrderDate; }
    public boolean isPurchaseOrderSigned() { return purchaseOrderSigned; }
    public String getPedagogicalReport() { return pedagogicalReport; }
    public String getTrainerEvaluation() { return trainerEvaluation; }
    public boolean isEsfCofunded() { return esfCofunded; }
    /** Never null: empty references when none were recorded. */
    public MarketReferences getMarketReferences() {
        return marketReferences == null ? new MarketReferences(null, null, null, null, null, null, null, null) : marketReferences;
    }
    public String getNotOpenedReason() { return notOpenedReason; }
    public LocalDate getNotOpenedOn() { return notOpenedOn; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public List<Period> getPeriods() { return List.copyOf(periods); }
    public List<ClientCompany> getClients() { return List.copyOf(clients); }
    public List<TrainerAssignment> getTrainers() { return List.copyOf(trainers); }
    public java.util.Set<Long> getSubcontractorIds() { return java.util.Set.copyOf(subcontractorIds); }
}
