package fr.formaflow.process.monitoring;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.InvoiceRepository;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.Clock;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.trainee.SurveyStatuses;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's live figures, beside Cockpit: dossiers, overdue tasks, invoices waiting, incidents, overdue surveys.
 * Counted by the database: the page asks every 30 s, and at 100 000 dossiers loading them was out of the question.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    public record Figures(String at, Map<String, Long> dossiersByPhase, Map<String, Long> dossiersByFunder,
                          Map<String, Long> overdueTasksByStep, long invoicesToConfirm, long invoicesAwaitingFunder,
                          long invoicesAwaitingFunderCents, long invoicesAcceptedUnpaidCents, Map<String, Long> incidentsByActivity,
                          long overdueSurveys) {
    }

    private final CurrentUser currentUser;
    private final TrainingActionRepository actions;
    private final InvoiceRepository invoices;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final SurveyStatuses surveys;
    private final Clock clock;

    public Dashboard(CurrentUser currentUser, TrainingActionRepository actions, InvoiceRepository invoices, TaskService tasks,
                     RuntimeService runtime, SurveyStatuses surveys, Clock clock) {
        this.currentUser = currentUser;
        this.actions = actions;
        this.invoices = invoices;
        this.tasks = tasks;
        this.runtime = runtime;
        this.surveys = surveys;
        this.clock = clock;
    }

    public Figures figures() {
        if (!currentUser.isOperator()) {
            currentUser.id();
            throw new AccessDeniedException("Le tableau de bord est réservé aux opérateurs.");
        }
        Map<DossierPhase, Long> phases = actions.countByPhase().stream()
                .collect(Collectors.toMap(TrainingActionRepository.PhaseCount::phase, TrainingActionRepository.PhaseCount::dossiers));
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (DossierPhase phase : DossierPhase.values()) {
            byPhase.put(phase.label(), phases.getOrDefault(phase, 0L));
        }
        Map<String, Long> byFunder = new TreeMap<>();
        actions.countByFunder().forEach(count -> byFunder.put(count.funder(), count.dossiers()));
        Map<String, Long> overdue = new TreeMap<>();
        for (Task task : tasks.createTaskQuery().dueBefore(new Date(ClockUtil.getCurrentTime().getTime())).list()) {
            overdue.merge(task.getName(), 1L, Long::sum);
        }
        Map<String, Long> incidents = new TreeMap<>();
        for (Incident incident : runtime.createIncidentQuery().list()) {
            incidents.merge(incident.getActivityId() == null ? incident.getIncidentType() : incident.getActivityId(), 1L, Long::sum);
        }
        return new Figures(clock.now().toString(), byPhase, byFunder, overdue,
                invoices.countWithoutCreditNotes(InvoiceStatus.DRAFT),
                invoices.countWithoutCreditNotes(InvoiceStatus.ISSUED),
                invoices.sumNetCentsWithoutCreditNotes(InvoiceStatus.ISSUED),
                invoices.sumNetCentsWithoutCreditNotes(InvoiceStatus.ACCEPTED),
                incidents, surveys.overdueEverywhere());
    }
}
