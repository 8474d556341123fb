package fr.formaflow.process;

import fr.formaflow.dossier.DossierSummaries;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.invoicing.AdvanceRecoveries;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.TraineeRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dossier's summary, as every task form and the dossier's page show it: it counts the enrolled trainees. */
@Component
@Transactional
public class DossierSummary {

    private final DossierSummaries summaries;
    private final TraineeRepository trainees;
    private final AdvanceRecoveries recoveries;

    public DossierSummary(DossierSummaries summaries, TraineeRepository trainees, AdvanceRecoveries recoveries) {
        this.summaries = summaries;
        this.trainees = trainees;
        this.recoveries = recoveries;
    }

    /** The seed's "résumé de l'action", in a few lines. */
    public String of(long dossierId) {
        TrainingAction a = summaries.dossier(dossierId);
        int enrolled = trainees.findByActionIdOrderByLastNameAscFirstNameAsc(dossierId).size();
        StringBuilder text = new StringBuilder()
                .append("N° de contrat : ").append(a.getContractNumber())
                .append(" — année de programmation ").append(a.getProgrammingYear()).append('\n')
                .append("Intitulé : ").append(a.getTitle()).append('\n')
                .append("Organisme : ").append(a.getOrganisation().getName())
                .append(" (SIRET ").append(a.getOrganisation().getSiret()).append(")\n")
                .append("Financeur : ").append(a.getFunder().getName())
                .append(a.getScope() == null ? "" : " — formation de périmètre " + a.getScope().label()).append('\n')
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
            if (a.getAdvanceKind() != AdvanceKind.NONE) {
                text.append('\n').append(a.getAdvanceKind().label()).append(" demandée : ")
                        .append(French.percent(a.getAdvancePercent())).append(" du prix");
            }
            recoveries.of(a.getId()).ifPresent(r -> text.append('\n').append("Ordre de reversement n° ").append(r.getNumber())
                    .append(" du ").append(French.date(r.getIssuedAt().toLocalDate())).append(" : ").append(French.euros(r.getGrossCents()))
                    .append(" TTC à reverser à ").append(a.getFunder().getName()).append(" (avance non reprise par le solde)"));
            if (a.isNotOpened()) {
                text.append('\n').append("Ouverture de l'action : Non (déclarée le ").append(French.date(a.getNotOpenedOn()))
                        .append(") — motif : ").append(a.getNotOpenedReason());
            }
        }
        return text.toString();
    }
}
