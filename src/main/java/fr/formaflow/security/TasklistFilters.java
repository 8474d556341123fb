package fr.formaflow.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role. One filter serves every organisation (or every funder): its query
 * uses the current user's groups, and only the role's groups are authorized to read it.
 */
@Component
public class TasklistFilters {

    public static final String MY_TASKS = "Mes tâches";
    public static final String ORGANISATION_TASKS = "Tâches de mon organisme";
    public static final String TO_VALIDATE = "À valider";
    public static final String OVERDUE = "En retard";

    /**
     * The task-local variable Formaflow writes on a task that comes back after a funder's rejection (never a form field,
     * never read by a step): Tasklist shows it on the task's card.
     */
    public static final String RETURNED = "returnedNotice";

    /**
     * Shown as columns in Tasklist's list: the dossier's number, title and organisation, and whether the task came back
     * rejected.
     */
    private static final List<Map<String, String>> DOSSIER_COLUMNS = List.of(
            Map.of("name", "contractNumber", "label", "N° de contrat"),
            Map.of("name", "actionTitle", "label", "Intitulé"),
            Map.of("name", "organisationName", "label", "Organisme"),
            Map.of("name", RETURNED, "label", "Retour"));

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    /**
     * Creates the role filters if they do not exist yet (or brings their order and columns up to date); returns them by
     * name. Tasklist opens the first filter a user may read, lowest priority first: an organisation's user lands on its
     * organisation's tasks, a funder's validator on « À valider ».
     */
    public Map<String, String> ensureFilters() {
        return Map.of(
                MY_TASKS, ensure(MY_TASKS, 0, "Les tâches qui me sont attribuées",
                        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
                ORGANISATION_TASKS, ensure(ORGANISATION_TASKS, -20, "Toutes les tâches de mon organisme, attribuées ou non",
                        groupTasks()),
                TO_VALIDATE, ensure(TO_VALIDATE, -20, "Les étapes que mon financeur doit valider",
                        groupTasks()),
                OVERDUE, ensure(OVERDUE, 10, "Les tâches dont l'échéance est dépassée",
                        groupTasks().dueBeforeExpression("${now()}")));
    }

    private TaskQuery groupTasks() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    }

    private String ensure(String name, int priority, String description, TaskQuery query) {
        Map<String, Object> properties = Map.of(
                "priority", priority,
                "description", description,
                "refresh", true,
                "variables", DOSSIER_COLUMNS);
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!properties.equals(existing.getProperties())) {
                // a database created by an earlier version: same filter, today's order and columns
                return filterService.saveFilter(existing.setProperties(properties)).getId();
            }
            return existing.getId();
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(properties);
        return filterService.saveFilter(filter).getId();
    }
}
