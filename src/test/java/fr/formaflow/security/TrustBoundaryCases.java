package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import fr.formaflow.trainee.TraineeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The trust boundary, attacked from the models: for every user task of every BPMN file in processes/, a live task is
 * created, then its candidate, a user of another organisation and a validator of another funder try to write every
 * process-variable name the models and the steps use, through every engine REST path that takes variables (task
 * variables and local variables, process-instance variables, complete, resolve, extra fields of submit-form), and to
 * change the task's candidates and assignee. Every attempt must be refused (400, 403 or 404) and leave the process's
 * variables, the task's candidates and its assignee exactly as they were. A new user task is covered without anyone
 * remembering; the test fails if one is left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrustBoundaryCases {

    static final String PASSWORD = "formaflow";
    static final Path PROCESSES = Path.of("processes");
    /** The processes about one dossier: their business key is its contract number. */
    static final Set<String> DOSSIER_PROCESSES = Set.of("trainingDossier", "stepValidation", "monthlyDeclaration", "followUpSurvey", "changeRequest");
    static final Set<Integer> REFUSED = Set.of(400, 403, 404);
    /** How many tasks are attacked at once. */
    static final int ATTACKERS = 3;
    /** Names every attack tries, besides those read from the models. */
    static final Set<String> CONTROL_NAMES = Set.of("dossierId", "funderGroup", "organisationGroup", "organisationAdminGroup", "rules",
            "scheme", "decision", "approved", "contractId", "requestId", "offerId", "changeRequestId", "month", "traineeId", "delegationId", "accepted");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?![\\w'\"])");
    private static final Pattern TIMER_VARIABLE = Pattern.compile("<bpmn:time(?:Date|Duration|Cycle)[^>]*>\\$\\{([^}]*)}<");
    /** A variable in a timer's expression: not a bean, a method or the execution. */
    private static final Pattern TIMER_ARGUMENT = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)(?![\\w.(])");
    private static final Pattern IN_OUT = Pattern.compile("camunda:(?:in|out) (?:source|target)=\"(\\w+)\"");
    private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "true", "false", "null", "and", "or", "not", "eq", "ne", "empty");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;

    WebClient http;
    TrainingAction dossier;
    Set<String> names;
    /** The variables timers read, which Formaflow's service tasks set before a task is reached: a year ahead here. */
    Set<String> timerVariables;
    long traineeId;
    /** A CFA's pending request to manage the dossier's organisation: the subject of the delegation process. */
    long delegationId;

    @BeforeEach
    void setUp() throws IOException {
        if (dossier != null) {
            return;
        }
        http = new WebClient("http://localhost:" + port);
        // a Région dossier in execution: its January is declared, so the month's timers and the survey's trainee exist
        DossierDriver driver = new DossierDriver(context);
        dossier = driver.runToFirstInvoice();
        ClockUtil.reset();
        dossier = driver.reload(dossier);
        traineeId = context.getBean(TraineeService.class).of(dossier.getId()).get(0).getId();
        var organisations = context.getBean(fr.formaflow.organisation.OrganisationRepository.class);
        delegationId = context.getBean(fr.formaflow.organisation.DelegationRepository.class).save(new fr.formaflow.organisation.Delegation(
                organisations.findBySiret(DemoData.CFA_SIRET).orElseThrow(), dossier.getOrganisation(), java.time.LocalDateTime.now(), "sophie.martin"))
                .getId();
        names = new TreeSet<>(CONTROL_NAMES);
        timerVariables = new TreeSet<>();
        for (Path file : bpmnFiles()) {
            String xml = Files.readString(file);
            Matcher expression = EXPRESSION.matcher(xml);
            while (expression.find()) {
                Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("\"[^\"]*\"|'[^']*'", " "));
                while (identifier.find()) {
                    if (!NOT_VARIABLES.contains(identifier.group(1))) {
                        names.add(identifier.group(1));
                    }
                }
            }
            Matcher timer = TIMER_VARIABLE.matcher(xml);
            while (timer.find()) {
                Matcher argument = TIMER_ARGUMENT.matcher(timer.group(1));
                while (argument.find()) {
                    if (!NOT_VARIABLES.contains(argument.group(1))) {
                        timerVariables.add(argument.group(1));
                    }
                }
            }
            Matcher mapping = IN_OUT.matcher(xml);
            while (mapping.find()) {
                names.add(mapping.group(1));
            }
        }
    }

    static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** Every (process, user task) of processes/. */
    static Map<String, List<UserTask>> userTasks() throws IOException {
        Map<String, List<UserTask>> tasks = new TreeMap<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                tasks.computeIfAbsent(processOf(task).getId(), key -> new ArrayList<>()).add(task);
            }
        }
        tasks.values().forEach(list -> list.sort(Comparator.comparing(UserTask::getId)));
        return tasks;
    }

    private static Process processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyUserTaskOfEveryProcessRefusesEveryWriteOfControlData() throws IOException {
        Map<String, List<UserTask>> all = userTasks();
        List<String> attacked = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        // each task has a process instance of its own: tasks are attacked a few at a time, like users working at once
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        try {
            Map<String, Future<List<String>>> attacks = new LinkedHashMap<>();
            for (Map.Entry<String, List<UserTask>> process : all.entrySet()) {
                for (UserTask userTask : process.getValue()) {
                    String task = process.getKey() + "/" + userTask.getId();
                    expected.add(task);
                    attacks.put(task, attackers.submit(() -> attack(process.getKey(), userTask)));
                }
            }
            for (Map.Entry<String, Future<List<String>>> attack : attacks.entrySet()) {
                breaches.addAll(attack.getValue().get());
                attacked.add(attack.getKey());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("An attack failed: " + e.getCause(), e.getCause());
        } finally {
            attackers.shutdownNow();
        }
        assertThat(breaches).isEmpty();
        assertThat(attacked).containsExactlyElementsOf(expected);
        // the models do have user tasks: every file of processes/ with people in it is attacked
        assertThat(all.keySet()).contains("trainingDossier", "stepValidation", "monthlyDeclaration", "followUpSurvey", "changeRequest",
                "offerPublication", "apprenticeshipContract", "reimbursementRequest", "organisationOnboarding", "delegationRequest");
    }

    /** Authorization checks do not look for revokes (application.yaml): a revoke would be ignored, so none may exist. */
    @Test
    void formaflowGrantsAndNeverRevokes() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isPositive();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE).count()).isZero();
    }

    @Test
    void nobodyEditsTheirCamundaProfileOutsideFormaflow() {
        for (String user : List.of("marie.durand", "sophie.martin", "claire.fabre", "julien.morel")) {
            String before = engine.getIdentityService().createUserQuery().userId(user).singleResult().getEmail();
            HttpResponse<String> profile = http.call(user, PASSWORD, "PUT", "/engine-rest/user/" + user + "/profile",
                    "{\"id\":\"" + user + "\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"pirate@example.org\"}");
            HttpResponse<String> credentials = http.call(user, PASSWORD, "PUT", "/engine-rest/user/" + user + "/credentials",
                    "{\"password\":\"Autre-mot-de-passe-42\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
            assertThat(profile.statusCode()).as(user + " profile").isIn(REFUSED);
            assertThat(credentials.statusCode()).as(user + " credentials").isIn(REFUSED);
            assertThat(engine.getIdentityService().createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(before);
            assertThat(engine.getIdentityService().checkPassword(user, PASSWORD)).isTrue();
        }
    }

    /** Creates the task as Formaflow would reach it, attacks it, and returns every attempt that was not refused or changed something. */
    private List<String> attack(String processKey, UserTask userTask) {
        String businessKey = DOSSIER_PROCESSES.contains(processKey) ? dossier.getContractNumber() : "ATTAQUE-" + userTask.getId();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("organisationGroup", dossier.getOrganisation().getGroupId());
        variables.put("organisationAdminGroup", dossier.getOrganisation().getGroupId() + "_admins");
        variables.put("funderGroup", dossier.getFunder().getValidatorGroupId());
        variables.put("month", "2026-01");
        variables.put("traineeId", traineeId);
        variables.put("delegationId", delegationId);
        Date nextYear = Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(365)));
        timerVariables.forEach(name -> variables.put(name, nextYear));
        ProcessInstance instance;
        // the instances of one dossier share its rows: they are created and deleted one at a time, only attacked at once
        synchronized (this) {
            instance = engine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey(businessKey)
                    .setVariables(variables).startBeforeActivity(userTask.getId()).execute(true, true);
        }
        List<String> breaches = new ArrayList<>();
        try {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(userTask.getId()).singleResult();
            if (task == null) {
                return List.of(processKey + "/" + userTask.getId() + " : aucune tâche créée");
            }
            String before = state(instance.getId(), task.getId());
            List<String> candidateGroups = candidateGroups(task.getId());
            String candidate = memberOf(candidateGroups);
            Set<String> declared = declaredFields(userTask.getCamundaFormRef());
            breaches.addAll(tryEverything(candidate, task, instance.getId(), declared, true));
            for (String outsider : outsiders(candidateGroups)) {
                breaches.addAll(tryEverything(outsider, task, instance.getId(), declared, false));
            }
            String after = state(instance.getId(), task.getId());
            if (!after.equals(before)) {
                breaches.add(processKey + "/" + userTask.getId() + " : l'état a changé\n  avant " + before + "\n  après " + after);
            }
        } finally {
            synchronized (this) {
                engine.getRuntimeService().deleteProcessInstance(instance.getId(), "attaques terminées", true, true);
            }
        }
        return breaches.stream().map(b -> processKey + "/" + userTask.getId() + " : " + b).toList();
    }

    private List<String> tryEverything(String user, Task task, String instanceId, Set<String> declared, boolean oneByOne) {
        List<String> refusedNot = new ArrayList<>();
        String taskPath = "/engine-rest/task/" + task.getId();
        String modifications = "{\"modifications\":{" + String.join(",", names.stream().map(n -> "\"" + n + "\":{\"value\":\"pirate\",\"type\":\"String\"}").toList()) + "}}";
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("POST " + taskPath + "/variables", modifications);
        attempts.put("POST " + taskPath + "/localVariables", modifications);
        attempts.put("POST /engine-rest/process-instance/" + instanceId + "/variables", modifications);
        attempts.put("POST " + taskPath + "/complete", "{\"variables\":" + modifications.substring(17, modifications.length() - 1) + "}");
        attempts.put("POST " + taskPath + "/resolve", "{\"variables\":" + modifications.substring(17, modifications.length() - 1) + "}");
        attempts.put("POST " + taskPath + "/identity-links", "{\"groupId\":\"org_pirates\",\"type\":\"candidate\"}");
        attempts.put("POST " + taskPath + "/assignee", "{\"userId\":\"julien.morel\"}");
        attempts.put("POST " + taskPath + "/delegate", "{\"userId\":\"julien.morel\"}");
        attempts.put("POST /engine-rest/process-instance/" + instanceId + "/modification",
                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"" + task.getTaskDefinitionKey() + "\"}]}");
        for (String name : names) {
            if (oneByOne || CONTROL_NAMES.contains(name)) {
                attempts.put("PUT " + taskPath + "/variables/" + name, "{\"value\":\"pirate\",\"type\":\"String\"}");
                attempts.put("PUT " + taskPath + "/localVariables/" + name, "{\"value\":\"pirate\",\"type\":\"String\"}");
                attempts.put("PUT /engine-rest/process-instance/" + instanceId + "/variables/" + name, "{\"value\":\"pirate\",\"type\":\"String\"}");
            }
            // a user who is no candidate is refused whatever the form carries: the control names are enough to show it
            if (!declared.contains(name) && (oneByOne || CONTROL_NAMES.contains(name))) {
                attempts.put("POST " + taskPath + "/submit-form #" + name, "{\"variables\":{\"" + name + "\":{\"value\":\"pirate\",\"type\":\"String\"}}}");
            }
        }
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            String[] request = attempt.getKey().split(" ");
            HttpResponse<String> response = http.call(user, PASSWORD, request[0], request[1], attempt.getValue());
            if (!REFUSED.contains(response.statusCode())) {
                refusedNot.add(user + " " + attempt.getKey() + " → " + response.statusCode() + " " + response.body());
            }
        }
        return refusedNot;
    }

    /** What nobody but Formaflow may change: the instance's variables, the task's candidates, assignee and local values. */
    private String state(String instanceId, String taskId) {
        Map<String, Object> variables = new TreeMap<>();
        engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instanceId).list()
                .forEach(v -> variables.put(v.getName() + "@" + (v.getTaskId() == null ? "process" : "task"), v.getValue()));
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        List<String> links = engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId()).sorted().toList();
        return variables + " links=" + links + " assignee=" + (task == null ? "(terminée)" : task.getAssignee());
    }

    private List<String> candidateGroups(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    private String memberOf(List<String> groups) {
        for (String group : groups) {
            // a demo user (other tests add users with their own passwords)
            for (User member : engine.getIdentityService().createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                if (engine.getIdentityService().checkPassword(member.getId(), PASSWORD)) {
                    return member.getId();
                }
            }
        }
        throw new AssertionError("No user is a candidate of groups " + groups);
    }

    /** A user of another organisation and a validator of another funder. */
    private List<String> outsiders(List<String> candidateGroups) {
        List<String> outsiders = new ArrayList<>();
        for (List<String> choices : List.of(List.of("sophie.martin", "marie.durand"), List.of("julien.morel", "claire.fabre"))) {
            choices.stream().filter(user -> engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                    .noneMatch(g -> candidateGroups.contains(g.getId()))).findFirst().ifPresent(outsiders::add);
        }
        return outsiders;
    }

    private Set<String> declaredFields(String formRef) {
        return formRef == null ? Set.of() : context.getBean(fr.formaflow.process.TaskBoundary.class).forms().get(formRef).writable();
    }
}
