package fr.formaflow.support;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.notification.Notification;
import fr.formaflow.notification.NotificationRepository;
import fr.formaflow.process.StepProperties;
import fr.formaflow.security.GroupAuthorizations;
import fr.formaflow.trainee.EvaluationLinks;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives dossiers as their users would: creates them, fills and submits task forms as Tasklist does
 * (form submission under the user's identity), uploads documents, moves the engine's clock and runs due timers.
 */
public class DossierDriver {

    public static final String ORGANISATION_USER = "marie.durand";
    public static final String FUNDER_USER = "claire.fabre";
    public static final String REGION = "OCCITANIE";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ProcessEngine engine;
    private final DossierService dossiers;
    private final DocumentService documents;
    private final TransactionTemplate transactions;
    private final ApplicationContext context;

    public DossierDriver(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.dossiers = context.getBean(DossierService.class);
        this.documents = context.getBean(DocumentService.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.context = context;
    }

    public <T> T as(String userId, Supplier<T> action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    public TrainingAction create(String userId, String funderCode, String title) {
        return create(userId, funderCode, title, null);
    }

    /** A dossier of this geographic scope, at a funder organised in territories (Formiris). */
    public TrainingAction create(String userId, String funderCode, String title, fr.formaflow.funder.GeographicScope scope) {
        return as(userId, () -> context.getBean(NewDossiers.class).create(new NewDossiers.NewDossier(funderCode, null, title, 2026, scope)));
    }

    public TrainingAction reload(TrainingAction action) {
        return transactions.execute(s -> dossiers.get(action.getId()));
    }

    public ProcessInstance mainInstance(TrainingAction action) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(action.getProcessInstanceId()).singleResult();
    }

    /** The open task with this key among every instance (main, months, follow-up, change requests) of the dossier. */
    public Task task(TrainingAction action, String taskKey) {
        List<Task> tasks = StepProperties.openTasks(engine, action.getContractNumber(), taskKey);
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one open task " + taskKey + " for " + action.getContractNumber() + ", found " + tasks.size()
                    + "; open tasks: " + openTaskKeys(action));
        }
        return tasks.get(0);
    }

    public List<String> openTaskKeys(TrainingAction action) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(action.getContractNumber()).list().stream()
                .map(task -> StepProperties.stepKey(engine, task)).sorted().toList();
    }

    /** What Tasklist reads to fill the task's form (GET /task/{id}/form-variables). */
    public Map<String, Object> formVariables(TrainingAction action, String taskKey) {
        Task task = task(action, taskKey);
        return engine.getFormService().getTaskFormVariables(task.getId());
    }

    /** Submits the task's form as Tasklist does, as this user; the asynchronous steps it leads to run as the job executor would. */
    public void complete(String userId, TrainingAction action, String taskKey, Map<String, Object> values) {
        Task task = task(action, taskKey);
        waitForTransfers(values);
        as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
        runAsyncSteps(action);
    }

    /** Runs the dossier's asynchronous continuations (document generation), not its timers; returns how many ran. */
    public int runAsyncSteps(TrainingAction action) {
        return runAsyncSteps(engine, action.getContractNumber());
    }

    /** The same, for the instances of a business key (a dossier's contract number), with the job executor off. */
    public static int runAsyncSteps(ProcessEngine engine, String businessKey) {
        int ran = 0;
        for (boolean any = true; any; ) {
            any = false;
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey).list()) {
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
                    engine.getManagementService().executeJob(job.getId());
                    ran++;
                    any = true;
                }
            }
        }
        return ran;
    }

    /** Submits the same values on every open task with this key (one per trainee, or per month). */
    public int completeAll(String userId, TrainingAction action, String taskKey, Map<String, Object> values) {
        List<Task> tasks = StepProperties.openTasks(engine, action.getContractNumber(), taskKey);
        for (Task task : tasks) {
            as(userId, () -> {
                engine.getFormService().submitTaskForm(task.getId(), values);
                return null;
            });
        }
        runAsyncSteps(action);
        return tasks.size();
    }

    /**
     * A monthly-paid dossier whose January 2026 is declared (70 h in centre per trainee) and whose invoice is confirmed,
     * waiting for the funder's validation; the engine's clock is left on 2 February 2026.
     */
    public TrainingAction runToFirstInvoice() {
        return runToFirstInvoice(action -> { });
    }

    /** The same, with something done once the action runs, before its first month is declared. */
    public TrainingAction runToFirstInvoice(java.util.function.Consumer<TrainingAction> whileRunning) {
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        TrainingAction action = runToExecution("MONTHLY", 3, 2);
        whileRunning.accept(action);
        clock(LocalDateTime.of(2026, 2, 2, 9, 0));
        runDueJobs(action);
        String rows = context.getBean(fr.formaflow.trainee.TraineeService.class).of(action.getId()).stream()
                .map(t -> "{\"traineeId\":" + t.getId() + ",\"centreCompleted\":70}").reduce((a, b) -> a + "," + b).orElseThrow();
        completeMonth(ORGANISATION_USER, action, "2026-01", Map.of("hours", json("[" + rows + "]"), "confirmed", true));
        complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        return reload(action);
    }

    /** A Région dossier for January–February 2026, submitted, contracted, with its trainees, opened and approved. */
    public TrainingAction runToExecution(String paymentMode, int capacity, int traineeCount) {
        return runToExecution(paymentMode, traineeCount, programme(capacity));
    }

    /** The same with this programme, e.g. {@link #withOwnTrainers} for a dossier whose trainers sign half-days. */
    public TrainingAction runToExecution(String paymentMode, int traineeCount, Map<String, Object> programme) {
        TrainingAction action = create(ORGANISATION_USER, REGION, "Accessoiriste");
        complete(ORGANISATION_USER, action, "Task_SubmitDossier", programme);
        approve(action, "CallActivity_ValidateSubmission");
        uploadContractDocuments(action);
        complete(ORGANISATION_USER, action, "Task_Contract", Map.of("documentsConfirmed", true));
        approve(action, "CallActivity_ValidateContract");
        complete(ORGANISATION_USER, action, "Task_EnterTrainees", trainees(traineeCount));
        approve(action, "CallActivity_ValidateTrainees");
        complete(ORGANISATION_USER, action, "Task_OpenAction", Map.of("realStart", "2026-01-05", "paymentMode", paymentMode));
        approve(action, "CallActivity_ValidateOpening");
        return reload(action);
    }

    /**
     * From an action opened by {@link #runToExecution} in MONTHLY mode: January and February 2026 declared (70 h in centre
     * per trainee, their exit at the end), invoiced and paid; evaluations, closure, balance paid. The dossier then waits
     * for its trainees' follow-up surveys.
     */
    public void runToFollowUp(TrainingAction action) {
        runToEvaluations(action);
        evaluationsSentByEveryone(action);
        complete(ORGANISATION_USER, action, "Task_Evaluations", Map.of("evaluations", traineeRows(action, id -> Map.of("traineeId", id,
                "result", "ACQUIRED"))));
        approve(action, "CallActivity_ValidateEvaluations");
        complete(ORGANISATION_USER, action, "Task_CloseAction", Map.of("realEnd", "2026-02-27", "surveys", traineeRows(action,
                id -> Map.of("traineeId", id, "situation", "JOB_IN_SECTOR", "contract", "CDI")),
                "pedagogicalReport", "Tous les stagiaires ont validé les deux modules."));
        complete(ORGANISATION_USER, action, "Task_ConfirmBalance", Map.of("confirmed", true));
        // every hour was invoiced monthly: the balance is nil, nothing to pay
        approve(action, "CallActivity_ValidateClosure");
    }

    /** January and February 2026 declared, invoiced and paid (every trainee exits on 27 February): the evaluations are due. */
    public void runToEvaluations(TrainingAction action) {
        String validator = validator(action);
        for (String month : List.of("2026-01", "2026-02")) {
            boolean last = month.equals("2026-02");
            clock(java.time.YearMonth.parse(month).plusMonths(1).atDay(2).atTime(9, 0));
            runDueJobs(action);
            completeMonth(ORGANISATION_USER, action, month, Map.of("hours", traineeRows(action, id -> last
                    ? Map.of("traineeId", id, "centreCompleted", 70, "exitDate", "2026-02-27", "exitType", "END_OF_TRAINING")
                    : Map.of("traineeId", id, "centreCompleted", 70)), "confirmed", true));
            complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
            approve(action, "Task_ValidateInvoice");
            complete(validator, action, "Task_RecordPayment", Map.of("paymentDate", month + "-28", "paymentReference", "VIR-" + month));
        }
    }

    private Object traineeRows(TrainingAction action, java.util.function.Function<Long, Map<String, Object>> row) {
        return fr.formaflow.process.FormJson.rows(context.getBean(fr.formaflow.trainee.TraineeService.class).of(action.getId()).stream()
                .map(t -> row.apply(t.getId())).toList());
    }

    /**
     * Completes the monthly declaration task of one month; a confirmation is preceded, as the organisation does, by the
     * upload of the month's signed attendance sheet (no hour is confirmed without signatures).
     */
    public void completeMonth(String userId, TrainingAction action, String month, Map<String, Object> values) {
        if (Boolean.TRUE.equals(values.get("confirmed"))) {
            uploadSignedSheet(action, month);
        }
        submitMonth(userId, action, month, values);
    }

    /** The month's signed attendance sheet, uploaded as the organisation does before confirming the month. */
    /**
     * The organisation gives every trainee and trainer their evaluation link, and each one answers through it as the
     * public page does: the trainees rate the training 5, the trainers write their evaluation.
     */
    public void evaluationsSentByEveryone(TrainingAction action) {
        EvaluationLinks links = context.getBean(EvaluationLinks.class);
        List<EvaluationLinks.Issued> issued = transactions.execute(s -> links.issue(dossiers.get(action.getId())));
        for (EvaluationLinks.Issued person : issued) {
            if (person.token() != null) {
                transactions.executeWithoutResult(s -> links.answer(person.token(), person.kind().equals("TRAINEE")
                        ? new EvaluationLinks.Answer(5, "Très bonne formation.")
                        : new EvaluationLinks.Answer(null, "Groupe motivé, plateau technique complet.")));
            }
        }
    }

    public void uploadSignedSheet(TrainingAction action, String month) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> documents.upload(dossiers.get(action.getId()), DocumentType.ATTENDANCE_SHEET, null,
                java.time.YearMonth.parse(month), "emargement-" + month + ".pdf", pdf, ORGANISATION_USER));
    }

    /** The proofs of the month's justified absences (medical certificates…), scanned in one file. */
    public void uploadAbsenceProof(TrainingAction action, String month) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> documents.upload(dossiers.get(action.getId()), DocumentType.ABSENCE_PROOF, null,
                java.time.YearMonth.parse(month), "justificatifs-" + month + ".pdf", pdf, ORGANISATION_USER));
    }

    /** Submits the monthly declaration task of one month as it is, proofs or not. */
    public void submitMonth(String userId, TrainingAction action, String month, Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                .taskDefinitionKey("Task_DeclareMonth").list().stream()
                .filter(t -> month.equals(engine.getTaskService().getVariable(t.getId(), "month"))).findFirst()
                .orElseThrow(() -> new AssertionError("No declaration task for " + month + "; open tasks: " + openTaskKeys(action)));
        as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
        runAsyncSteps(action);
    }

    public List<String> documentTypes(TrainingAction action) {
        return transactions.execute(s -> documents.of(dossiers.get(action.getId())).stream().map(d -> d.getType().name()).distinct().toList());
    }

    public List<String> notifications(TrainingAction action) {
        return context.getBean(NotificationRepository.class).findByActionIdOrderByCreatedAtDesc(action.getId()).stream()
                .map(Notification::getSubject).toList();
    }

    public LocalDate declarationDeadline(TrainingAction action, String month) {
        return context.getBean(AttendanceService.class).declaration(action.getId(), java.time.YearMonth.parse(month)).getDeadline();
    }

    public void requestChange(TrainingAction action, ChangeRequest.Kind kind, String description) {
        as(ORGANISATION_USER, () -> context.getBean(fr.formaflow.dossier.ChangeRequests.class).requestChangeAfterOpening(action.getId(), kind, description));
    }

    /** The Formiris funder (purchase order before attendance) and its validators, as the demo data creates them. */
    public String formirisFunder() {
        if (context.getBean(FunderRepository.class).findByCode("FORMIRIS").isEmpty()) {
            throw new AssertionError("The demo data (formaflow.demo-data) creates the Formiris funder and its validators");
        }
        return "FORMIRIS";
    }

    public void approve(TrainingAction action, String taskKey) {
        complete(validator(action), action, taskKey, Map.of("decision", "APPROVE"));
    }

    public void reject(TrainingAction action, String taskKey, String reason) {
        complete(validator(action), action, taskKey, Map.of("decision", "REJECT", "reason", reason));
    }

    /** A member of the group of the validators who handle the dossier. */
    public String validator(TrainingAction action) {
        return engine.getIdentityService().createUserQuery().memberOfGroup(action.getValidatorGroupId())
                .orderByUserId().asc().list().get(0).getId();
    }

    // ------------------------------------------------------------------ the values users type

    /** A complete, valid submission: a two-month collective action (January and February 2026). */
    public static Map<String, Object> programme(int trainees) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", "Accessoiriste de spectacle");
        v.put("objectives", "Maîtriser la fabrication et la régie des accessoires de scène.");
        v.put("content", "Module 1 : matériaux (70 h). Module 2 : régie plateau (70 h).");
        v.put("formacode", "45054");
        v.put("nature", "ACTION_DE_FORMATION");
        v.put("collective", "true");
        v.put("hoursCentre", 140);
        v.put("hoursCompany", 70);
        v.put("plannedStart", "2026-01-05");
        v.put("plannedEnd", "2026-02-27");
        v.put("location", "Clermont-l'Hérault");
        v.put("totalTrainees", trainees);
        v.put("paidTrainees", trainees);
        v.put("priceCentreEuros", String.valueOf(140 * 7 * trainees) + ",00");
        v.put("priceCompanyEuros", String.valueOf(70 * trainees) + ",00");
        v.put("unitCostCentreEuros", "7,00");
        v.put("unitCostCompanyEuros", "1,00");
        v.put("periods", json("[{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-02-13\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"2026-02-16\",\"end\":\"2026-02-27\"}]"));
        v.put("clients", json("[{\"name\":\"Théâtre des Treize Vents\",\"siret\":\"77566820500013\",\"address\":\"Domaine de Grammont, 34000 Montpellier\",\"email\":\"formation@13vents.fr\"}]"));
        v.put("subcontractors", json("[{\"siret\":\"51234567900017\"}]"));
        v.put("trainers", json("[{\"lastName\":\"Rocher\",\"firstName\":\"Yves\",\"domain\":\"Accessoires\",\"status\":\"CDD\",\"hours\":140,\"experience\":\"12 ans d'atelier\"},"
                + "{\"lastName\":\"Meunier\",\"firstName\":\"Jacques\",\"domain\":\"Régie\",\"status\":\"VACATAIRE\",\"hours\":70,\"experience\":\"Régisseur plateau\"}]"));
        return v;
    }

    /** Each list entered is a new cohort of people: nobody is funded twice for the same days (see CrossDossierChecks). */
    private static final java.util.concurrent.atomic.AtomicInteger COHORTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The programme with trainers of its own (the organisation's other dossiers run on the same days: a trainer who
     * teaches half-days in one cannot teach them in another, see TrainerDays).
     */
    public static Map<String, Object> withOwnTrainers(Map<String, Object> programme) {
        int cohort = COHORTS.getAndIncrement();
        String suffix = String.valueOf((char) ('A' + cohort % 26)) + (char) ('A' + cohort / 26 % 26) + (char) ('A' + cohort / 676 % 26);
        Map<String, Object> own = new LinkedHashMap<>(programme);
        own.put("trainers", json("[{\"lastName\":\"Rocher" + suffix + "\",\"firstName\":\"Yves\",\"email\":\"yves.rocher." + suffix.toLowerCase()
                + "@formateurs.fr\",\"domain\":\"Accessoires\",\"status\":\"CDD\","
                + "\"hours\":140,\"experience\":\"12 ans d'atelier\"},{\"lastName\":\"Meunier" + suffix + "\",\"firstName\":\"Jacques\","
                + "\"domain\":\"Régie\",\"status\":\"VACATAIRE\",\"hours\":70,\"experience\":\"Régisseur plateau\"}]"));
        return own;
    }

    public static Map<String, Object> trainees(int count) {
        return trainees(count, "");
    }

    /** The same trainees with an individual path (seed 003 §3.2), as an individualised action requires. */
    public static Map<String, Object> individualTrainees(int count) {
        return trainees(count, ",\"pathHoursCentre\":140,\"pathHoursCompany\":70,\"pathObjectives\":\"Accessoiriste de plateau\""
                + ",\"pathProfessionalProject\":\"Accessoiriste dans une compagnie de théâtre\",\"pathCompanyPeriodCount\":1"
                + ",\"pathStart\":\"2026-01-05\",\"pathEnd\":\"2026-02-27\",\"pathGeneralModules\":\"Histoire du spectacle\""
                + ",\"pathProfessionalModules\":\"Fabrication d'accessoires ; sécurité au plateau\""
                + ",\"pathCompanyObjectives\":\"Tenir les accessoires d'une représentation\",\"pathPeriods\":["
                + "{\"place\":\"CENTRE\",\"start\":\"2026-01-05\",\"end\":\"2026-02-06\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"2026-02-09\",\"end\":\"2026-02-27\"}]");
    }

    private static Map<String, Object> trainees(int count, String moreFields) {
        List<String> rows = new ArrayList<>();
        int cohort = COHORTS.getAndIncrement();
        for (int i = 1; i <= count; i++) {
            rows.add("{\"civility\":\"MME\",\"lastName\":\"Stagiaire" + (char) ('A' + i - 1) + "\",\"firstName\":\"Anna\","
                    + "\"birthDate\":\"" + LocalDate.of(1990, 5, 10 + i % 10).minusDays(cohort) + "\",\"sex\":\"F\",\"nationality\":\"FR\",\"address\":\"" + i + " rue de la Paix\","
                    + "\"postcode\":\"34000\",\"city\":\"Montpellier\",\"entryDate\":\"2026-01-05\",\"remunerationBody\":\"France Travail\","
                    + "\"entryLevel\":\"4\",\"ageBracket\":\"FROM_26_TO_44\",\"unemploymentDuration\":\"UNDER_6_MONTHS\","
                    + "\"prescriber\":\"France Travail\",\"paid\":true" + moreFields + "}");
        }
        return Map.of("trainees", json("[" + String.join(",", rows) + "]"));
    }

    /** Every document the funder requires, as the organisation would upload them (in portage, its contract with the platform). */
    public void uploadContractDocuments(TrainingAction action) {
        uploadContractDocuments(action, transactions.execute(s -> dossiers.get(action.getId()).getFunder().getScheme())
                == fr.formaflow.funder.FundingScheme.PORTAGE);
    }

    /** The same, with or without the signed subcontracting contract with the portage platform. */
    public void uploadContractDocuments(TrainingAction action, boolean portageContract) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> {
            TrainingAction current = dossiers.get(action.getId());
            for (DocumentType type : List.of(DocumentType.SUBCONTRACTING_CONTRACT, DocumentType.SIGNED_AGREEMENT)) {
                documents.upload(current, type, null, type.name() + ".pdf", pdf, ORGANISATION_USER);
            }
            if (portageContract) {
                documents.upload(current, DocumentType.PORTAGE_CONTRACT, null, "contrat-plateforme-signe.pdf", pdf, ORGANISATION_USER);
            }
            for (TrainerAssignment trainer : current.getTrainers()) {
                for (DocumentType type : List.of(DocumentType.TRAINER_CONTRACT, DocumentType.TRAINER_CHARTER, DocumentType.TRAINER_CV,
                        DocumentType.TRAINER_ID)) {
                    documents.upload(current, type, trainer.trainerId(), type.name() + ".pdf", pdf, ORGANISATION_USER);
                }
            }
        });
    }

    public void upload(TrainingAction action, DocumentType type) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> documents.upload(dossiers.get(action.getId()), type, null, type.name() + ".pdf", pdf,
                ORGANISATION_USER));
    }

    /** A real one-page PDF, as a scanner would produce. */
    public static byte[] pdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object json(String text) {
        return SpinValues.jsonValue(text).create();
    }

    // ------------------------------------------------------------------ time

    private static final java.util.regex.Pattern PAYMENT_DATE = java.util.regex.Pattern.compile("paymentDate\\W{1,6}(\\d{4}-\\d{2}-\\d{2})");

    /**
     * A payment is recorded once the transfer is received (never ahead of time): when a form records transfers, the
     * engine's clock moves to the evening of the latest one if it is not there yet.
     */
    private static void waitForTransfers(Map<String, Object> values) {
        StringBuilder text = new StringBuilder(values.toString());
        values.values().stream().filter(v -> v instanceof org.camunda.bpm.engine.variable.value.SerializableValue)
                .map(v -> ((org.camunda.bpm.engine.variable.value.SerializableValue) v).getValueSerialized()).forEach(text::append);
        java.util.regex.Matcher dates = PAYMENT_DATE.matcher(text);
        LocalDate latest = null;
        while (dates.find()) {
            LocalDate date = LocalDate.parse(dates.group(1));
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
        if (latest != null && latest.isAfter(now.toLocalDate())) {
            clock(latest.atTime(18, 0));
        }
    }

    public static void clock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(PARIS).toInstant()));
    }

    /** Runs every job of the dossier's instances that is due at the engine's current time; returns how many ran. */
    public int runDueJobs(TrainingAction action) {
        int ran = 0;
        for (boolean any = true; any; ) {
            any = false;
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(action.getContractNumber()).list()) {
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list()) {
                    if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() == 0) {
                        continue; // cancelled by a job that ran before it (a boundary timer of a task another timer ended)
                    }
                    engine.getManagementService().executeJob(job.getId());
                    ran++;
                    any = true;
                }
            }
            int steps = runAsyncSteps(action);
            ran += steps;
            any = any || steps > 0;
        }
        return ran;
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
