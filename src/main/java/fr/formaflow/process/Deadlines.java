package fr.formaflow.process;

import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * Every deadline a user has to meet — each open task's due date, from the funder's rules: validations, the monthly
 * declaration's confirmation date, surveys, invoices — and the e-mail reminder sent a few days before it passes.
 */
@Service
public class Deadlines {

    /** How many days before a due date its reminder goes out. */
    static final int REMINDER_DAYS = 3;
    static final String REMINDED = "deadlineReminderSent";

    public record Deadline(String taskId, String task, String contractNumber, String title, LocalDate due, long daysLeft, boolean overdue) {
    }

    private final TaskService tasks;
    private final Notifications notifications;
    private final Clock clock;

    public Deadlines(TaskService tasks, Notifications notifications, Clock clock) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The open tasks with a due date that the user, or one of the user's groups, has to do; the nearest first. */
    public List<Deadline> of(String userId, List<String> groups, boolean operator) {
        TaskQuery query = tasks.createTaskQuery().dueAfter(new Date(0));
        if (!operator) {
            query = groups.isEmpty() ? query.taskAssignee(userId) : query.or().taskAssignee(userId).taskCandidateGroupIn(groups).endOr();
        }
        return query.list().stream().map(this::deadline).sorted(Comparator.comparing(Deadline::due)).toList();
    }

    /** Sends each task due within the next days its one reminder, to the members of the groups that can do it. */
    public int remind() {
        LocalDate today = clock.today();
        Date limit = date(today.plusDays(REMINDER_DAYS + 1));
        int sent = 0;
        for (Task task : tasks.createTaskQuery().dueAfter(date(today)).dueBefore(limit).list()) {
            if (tasks.getVariableLocal(task.getId(), REMINDED) != null) {
                continue;
            }
            Deadline deadline = deadline(task);
            Object dossierId = tasks.getVariable(task.getId(), "dossierId");
            String subject = "Échéance le " + French.date(deadline.due()) + " : " + deadline.task()
                    + (deadline.contractNumber() == null ? "" : " — " + deadline.contractNumber());
            String body = "Bonjour,\n\nla tâche « " + deadline.task() + " »" + (deadline.title() == null ? "" : " du dossier "
                    + deadline.contractNumber() + " (" + deadline.title() + ")") + " est à faire au plus tard le "
                    + French.date(deadline.due()) + ", dans Tasklist.\n\nFormaflow";
            for (var link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    notifications.sendAndEmail(link.getGroupId(), dossierId instanceof Number n ? n.longValue() : null, subject, body);
                }
            }
            tasks.setVariableLocal(task.getId(), REMINDED, today.toString());
            sent++;
        }
        return sent;
    }

    private Deadline deadline(Task task) {
        LocalDate due = LocalDate.ofInstant(task.getDueDate().toInstant(), Clock.PARIS);
        long daysLeft = ChronoUnit.DAYS.between(clock.today(), due);
        return new Deadline(task.getId(), task.getName(), string(tasks.getVariable(task.getId(), "contractNumber")),
                string(tasks.getVariable(task.getId(), "actionTitle")), due, daysLeft, daysLeft < 0);
    }

    private Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(Clock.PARIS).toInstant());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
