package fr.formaflow.process.delegates;

import fr.formaflow.process.Deadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** « Envoyer les rappels d'échéance » (deadline-reminders.bpmn, every morning). */
@Component("sendDeadlineReminders")
public class SendDeadlineReminders implements JavaDelegate {

    private final Deadlines deadlines;

    public SendDeadlineReminders(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("remindersSent", deadlines.remind());
    }
}
