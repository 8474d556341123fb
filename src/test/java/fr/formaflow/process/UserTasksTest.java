package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.support.FormaflowTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One process layer: every user task of every model goes through {@link UserTasks}, and nothing else listens to it. */
@FormaflowTest
class UserTasksTest {

    @Autowired
    UserTasks userTasks;
    @Autowired
    RepositoryService repository;

    @Test
    void everyUserTaskHasAStepAndOnlyTheDispatcherListensToIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int tasks = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                for (UserTask task : Bpmn.readModelFromFile(new File(file.toString())).getModelElementsByType(UserTask.class)) {
                    tasks++;
                    if (task.getCamundaFormRef() == null || !userTasks.serves(task.getCamundaFormRef())) {
                        problems.add(file.getFileName() + "/" + task.getId() + " : aucun TaskStep pour le formulaire " + task.getCamundaFormRef());
                    }
                    if (task.getExtensionElements() != null
                            && !task.getExtensionElements().getChildElementsByType(CamundaTaskListener.class).isEmpty()) {
                        problems.add(file.getFileName() + "/" + task.getId() + " : écouteur de tâche déclaré dans le modèle");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(tasks).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theDeployedDefinitionsCallTheDispatcherOnCreationAndCompletion() {
        int checked = 0;
        for (var definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            ProcessDefinitionEntity parsed = (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definition.getId());
            for (ActivityImpl activity : allActivities(parsed.getActivities())) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    for (String event : List.of("create", "complete")) {
                        assertThat(behavior.getTaskDefinition().getTaskListenersForEvent(event))
                                .as(definition.getKey() + "/" + activity.getId() + " " + event)
                                .filteredOn(l -> l instanceof DelegateExpressionTaskListener d && d.getExpressionText().equals("${userTasks}"))
                                .hasSize(1);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    private static List<ActivityImpl> allActivities(List<ActivityImpl> activities) {
        List<ActivityImpl> all = new ArrayList<>();
        for (ActivityImpl activity : activities) {
            all.add(activity);
            all.addAll(allActivities(activity.getActivities()));
        }
        return all;
    }
}
