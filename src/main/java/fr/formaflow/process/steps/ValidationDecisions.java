package fr.formaflow.process.steps;

import fr.formaflow.dossier.Rejection;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.DossierTasks;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.StepDecision;
import fr.formaflow.process.TaskWorkspace;
import fr.formaflow.dossier.DossierSummaries;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records funders' decisions: every rejection with its reason, and what a decision changes (dates, invoices). */
@Service
@Transactional
public class ValidationDecisions {

    private final RejectionRepository rejections;
    private final Map<String, StepDecision> decisions;
    private final Clock clock;

    private final TaskWorkspace workspace;
    private final DossierSummaries dossiers;

    public ValidationDecisions(RejectionRepository rejections, List<StepDecision> decisions, Clock clock, TaskWorkspace workspace,
                               DossierSummaries dossiers) {
        this.workspace = workspace;
        this.dossiers = dossiers;
        this.rejections = rejections;
        this.decisions = decisions.stream().collect(Collectors.toMap(StepDecision::key, Function.identity()));
        this.clock = clock;
    }

    String details(StepContext context) {
        StepDecision decision = decisions.get(context.decides());
        return decision == null ? null : decision.details(context);
    }

    void record(StepContext context, ValidationStep.Decision decision, String reason) {
        boolean approved = decision == ValidationStep.Decision.APPROVE;
        if (!approved) {
            // what the validator rejected, so that the next review shows what changed since
            rejections.save(new Rejection(context.dossierId(), DossierTasks.rejectionStep(context),
                    (decision == ValidationStep.Decision.REFUSE ? "Dossier refusé. " : "") + reason, context.userId(), clock.now())
                    .withSnapshot(workspace.snapshot(dossiers.dossier(context.dossierId()))));
        }
        StepDecision effect = decisions.get(context.decides());
        if (effect != null) {
            effect.decide(context, approved, reason);
        }
    }
}
