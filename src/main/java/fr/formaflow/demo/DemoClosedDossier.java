package fr.formaflow.demo;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HalfDayEntry;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.attendance.TraineeMonth;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.FormJson;
import fr.formaflow.process.StepProperties;
import fr.formaflow.process.steps.DeclareMonthStep;
import fr.formaflow.trainee.EvaluationLinks;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo dossier that has lived its whole life: submitted, contracted, run over the last two months with its
 * declarations, invoices and payments, evaluated, closed, paid, and waiting for its trainees' follow-up surveys. It
 * goes through the real process, as its users would, with the engine's clock moved along the action's dates while
 * the job executor is paused; so the reports, the BPF and the dashboard have something to show on a fresh demo.
 */
@Component
@ConditionalOnExpression("${formaflow.demo-data:false} and ${formaflow.demo.dossiers:true}")
public class DemoClosedDossier {

    static final String TITLE = "Régisseur son et lumière";
    static final String INCONSISTENT_TITLE = "Technicien plateau";
    private static final String ORGANISATION = "marie.durand";
    private static final String VALIDATOR = "claire.fabre";
    private static final int TRAINEES = 3;
    private static final Logger log = LoggerFactory.getLogger(DemoClosedDossier.class);

    private final ProcessEngine engine;
    private final DossierService dossiers;
    private final NewDossiers newDossiers;
    private final TrainingActionRepository actions;
    private final DocumentService documents;
    private final TraineeService trainees;
    private final TransactionTemplate transactions;
    private final AttendanceSheets sheets;
    private final AttendanceService attendance;
    private final DeclareMonthStep declarationTask;
    private final EvaluationLinks evaluationLinks;

    public DemoClosedDossier(ProcessEngine engine, EvaluationLinks evaluationLinks, DossierService dossiers, NewDossiers newDossiers, TrainingActionRepository actions, DocumentService documents,
                             TraineeService trainees, TransactionTemplate transactions, AttendanceSheets sheets,
                             AttendanceService attendance, DeclareMonthStep declarationTask) {
        this.sheets = sheets;
        this.attendance = attendance;
        this.declarationTask = declarationTask;
        this.evaluationLinks = evaluationLinks;
        this.engine = engine;
        this.dossiers = dossiers;
        this.newDossiers = newDossiers;
        this.actions = actions;
        this.documents = documents;
        this.trainees = trainees;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void load() {
        if (actions.findAll().stream().anyMatch(a -> TITLE.equals(a.getTitle()))) {
            return;
        }
        withJobExecutorPaused("Le dossier de démonstration clôturé n'a pas pu être créé", () -> {
            // its last month declared on the 2nd and paid twelve days later, both already past
            live(YearMonth.now().minusMonths(LocalDate.now().getDayOfMonth() > 14 ? 2 : 3));
            withInconsistencies(YearMonth.now().minusMonths(1));
        });
    }

    /**
     * Drives demo dossiers with the job executor paused (the demo runs their jobs itself), then restores the engine's
     * clock and executor; a failure is logged with this message and the demo goes on without it.
     */
    void withJobExecutorPaused(String failure, Runnable work) {
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean executing = jobExecutor != null && jobExecutor.isActive();
        if (executing) {
            jobExecutor.shutdown();
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            // the demo goes on without it: the error says which step refused
            log.error(failure, e);
        } finally {
            ClockUtil.reset();
            if (executing) {
                jobExecutor.start();
            }
        }
    }

    /** The action runs over {@code first} and the next month. */
    void live(YearMonth first) {
        YearMonth last = first.plusMonths(1);
        LocalDate start = first.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate end = last.atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
        TrainingAction action = runToExecution(TITLE, start, end, CLOSED_TRAINEES, CLOSED_TRAINERS);
        String key = action.getContractNumber();

        for (YearMonth month : List.of(first, last)) {
            LocalDateTime declared = month.plusMonths(1).atDay(2).atTime(9, 0);
            clock(declared);
            runDueJobs(key);
            boolean lastMonth = month.equals(last);
            uploadSignedSheet(action.getId(), month);
            complete(ORGANISATION, key, "Task_DeclareMonth", Map.of("hours", hours(action.getId(), lastMonth, end), "confirmed", true));
            complete(ORGANISATION, key, "Task_ConfirmInvoice", Map.of("confirmed", true));
            approve(key, "Task_ValidateInvoice");
            LocalDate paid = received(declared.toLocalDate().plusDays(12));
            complete(VALIDATOR, key, "Task_RecordPayment", Map.of("paymentDate", paid.toString(),
                    "paymentReference", "VIR-REGION-" + month));
        }

        // each trainee and trainer evaluates through their single-use link, as they would from their phone
        for (EvaluationLinks.Issued person : transactions.execute(s -> evaluationLinks.issue(dossiers.get(action.getId())))) {
            transactions.executeWithoutResult(s -> evaluationLinks.answer(person.token(), person.kind().equals("TRAINEE")
                    ? new EvaluationLinks.Answer(5, "Très bonne progression, plateau très concret.")
                    : new EvaluationLinks.Answer(null, "Groupe motivé et assidu ; plateau technique complet.")));
        }
        complete(ORGANISATION, key, "Task_Evaluations", Map.of("evaluations", rows(action.getId(), t -> FormJson.row("traineeId", t.getId(),
                "result", "ACQUIRED"))));
        approve(key, "CallActivity_ValidateEvaluations");
        String report = String.valueOf(formVariables(key, "Task_CloseAction").get("pedagogicalReport"));
        complete(ORGANISATION, key, "Task_CloseAction", Map.of("realEnd", end.toString(),
                "surveys", rows(action.getId(), t -> FormJson.row("traineeId", t.getId(), "situation", "JOB_IN_SECTOR", "contract", "CDD_OVER_6_MONTHS")),
                "pedagogicalReport", report + " Objectifs atteints : les trois stagiaires ont validé les deux modules et travaillent "
                        + "déjà en régie."));
        complete(ORGANISATION, key, "Task_ConfirmBalance", Map.of("confirmed", true));
        // both months were invoiced in full: the balance is a « relevé de solde nul », nothing to pay
        approve(key, "CallActivity_ValidateClosure");
        log.info("Dossier de démonstration clôturé : {} ({} au {}), enquêtes de suivi planifiées", key, start, end);
    }

    /**
     * A dossier whose last month was recorded by half-day, with a declaration typed over it that disagrees for two
     * trainees, no signed sheet on file, and a justified absence neither detailed nor proven: what the consistency
     * check reports when the organisation confirms the month; fixed, the month goes through.
     */
    void withInconsistencies(YearMonth month) {
        LocalDate start = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate end = month.plusMonths(2).atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
        TrainingAction action = runToExecution(INCONSISTENT_TITLE, start, end, INCONSISTENT_TRAINEES, INCONSISTENT_TRAINERS);
        clock(month.plusMonths(1).atDay(1).atTime(9, 0));
        runDueJobs(action.getContractNumber());
        transactions.executeWithoutResult(s -> {
            TrainingAction current = dossiers.get(action.getId());
            List<HalfDayEntry> entries = new ArrayList<>();
            List<Schedule.HalfDay> halves = sheets.schedule(current, false).of(month);
            List<Trainee> people = trainees.of(action.getId());
            for (Schedule.HalfDay half : halves) {
                for (Trainee trainee : people) {
                    // the last trainee missed the month's first morning, for a reason still to be proven
                    boolean missed = trainee.getId().equals(people.get(people.size() - 1).getId()) && half.equals(halves.get(0));
                    entries.add(new HalfDayEntry(trainee.getId(), half.day(), half.half(),
                            missed ? HalfDayAttendance.Status.ABSENT_JUSTIFIED : HalfDayAttendance.Status.PRESENT,
                            new BigDecimal("3"), current.getTrainers().get(0).trainerId()));
                }
            }
            sheets.record(current, month, entries, false);
            // then typed over in the declaration: 6 h less for the first trainee, 3 h less for the second
            List<TraineeMonth> typed = new ArrayList<>();
            List<HourLine> lines = attendance.hourLines(action.getId(), month);
            for (int i = 0; i < lines.size(); i++) {
                HourLine line = lines.get(i);
                BigDecimal shift = i == 0 ? new BigDecimal("-6") : i == 1 ? new BigDecimal("-3") : BigDecimal.ZERO;
                typed.add(new TraineeMonth(new HourLine(line.traineeId(), line.centreCompleted().add(shift),
                        line.centreJustified(), line.centreUnjustified(), line.companyCompleted(), line.companyJustified(),
                        line.companyUnjustified()), null, null, null));
            }
            attendance.saveDraft(current, month, typed, "Déclaration de démonstration");
            declarationTask.refresh(current, month);
        });
        log.info("Dossier de démonstration à corriger : {} (déclaration de {} incohérente avec l'émargement)", action.getContractNumber(), month);
    }

    /** Submitted, contracted, trainees entered and validated, opened on its planned start: the months are next. */
    private TrainingAction runToExecution(String title, LocalDate start, LocalDate end, String[][] people, String[][] trainers) {
        LocalDate companyStart = end.minusDays(11);
        clock(start.minusWeeks(6).atTime(9, 0));
        TrainingAction action = as(ORGANISATION, () -> newDossiers.create(new NewDossiers.NewDossier(DemoData.REGION, null, title, null)));
        String key = action.getContractNumber();
        complete(ORGANISATION, key, "Task_SubmitDossier", programme(title, start, companyStart, end, trainers));
        approve(key, "CallActivity_ValidateSubmission");
        uploadContractDocuments(action.getId());
        complete(ORGANISATION, key, "Task_Contract", Map.of("documentsConfirmed", true));
        approve(key, "CallActivity_ValidateContract");
        complete(ORGANISATION, key, "Task_EnterTrainees", trainees(start, people));
        approve(key, "CallActivity_ValidateTrainees");
        complete(ORGANISATION, key, "Task_OpenAction", Map.of("realStart", start.toString(), "paymentMode", "MONTHLY"));
        approve(key, "CallActivity_ValidateOpening");
        return action;
    }

    Map<String, Object> programme(String title, LocalDate start, LocalDate companyStart, LocalDate end, String[][] trainers) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("objectives", "Préparer, installer et exploiter le son et la lumière d'un spectacle vivant.");
        v.put("content", "Module 1 : son (70 h). Module 2 : lumière (70 h). Stage en entreprise (70 h).");
        v.put("formacode", "46352");
        v.put("nature", "ACTION_DE_FORMATION");
        v.put("collective", "true");
        v.put("hoursCentre", 140);
        v.put("hoursCompany", 70);
        v.put("plannedStart", start.toString());
        v.put("plannedEnd", end.toString());
        v.put("location", "Clermont-l'Hérault");
        v.put("totalTrainees", TRAINEES);
        v.put("paidTrainees", TRAINEES);
        v.put("priceCentreEuros", 140 * 7 * TRAINEES + ",00");
        v.put("priceCompanyEuros", 70 * TRAINEES + ",00");
        v.put("unitCostCentreEuros", "7,00");
        v.put("unitCostCompanyEuros", "1,00");
        v.put("periods", FormJson.rows(List.of(FormJson.row("place", "CENTRE", "start", start.toString(), "end", companyStart.minusDays(3).toString()),
                FormJson.row("place", "COMPANY", "start", companyStart.toString(), "end", end.toString()))));
        v.put("clients", FormJson.rows(List.of(FormJson.row("name", "Théâtre des Treize Vents", "siret", "77566820500013",
                "address", "Domaine de Grammont, 34000 Montpellier", "email", "formation@13vents.fr"))));
        v.put("subcontractors", FormJson.rows(List.of(FormJson.row("siret", DemoData.SUBCONTRACTOR_SIRET))));
        // one module each: their hours add up to the 140 h in centre
        v.put("trainers", FormJson.rows(java.util.Arrays.stream(trainers).map(t -> FormJson.row("lastName", t[0], "firstName", t[1],
                "domain", t[2], "status", t[3], "hours", 70, "experience", t[4])).toList()));
        return v;
    }

    /** Each demo dossier has its own trainees and trainers: nobody is in two actions on the same days. */
    private static final String[][] CLOSED_TRAINEES = {{"M", "Moreau", "Julien", "M"}, {"MME", "Petit", "Inès", "F"}, {"M", "Roux", "Mathis", "M"}};
    private static final String[][] INCONSISTENT_TRAINEES = {{"MME", "Lefèvre", "Camille", "F"}, {"M", "Garcia", "Hugo", "M"},
            {"MME", "Nguyen", "Léa", "F"}};
    private static final String[][] CLOSED_TRAINERS = {{"Rocher", "Yves", "Son", "CDD", "15 ans de régie son"},
            {"Meunier", "Jacques", "Lumière", "VACATAIRE", "Éclairagiste"}};
    private static final String[][] INCONSISTENT_TRAINERS = {{"Arnaud", "Benoît", "Machinerie", "CDD", "12 ans de plateau"},
            {"Perrin", "Sophie", "Accroches et levage", "VACATAIRE", "Cordiste de spectacle"}};

    private Map<String, Object> trainees(LocalDate start, String[][] people) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TRAINEES; i++) {
            rows.add(FormJson.row("civility", people[i][0], "lastName", people[i][1], "firstName", people[i][2], "birthDate", "199" + i + "-03-1" + i,
                    "sex", people[i][3], "nationality", "FR", "address", (i + 3) + " rue Foch", "postcode", "34000", "city", "Montpellier",
                    "entryDate", start.toString(), "remunerationBody", "France Travail", "entryLevel", "4", "ageBracket", "FROM_26_TO_44",
                    "unemploymentDuration", "UNDER_6_MONTHS", "prescriber", "France Travail", "paid", true));
        }
        return Map.of("trainees", FormJson.rows(rows));
    }

    /** 70 h in centre each month; in the last month 70 h in company too, and the trainees' exit at the end. */
    private Object hours(long actionId, boolean lastMonth, LocalDate end) {
        return rows(actionId, t -> {
            Map<String, Object> row = FormJson.row("traineeId", t.getId(), "centreCompleted", 70);
            if (lastMonth) {
                row.put("companyCompleted", 70);
                row.put("exitDate", end.toString());
                row.put("exitType", "END_OF_TRAINING");
            }
            return row;
        });
    }

    /** A transfer is recorded once received, never ahead: the engine's clock moves to that day (at the latest today). */
    private static LocalDate received(LocalDate planned) {
        LocalDate day = planned.isAfter(LocalDate.now()) ? LocalDate.now() : planned;
        clock(day.atTime(17, 0));
        return day;
    }

    /** The month's attendance sheet signed by the trainees and the trainer: the proof of the hours about to be confirmed. */
    private void uploadSignedSheet(long actionId, YearMonth month) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> documents.upload(dossiers.get(actionId), DocumentType.ATTENDANCE_SHEET, null, month,
                "Feuille d'émargement signée " + month + ".pdf", pdf, ORGANISATION));
    }

    private void uploadContractDocuments(long actionId) {
        byte[] pdf = pdf();
        transactions.executeWithoutResult(s -> {
            TrainingAction action = dossiers.get(actionId);
            for (DocumentType type : List.of(DocumentType.SUBCONTRACTING_CONTRACT, DocumentType.SIGNED_AGREEMENT)) {
                documents.upload(action, type, null, type.label() + ".pdf", pdf, ORGANISATION);
            }
            for (TrainerAssignment trainer : action.getTrainers()) {
                for (DocumentType type : List.of(DocumentType.TRAINER_CONTRACT, DocumentType.TRAINER_CHARTER, DocumentType.TRAINER_CV,
                        DocumentType.TRAINER_ID)) {
                    documents.upload(action, type, trainer.trainerId(), type.label() + ".pdf", pdf, ORGANISATION);
                }
            }
        });
    }

    private Object rows(long actionId, Function<Trainee, Map<String, Object>> row) {
        return FormJson.rows(transactions.execute(s -> trainees.of(actionId)).stream().map(row).toList());
    }

    private void approve(String key, String taskKey) {
        complete(VALIDATOR, key, taskKey, Map.of("decision", "APPROVE"));
    }

    private Map<String, Object> formVariables(String key, String taskKey) {
        return engine.getTaskService().getVariablesLocal(task(key, taskKey).getId());
    }

    /** Submits the task's form as its user would in Tasklist, then runs the steps that follow it in the background. */
    void complete(String userId, String key, String taskKey, Map<String, Object> values) {
        Task task = task(key, taskKey);
        as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
        runDueJobs(key);
    }

    private Task task(String key, String taskKey) {
        return StepProperties.openTasks(engine, key, taskKey).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("Dossier de démonstration " + key + " : pas de tâche " + taskKey));
    }

    /** The dossier's jobs due at the engine's time (asynchronous steps, timers), as the paused job executor would run them. */
    private void runDueJobs(String key) {
        for (boolean any = true; any; ) {
            any = false;
            for (var instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                        .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list()) {
                    engine.getManagementService().executeJob(job.getId());
                    any = true;
                }
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
                    engine.getManagementService().executeJob(job.getId());
                    any = true;
                }
            }
        }
    }

    <T> T as(String userId, Supplier<T> work) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        engine.getIdentityService().setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    static void clock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(Clock.PARIS).toInstant()));
    }

    static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
