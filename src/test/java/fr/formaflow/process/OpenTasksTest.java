package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The organisation's open tasks of a dossier, as the pages beside Tasklist list them, are the ones the engine offers its group. */
@FormaflowTest
public class OpenTasksTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theOrganisationsTasksAreThoseOfferedToItsGroupClaimedOrNotLatestFirst() {
        check(context);
    }

    /** Also run on PostgreSQL (PostgresDossierTest): the statement is Formaflow's own. */
    public static void check(ApplicationContext context) {
        OpenTasks openTasks = context.getBean(OpenTasks.class);
        TaskService taskService = context.getBean(TaskService.class);
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Tâches de l'organisme");
        String group = action.getOrganisation().getGroupId();
        String submission = driver.task(action, "Task_SubmitDossier").getId();
        assertThat(assertSameTasks(openTasks, taskService, action, group)).containsExactly(submission);

        // claimed by one of its users, a task stays the organisation's
        taskService.setAssignee(submission, DossierDriver.ORGANISATION_USER);
        assertThat(assertSameTasks(openTasks, taskService, action, group)).containsExactly(submission);

        // a step waiting for the funder's validators is theirs, not the organisation's
        driver.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(10));
        assertThat(assertSameTasks(openTasks, taskService, action, group)).isEmpty();
        assertThat(assertSameTasks(openTasks, taskService, action, action.getValidatorGroupId())).hasSize(1);

        // the next step is the organisation's again
        driver.approve(action, "CallActivity_ValidateSubmission");
        assertThat(assertSameTasks(openTasks, taskService, action, group)).containsExactly(driver.task(action, "Task_Contract").getId());

        // nothing of another dossier, nothing for another organisation's group
        assertThat(openTasks.ofOrganisation("AUTRE-" + action.getContractNumber(), group)).isEmpty();
        assertThat(openTasks.ofOrganisation(action.getContractNumber(), group + "-autre")).isEmpty();
    }

    /** The tasks listed, checked against the engine's own query; returns their ids. */
    private static List<String> assertSameTasks(OpenTasks openTasks, TaskService taskService, TrainingAction action, String group) {
        List<OpenTasks.OpenTask> listed = openTasks.ofOrganisation(action.getContractNumber(), group);
        List<Task> expected = engineQuery(taskService, action.getContractNumber(), group);
        assertThat(listed).extracting(OpenTasks.OpenTask::id).containsExactlyInAnyOrderElementsOf(expected.stream().map(Task::getId).toList());
        assertThat(listed).allSatisfy(task -> assertThat(task.name()).isNotBlank());
        List<Date> created = listed.stream().map(task -> taskService.createTaskQuery().taskId(task.id()).singleResult().getCreateTime()).toList();
        for (int i = 1; i < created.size(); i++) {
            assertThat(created.get(i)).isBeforeOrEqualTo(created.get(i - 1));
        }
        return listed.stream().map(OpenTasks.OpenTask::id).toList();
    }

    /** The engine's own task query, as the pages asked it before. */
    private static List<Task> engineQuery(TaskService taskService, String contractNumber, String group) {
        return taskService.createTaskQuery().processInstanceBusinessKey(contractNumber).taskCandidateGroup(group)
                .includeAssignedTasks().orderByTaskCreateTime().desc().list();
    }
}
