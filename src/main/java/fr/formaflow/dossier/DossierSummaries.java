package fr.formaflow.dossier;

import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.trainee.TraineeRepository;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import fr.formaflow.events.Events;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dossier's summary and its rejection history, as every task form shows them. */
@Service
@Transactional
public class DossierSummaries {

    private final Events events;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private final TrainingActionRepository actions;
    private final TraineeRepository trainees;
    private final RejectionRepository rejections;

    public DossierSummaries(TrainingActionRepository actions, TraineeRepository trainees, RejectionRepository rejections, Events events) {
        this.events = events;
        this.actions = actions;
        this.trainees = trainees;
        this.rejections = rejections;
    }

    public TrainingAction dossier(long id) {
        return actions.findById(id).orElseThrow(() -> new NotFoundException("Le dossier n° " + id + " n'existe pas."));
    }

    public void enterPhase(long dossierId, DossierPhase phase) {
        TrainingAction action = dossier(dossierId);
        if (action.getPhase() != phase) {
            action.enter(phase);
            events.publish(action, "dossier.phase_changed", Map.of("phase", phase.name(), "label", phase.label()));
        }
    }

    /** The seed's "résumé de l'action", in a few lines. */
    public String summary(long dossierId) {
        TrainingAction a = dossier(dossierId);
        int enrolled = trainees.findByActionIdOrderByLastNameAscFirstNameAsc(dossierId).size();
        StringBuilder text = new StringBuilder()
                .append("N° de contrat : ").append(a.getContractNumber())
                .append(" — année de programmation ").append(a.getProgrammingYear()).append('\n')
                .append("Intitulé : ").append(a.getTitle()).append('\n')
                .append("Organisme : ").append(a.getOrganisation().getName())
                .append(" (SIRET ").append(a.getOrganisation().getSiret()).append(")\n")
                .append("Financeur : ").append(a.getFunder().getName()).append('\n')
                .append("Étape : ").append(a.getPhase().label()).append('\n');
        if (a.getPlannedStart() != null) {
            text.append("Dates prévues : du ").append(French.date(a.getPlannedStart()))
                    .append(" au ").append(French.date(a.getPlannedEnd()));
            if (a.getRealStart() != null) {
                text.append(" — début réel : ").append(French.date(a.getRealStart()));
            }
            if (a.getRealEnd() != null) {
                text.append(" — fin réelle : ").append(French.date(a.getRealEnd()));
            }
            text.append('\n')
                    .append("Durée : ").append(French.hours(a.getHoursCentre())).append(" en centre, ")
                    .append(French.hours(a.getHoursCompany())).append(" en entreprise").append('\n')
                    .append("Effectif : ").append(a.getTotalTrainees()).append(" stagiaires dont ").append(a.getPaidTrainees())
                    .append(" rémunérés — inscrits : ").append(enrolled).append('\n')
                    .append("Prix total : ").append(French.euros(a.totalPriceCents()))
                    .append(" (").append(French.euros(a.getPriceCentreCents())).append(" en centre, ")
                    .append(French.euros(a.getPriceCompanyCents())).append(" en entreprise)").append('\n')
                    .append("Lieu : ").append(a.getLocation())
                    .append(" — nombre de sous-traitants : ").append(a.getSubcontractorIds().size());
            if (a.getPaymentMode() != null) {
                text.append('\n').append("Fréquence de paiement : ").append(a.getPaymentMode().label());
            }
        }
        return text.toString();
    }

    /** Past rejections of one step, newest first, or null when there are none (the form then hides the block). */
    public String rejections(long dossierId, String step) {
        String text = rejections.findByActionIdAndStepOrderByRejectedAtDescIdDesc(dossierId, step).stream()
                .map(r -> "Le " + WHEN.format(r.getRejectedAt()) + " par " + r.getRejectedBy() + " : " + r.getReason())
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : text;
    }
}
