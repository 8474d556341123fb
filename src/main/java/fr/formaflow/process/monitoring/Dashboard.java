package fr.formaflow.process.monitoring;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceKind;
import fr.formaflow.invoicing.InvoiceRepository;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.Clock;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's live figures, beside Cockpit: dossiers, overdue tasks, invoices waiting, incidents, overdue surveys. */
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
        List<TrainingAction> all = actions.findAll();
        Map<String, Long> byPhase = new LinkedHashMap<>();
        for (DossierPhase phase : DossierPhase.values()) {
            byPhase.put(phase.label(), all.stream().filter(a -> a.getPhase() == phase).count());
        }
        Map<String, Long> byFunder = new TreeMap<>();
        all.forEach(a -> byFunder.merge(a.getFunder().getName(), 1L, Long::sum));
        Map<String, Long> overdue = new TreeMap<>();
        for (Task task : tasks.createTaskQuery().dueBefore(new Date(ClockUtil.getCurrentTime().getTime())).list()) {
            overdue.merge(task.getName(), 1L, Long::sum);
        }
        List<Invoice> open = invoices.findAll().stream().filter(i -> i.getKind() != InvoiceKind.CREDIT_NOTE).toList();
        Map<String, Long> incidents = new TreeMap<>();
        for (Incident incident : runtime.createIncidentQuery().list()) {
            incidents.merge(incident.getActivityId() == null ? incident.getIncidentType() : incident.getActivityId(), 1L, Long::sum);
        }
        long overdueSurveys = all.stream().flatMap(a -> surveys.of(a.getId()).stream())
                .filter(l -> l.status() == SurveySchedule.Status.OVERDUE).count();
        return new Figures(clock.now().toString(), byPhase, byFunder, overdue,
                open.stream().filter(i -> i.getStatus() == InvoiceStatus.DRAFT).count(),
                open.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED).count(),
                open.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED).mapToLong(Invoice::getNetCents).sum(),
                open.stream().filter(i -> i.getStatus() == InvoiceStatus.ACCEPTED).mapToLong(Invoice::getNetCents).sum(),
                incidents, overdueSurveys);
    }
}
