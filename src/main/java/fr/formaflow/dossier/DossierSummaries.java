package fr.formaflow.dossier;

import fr.formaflow.platform.NotFoundException;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dossier by its id, its phase changes, and its rejection history as every task form shows it. */
@Service
@Transactional
public class DossierSummaries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private final TrainingActionRepository actions;
    private final RejectionRepository rejections;

    private final ApplicationEventPublisher publisher;

    public DossierSummaries(TrainingActionRepository actions, RejectionRepository rejections, ApplicationEventPublisher publisher) {
        this.actions = actions;
        this.rejections = rejections;
        this.publisher = publisher;
    }

    public TrainingAction dossier(long id) {
        return actions.findById(id).orElseThrow(() -> new NotFoundException("Le dossier n° " + id + " n'existe pas."));
    }

    public void enterPhase(long dossierId, DossierPhase phase) {
        TrainingAction action = dossier(dossierId);
        if (action.getPhase() != phase) {
            action.enter(phase);
            publisher.publishEvent(new DossierPhaseChanged(action, phase));
        }
    }

    /** Past rejections of one step, newest first, or null when there are none (the form then hides the block). */
    public String rejections(long dossierId, String step) {
        String text = rejections.findByActionIdAndStepOrderByRejectedAtDescIdDesc(dossierId, step).stream()
                .map(r -> "Le " + WHEN.format(r.getRejectedAt()) + " par " + r.getRejectedBy() + " : " + r.getReason())
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }

    /** « Renvoyé le 05/12/2026 » after the step's latest rejection, or null when it was never rejected. */
    public String returnedNotice(long dossierId, String step) {
        return rejections.findByActionIdAndStepOrderByRejectedAtDescIdDesc(dossierId, step).stream().findFirst()
                .map(r -> "Renvoyé le " + r.getRejectedAt().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .orElse(null);
    }
}
