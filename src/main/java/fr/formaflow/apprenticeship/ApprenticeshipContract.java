package fr.formaflow.apprenticeship;

import fr.formaflow.funder.Funder;
import fr.formaflow.organisation.Organisation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An apprenticeship contract an OPCO finances: sent by the employer (adhérent) through the OPCO's web service,
 * instructed by an adviser, then paid to the CFA in instalments on its reimbursement requests.
 */
@Entity
@Table(name = "apprenticeship_contract")
public class ApprenticeshipContract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    /** The OPCO's action number: every request to the OPCO's support must quote it. */
    @Column(nullable = false, unique = true)
    private String opcoActionNumber;

    /** The contract's own number (CERFA / registration). */
    @Column(nullable = false)
    private String contractNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "funder_id")
    private Funder funder;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cfa_id")
    private Organisation cfa;

    private String apprenticeLastName;
    private String apprenticeFirstName;
    private String employerName;
    private String employerSiret;
    private String diploma;
    private LocalDate signedOn;
    private LocalDate startDate;
    private LocalDate endDate;
    /** The alternance budget the OPCO pays (its "niveau de prise en charge" for the contract). */
    private long budgetCents;
    /** What the CFA's teaching costs: above the budget, the employer pays the difference. */
    private long teachingCostCents;
    /** "Frais divers": first-equipment costs the OPCO pays on top of the budget. */
    private long equipmentCents;
    private boolean cerfaSigned;
    private boolean agreementSigned;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractState state;

    @Column(nullable = false)
    private LocalDateTime stateSince;

    private String processInstanceId;

    protected ApprenticeshipContract() {
    }

    public ApprenticeshipContract(String opcoActionNumber, String contractNumber, Funder funder, Organisation cfa,
                                  String apprenticeLastName, String apprenticeFirstName, String employerName, String employerSiret,
                                  String diploma, LocalDate signedOn, LocalDate startDate, LocalDate endDate,
                                  long budgetCents, long teachingCostCents, long equipmentCents,
                                  boolean cerfaSigned, boolean agreementSigned, LocalDateTime receivedAt) {
        this.opcoActionNumber = opcoActionNumber;
        this.contractNumber = contractNumber;
        this.funder = funder;
        this.cfa = cfa;
        this.apprenticeLastName = apprenticeLastName;
        this.apprenticeFirstName = apprenticeFirstName;
        this.employerName = employerName;
        this.employerSiret = employerSiret;
        this.diploma = diploma;
        this.signedOn = signedOn;
        this.startDate = startDate;
        this.endDate = endDate;
        this.budgetCents = budgetCents;
        this.teachingCostCents = teachingCostCents;
        this.equipmentCents = equipmentCents;
        this.cerfaSigned = cerfaSigned;
        this.agreementSigned = agreementSigned;
        this.state = ContractState.RECEIVED;
        this.stateSince = receivedAt;
    }

    /** What a "reçu" dossier must hold before an adviser can instruct it. */
    public List<String> missingItems() {
        List<String> missing = new ArrayList<>();
        if (!cerfaSigned) {
            missing.add("le CERFA complet et signé par toutes les parties");
        }
        if (!agreementSigned) {
            missing.add("la convention de formation signée");
        }
        return missing;
    }

    public boolean isComplete() {
        return missingItems().isEmpty();
    }

    void received(boolean cerfa, boolean agreement) {
        this.cerfaSigned = cerfaSigned || cerfa;
        this.agreementSigned = agreementSigned || agreement;
    }

    void enter(ContractState next, LocalDateTime at) {
        this.state = next;
        this.stateSince = at;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public PaymentRhythm.Kind rhythm() {
        return PaymentRhythm.kindOf(signedOn);
    }

    public PaymentRhythm.Split split() {
        return PaymentRhythm.Split.of(budgetCents, teachingCostCents);
    }

    public List<PaymentRhythm.Instalment> schedule() {
        return PaymentRhythm.schedule(signedOn, startDate, endDate, split().opcoCents());
    }

    public String apprentice() {
        return apprenticeFirstName + " " + apprenticeLastName;
    }

    public Long getId() { return id; }
    public String getOpcoActionNumber() { return opcoActionNumber; }
    public String getContractNumber() { return contractNumber; }
    public Funder getFunder() { return funder; }
    public Organisation getCfa() { return cfa; }
    public String getApprenticeLastName() { return apprenticeLastName; }
    public String getApprenticeFirstName() { return apprenticeFirstName; }
    public String getEmployerName() { return employerName; }
    public String getEmployerSiret() { return employerSiret; }
    public String getDiploma() { return diploma; }
    public LocalDate getSignedOn() { return signedOn; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public long getBudgetCents() { return budgetCents; }
    public long getTeachingCostCents() { return teachingCostCents; }
    public long getEquipmentCents() { return equipmentCents; }
    public ContractState getState() { return state; }
    public LocalDateTime getStateSince() { return stateSince; }
    public String getProcessInstanceId() { return processInstanceId; }
}
