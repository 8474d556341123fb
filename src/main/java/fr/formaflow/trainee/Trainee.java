package fr.formaflow.trainee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A trainee of an action (fiche stagiaire, seed 003 §3.2), with their individual path and their exit. */
@Entity
@Table(name = "trainee")
public class Trainee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long actionId;

    private String civility;
    private String lastName;
    private String firstName;
    private LocalDate birthDate;
    private String sex;
    private String nationality;
    private String socioProfessionalCategory;
    private String address;
    private String postcode;
    private String city;
    private String trainingAddress;
    private LocalDate entryDate;
    private String remunerationBody;
    private String entryLevel;
    private String ageBracket;
    private String unemploymentDuration;
    private String prescriber;
    private boolean benefitRecipient;
    private boolean disabledWorker;
    private boolean paid;
    private BigDecimal pathHoursCentre;
    private BigDecimal pathHoursCompany;
    private String pathObjectives;
    private boolean vaePlanned;
    /** The rest of the individual path (seed 003 §3.2). */
    private String pathProfessionalProject;
    private Integer pathCompanyPeriodCount;
    private String pathGeneralModules;
    private String pathProfessionalModules;
    private String pathCompanyObjectives;
    private LocalDate pathStart;
    private LocalDate pathEnd;
    @jakarta.persistence.ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "trainee_path_period", joinColumns = @jakarta.persistence.JoinColumn(name = "trainee_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    // a dossier's trainees are loaded together: their periods in one statement, not one per trainee
    @org.hibernate.annotations.BatchSize(size = 100)
    private java.util.List<fr.formaflow.dossier.Period> pathPeriods = new java.util.ArrayList<>();

    private LocalDate exitDate;
    private String exitType;
    private String earlyExitReason;

    private String evaluationResult;
    private Integer satisfaction;
    private String evaluationComment;
    private String exitSituation;
    private String exitContract;

    protected Trainee() {
    }

    public Trainee(Long actionId) {
        this.actionId = actionId;
    }

    /** Copies the record entered by the organisation; TraineeRecord has checked it. */
    public void update(TraineeRecord r) {
        civility = r.civility();
        lastName = r.lastName().trim().toUpperCase();
        firstName = r.firstName().trim();
        birthDate = r.birthDate();
        sex = r.sex();
        nationality = r.nationality();
        socioProfessionalCategory = r.socioProfessionalCategory();
        address = r.address();
        postcode = r.postcode();
        city = r.city();
        trainingAddress = r.trainingAddress();
        entryDate = r.entryDate();
        remunerationBody = r.remunerationBody();
        entryLevel = r.entryLevel();
        ageBracket = r.ageBracket();
        unemploymentDuration = r.unemploymentDuration();
        prescriber = r.prescriber();
        benefitRecipient = r.benefitRecipient();
        disabledWorker = r.disabledWorker();
        paid = r.paid();
        pathHoursCentre = r.pathHoursCentre();
        pathHoursCompany = r.pathHoursCompany();
        pathObjectives = r.pathObjectives();
        vaePlanned = r.vaePlanned();
        IndividualPath path = r.path();
        pathProfessionalProject = path.professionalProject();
        pathCompanyPeriodCount = path.companyPeriodCount();
        pathGeneralModules = path.generalModules();
        pathProfessionalModules = path.professionalModules();
        pathCompanyObjectives = path.companyObjectives();
        pathStart = path.start();
        pathEnd = path.end();
        pathPeriods = new java.util.ArrayList<>(path.periods());
    }

    /** The individual path's other fields, as entered (empty for a collective action's trainee). */
    public IndividualPath getPath() {
        return new IndividualPath(pathProfessionalProject, pathCompanyPeriodCount, pathPeriods, pathGeneralModules, pathProfessionalModules,
                pathCompanyObjectives, pathStart, pathEnd);
    }

    public void exit(LocalDate date, String type, String earlyExitReason) {
        this.exitDate = date;
        this.exitType = type;
        this.earlyExitReason = earlyExitReason;
    }

    /** The organisation's skills validation (« validation des acquis »). */
    public void validateSkills(String result) {
        this.evaluationResult = result;
    }

    /** The trainee's own evaluation of the training, through a single-use link (EvaluationLinks). */
    public void selfEvaluate(Integer satisfaction, String comment) {
        this.satisfaction = satisfaction;
        this.evaluationComment = comment;
    }

    public void recordExitSurvey(String situation, String contract) {
        this.exitSituation = situation;
        this.exitContract = contract;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean hasExited() {
        return exitDate != null;
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public String getCivility() { return civility; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getSex() { return sex; }
    public String getNationality() { return nationality; }
    public String getSocioProfessionalCategory() { return socioProfessionalCategory; }
    public String getAddress() { return address; }
    public String getPostcode() { return postcode; }
    public String getCity() { return city; }
    public String getTrainingAddress() { return trainingAddress; }
    public LocalDate getEntryDate() { return entryDate; }
    public String getRemunerationBody() { return remunerationBody; }
    public String getEntryLevel() { return entryLevel; }
    public String getAgeBracket() { return ageBracket; }
    public String getUnemploymentDuration() { return unemploymentDuration; }
    public String getPrescriber() { return prescriber; }
    public boolean isBenefitRecipient() { return benefitRecipient; }
    public boolean isDisabledWorker() { return disabledWorker; }
    public boolean isPaid() { return paid; }
    public BigDecimal getPathHoursCentre() { return pathHoursCentre; }
    public BigDecimal getPathHoursCompany() { return pathHoursCompany; }
    public String getPathObjectives() { return pathObjectives; }
    public boolean isVaePlanned() { return vaePlanned; }
    public LocalDate getExitDate() { return exitDate; }
    public String getExitType() { return exitType; }
    public String getEarlyExitReason() { return earlyExitReason; }
    public String getEvaluationResult() { return evaluationResult; }
    public Integer getSatisfaction() { return satisfaction; }
    public String getEvaluationComment() { return evaluationComment; }
    public String getExitSituation() { return exitSituation; }
    public String getExitContract() { return exitContract; }
}
