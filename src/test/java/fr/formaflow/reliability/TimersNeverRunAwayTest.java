package fr.formaflow.reliability;

import static fr.formaflow.support.DossierDriver.clock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.account.Accounts;
import fr.formaflow.apprenticeship.ApprenticeshipContract;
import fr.formaflow.apprenticeship.ApprenticeshipContracts;
import fr.formaflow.apprenticeship.ReimbursementRequests;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.events.Webhook;
import fr.formaflow.events.WebhookRepository;
import fr.formaflow.notification.NotificationRepository;
import fr.formaflow.organisation.Delegation;
import fr.formaflow.organisation.Delegations;
import fr.formaflow.organisation.Onboarding;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.organisation.OrganisationRecord;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Issue 29's guard, for every process of processes/: instances of each one, some back-dated by a year (a dossier
 * entered after its months), are driven with the engine's clock moved far ahead (one year, then five), running every
 * due job one at a time as the job executor would. Whatever the process, a firing never creates a timer due before
 * the clock (a catch-up timer is due now, never earlier), the jobs, activity instances and notifications stay within
 * the figures below, and every instance ends up waiting (nothing left due) or ended. A process file without a
 * scenario here fails the test.
 */
@FormaflowTest
class TimersNeverRunAwayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Per instance of a process: at most this many jobs run and activity instances created, on average, over both jumps
     * (measured: dossier 0/22, step validation 0/4, month 2.5/16, survey 7/6, offer 1/5, revalidation 3/4, onboarding 3/5, contract 1/8,
     * webhook delivery 3/7, deadline reminders 2/3, delegation 4.5/8: its e-mails retry without a mail server). A runaway process exceeds them by orders of magnitude.
     */
    record Bound(int jobs, int activityInstances) {
    }

    static final Map<String, Bound> BOUNDS = Map.ofEntries(
            Map.entry("trainingDossier", new Bound(2, 40)),
            Map.entry("stepValidation", new Bound(1, 6)),
            Map.entry("monthlyDeclaration", new Bound(5, 20)),
            Map.entry("changeRequest", new Bound(2, 6)),
            Map.entry("followUpSurvey", new Bound(8, 10)),
            Map.entry("offerPublication", new Bound(2, 8)),
            Map.entry("organisationRevalidation", new Bound(4, 10)),
            Map.entry("organisationOnboarding", new Bound(3, 8)),
            Map.entry("apprenticeshipContract", new Bound(2, 10)),
            Map.entry("reimbursementRequest", new Bound(2, 6)),
            Map.entry("webhookDelivery", new Bound(6, 12)),
            Map.entry("deadlineReminders", new Bound(3, 6)),
            Map.entry("delegationRequest", new Bound(5, 12)));
    /** Notifications sent over both jumps (measured: 4 alone, 12 after DossierProcessTest, + 8 for the two delegations; the loop: 3 366 in 40 s). */
    static final int MAX_NOTIFICATIONS = 28;
    /** A runaway process is stopped here rather than looping forever. */
    static final int MAX_JOBS_PER_JUMP = 1_000;

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    NotificationRepository notifications;

    final Set<String> before = new HashSet<>();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        // the other tests' CFA acts for nobody, whatever happened above
        Organisation cfa = context.getBean(OrganisationRepository.class).findBySiret(DemoData.CFA_SIRET).orElseThrow();
        Delegations delegations = context.getBean(Delegations.class);
        delegations.openAsDelegate(cfa).forEach(open -> delegations.end(cfa, open.getDelegating().getSiret(), "sophie.martin"));
    }

    @Test
    void everyProcessFileHasAScenarioAndABound() {
        File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).isNotEmpty();
        Set<String> keys = Arrays.stream(files).map(f -> Bpmn.readModelFromFile(f).getModelElementsByType(Process.class)
                .iterator().next().getId()).collect(Collectors.toSet());
        assertThat(BOUNDS.keySet()).as("a bound (and a scenario in the test below) for every BPMN of processes/")
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void noProcessRunsAwayWhenTheClockJumpsOneYearThenFiveYearsAhead() throws Exception {
        engine.getHistoryService().createHistoricProcessInstanceQuery().list().forEach(p -> before.add(p.getId()));
        // an organisation's yearly revalidation runs once per organisation, maybe started by another test: drive it too
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("organisationRevalidation").list()
                .forEach(p -> before.remove(p.getId()));
        DossierDriver driver = new DossierDriver(context);
        long notificationsBefore = notifications.count();

        // a receiver of the organisation's events that is never up (loopback, nothing listens): deliveries retry
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        var constructor = Webhook.class.getDeclaredConstructor(String.class, String.class, String.class, LocalDateTime.class, String.class);
        constructor.setAccessible(true);
        String organisationGroup = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Sonde").getOrganisation().getGroupId();
        Webhook webhook = context.getBean(WebhookRepository.class).save(constructor.newInstance(organisationGroup,
                "http://127.0.0.1:9/formaflow", "secret-de-test-0123456789", LocalDateTime.of(2025, 12, 1, 9, 0), "marie.durand"));

        // a dossier that runs to its follow-up surveys (months, invoices, closure), in time
        TrainingAction onTime = driver.runToExecution("MONTHLY", 3, 2);
        driver.runToFollowUp(onTime);
        // a dossier entered a year after its months (January and February 2026, opened in February 2027), with a change request
        clock(LocalDateTime.of(2027, 2, 20, 9, 0));
        TrainingAction late = driver.runToExecution("MONTHLY", 3, 2);
        driver.requestChange(late, ChangeRequest.Kind.TRAINEE, "Inscription d'une stagiaire de plus.");
        // an access request nobody decides, an apprenticeship contract funded with a reimbursement request
        context.getBean(Onboarding.class).request(new Onboarding.AccessRequest("77712345600009", "OCCITANIE",
                new Accounts.NewUser("garde.temps@exemple.fr", "Garde", "Temps"),
                new OrganisationRecord("77712345600009", "Organisme 77712345600009", "76341234534", "Occitanie", true, false, false, false,
                        "Hérault", "5 place du Marché", "34700", "Lodève", "04 67 44 10 10", "contact@exemple.fr", "Garde Temps")));
        ApprenticeshipContracts contracts = context.getBean(ApprenticeshipContracts.class);
        ApprenticeshipContract contract = driver.as("julien.morel", () -> contracts.receive(new ApprenticeshipContracts.NewContract(null,
                DemoData.CFA_SIRET, "034202702999001", "Lopez", "Inès", "Clinique du Parc", "48300123650002",
                "Diplôme d'État d'aide-soignant", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 15), LocalDate.of(2028, 1, 31),
                "7 000,00", "8 200,00", "500,00", true, true)));
        Task review = driver.as("julien.morel", () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(contract.getOpcoActionNumber()).singleResult());
        driver.as("julien.morel", () -> {
            engine.getFormService().submitTaskForm(review.getId(), Map.of("decision", "ACCEPT"));
            return null;
        });
        clock(LocalDateTime.of(2027, 2, 20, 10, 0));
        driver.as("sophie.martin", () -> context.getBean(ReimbursementRequests.class).requestReimbursement(contract.getId(), "FA-GARDE-1", "350,00",
                new ReimbursementRequests.Attachment("facture.pdf", DossierDriver.pdf()), null));
        assertThat(webhook.getId()).isNotNull();
        // a delegation request nobody decides (it expires), and an accepted delegation nobody ends (it waits)
        Delegations delegations = context.getBean(Delegations.class);
        var organisations = context.getBean(OrganisationRepository.class);
        Organisation cfa = organisations.findBySiret(DemoData.CFA_SIRET).orElseThrow();
        delegations.request(cfa, DemoData.SUBCONTRACTOR_SIRET, "sophie.martin", LocalDateTime.of(2027, 2, 20, 10, 0));
        Delegation accepted = delegations.request(cfa, DemoData.TITULAR_SIRET, "sophie.martin", LocalDateTime.of(2027, 2, 20, 10, 0));
        Task delegationReview = engine.getTaskService().createTaskQuery().processInstanceId(accepted.getProcessInstanceId()).singleResult();
        driver.as("marie.durand", () -> {
            engine.getFormService().submitTaskForm(delegationReview.getId(), Map.of("decision", "ACCEPT"));
            return null;
        });

        Map<String, Integer> jobs = new TreeMap<>();
        LocalDateTime base = LocalDateTime.of(2027, 2, 20, 12, 0);
        for (LocalDateTime jump : List.of(base.plusYears(1), base.plusYears(6))) {
            clock(jump);
            runEveryDueJob(jobs);
            assertEverythingWaitsOrEnded();
        }

        Map<String, Long> activities = new TreeMap<>();
        Map<String, Integer> instances = new TreeMap<>();
        Set<String> started = new HashSet<>();
        for (HistoricProcessInstance instance : ours()) {
            started.add(instance.getProcessDefinitionKey());
            instances.merge(instance.getProcessDefinitionKey(), 1, Integer::sum);
            activities.merge(instance.getProcessDefinitionKey(), engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).count(), Long::sum);
        }
        System.out.println("Timer guard figures: instances " + instances + ", jobs " + jobs + ", activity instances " + activities + ", notifications "
                + (notifications.count() - notificationsBefore));
        assertThat(started).as("every process had at least one instance in the scenarios").containsAll(BOUNDS.keySet());
        for (Map.Entry<String, Bound> bound : BOUNDS.entrySet()) {
            int count = instances.getOrDefault(bound.getKey(), 0);
            assertThat(jobs.getOrDefault(bound.getKey(), 0)).as("jobs run of %s (all: %s)", bound.getKey(), jobs)
                    .isLessThanOrEqualTo(bound.getValue().jobs() * count);
            assertThat(activities.getOrDefault(bound.getKey(), 0L)).as("activity instances of %s (all: %s)", bound.getKey(), activities)
                    .isLessThanOrEqualTo((long) bound.getValue().activityInstances() * count);
        }
        assertThat(notifications.count() - notificationsBefore).as("notifications").isLessThanOrEqualTo(MAX_NOTIFICATIONS);
    }

    /** Runs due jobs one at a time, as the job executor would; after each, no new timer is due before the clock. */
    private void runEveryDueJob(Map<String, Integer> counts) {
        Date now = ClockUtil.getCurrentTime();
        Set<String> known = engine.getManagementService().createJobQuery().list().stream().map(Job::getId).collect(Collectors.toSet());
        int ran = 0;
        for (List<Job> due = dueJobs(now); !due.isEmpty(); due = dueJobs(now)) {
            Job job = due.get(0);
            counts.merge(job.getProcessDefinitionKey(), 1, Integer::sum);
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException failed) {
                // a failed delivery: the engine counts a retry down and sets its next try from the clock
            }
            ran++;
            assertThat(ran).as("jobs run at %s, by process: %s", now, counts).isLessThanOrEqualTo(MAX_JOBS_PER_JUMP);
            for (Job timer : engine.getManagementService().createJobQuery().timers().list()) {
                if (known.add(timer.getId()) && ours(timer)) {
                    assertThat(timer.getDuedate()).as("timer created by a firing of %s at %s", job.getProcessDefinitionKey(), now)
                            .isAfterOrEqualTo(now);
                }
            }
        }
    }

    private List<Job> dueJobs(Date now) {
        // executable: retries left, and due (asynchronous continuations have no due date)
        return engine.getManagementService().createJobQuery().executable().list().stream().filter(this::ours).toList();
    }

    /** Jobs of the instances this test started, and the timer that starts the deadline reminders. */
    private boolean ours(Job job) {
        return job.getProcessInstanceId() == null ? "deadlineReminders".equals(job.getProcessDefinitionKey())
                : !before.contains(job.getProcessInstanceId());
    }

    private List<HistoricProcessInstance> ours() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
                .filter(p -> !before.contains(p.getId())).toList();
    }

    private void assertEverythingWaitsOrEnded() {
        Date now = ClockUtil.getCurrentTime();
        assertThat(dueJobs(now)).as("nothing is left due at %s", now).isEmpty();
        Map<String, Date> timers = new HashMap<>();
        engine.getManagementService().createJobQuery().timers().list().stream().filter(this::ours)
                .forEach(t -> timers.put(t.getProcessDefinitionKey() + ":" + t.getId(), t.getDuedate()));
        assertThat(timers).as("no timer is due before the clock").allSatisfy((id, due) -> assertThat(due).isAfterOrEqualTo(now));
        for (HistoricProcessInstance instance : ours()) {
            if (instance.getEndTime() == null) {
                assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                        .as("%s is still there, waiting", instance.getProcessDefinitionKey()).isEqualTo(1);
            }
        }
    }
}
