package fr.formaflow.process.steps;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.notification.Notifications;
import fr.formaflow.platform.French;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.StepDecision;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * « Valider les attestations de présence »: where the funder's rules ask for it (Formiris, seed 001), the month's
 * hours and their proofs are validated before any invoice can be prepared. The validator sees each trainee's hours,
 * the signed sheets and the justified absences; a rejection reopens the month (the BPMN), an approval tells the
 * organisation that it may invoice.
 */
@Component
public class AttendanceValidation implements StepDecision {

    private final DossierService dossiers;
    private final AttendanceService attendance;
    private final TraineeService trainees;
    private final DocumentService documents;
    private final ConsistencyCheck consistency;
    private final Notifications notifications;

    public AttendanceValidation(DossierService dossiers, AttendanceService attendance, TraineeService trainees, DocumentService documents,
                                ConsistencyCheck consistency, Notifications notifications) {
        this.dossiers = dossiers;
        this.attendance = attendance;
        this.trainees = trainees;
        this.documents = documents;
        this.consistency = consistency;
        this.notifications = notifications;
    }

    @Override
    public String key() {
        return "ATTENDANCE";
    }

    @Override
    public String details(StepContext context) {
        TrainingAction action = dossiers.get(context.dossierId());
        YearMonth month = DeclareMonthStep.month(context);
        Map<Long, String> names = trainees.of(action.getId()).stream().collect(Collectors.toMap(Trainee::getId, Trainee::fullName));
        StringBuilder text = new StringBuilder("Attestations de présence " + French.ofMonth(month) + " :");
        for (HourLine line : attendance.hourLines(action.getId(), month)) {
            text.append("\n• ").append(names.getOrDefault(line.traineeId(), "Stagiaire n° " + line.traineeId())).append(" : ")
                    .append(French.hours(line.centreCompleted())).append(" réalisées en centre, ")
                    .append(French.hours(line.companyCompleted())).append(" en entreprise, ")
                    .append(French.hours(line.centreJustified().add(line.companyJustified()))).append(" d'absence justifiée, ")
                    .append(French.hours(line.centreUnjustified().add(line.companyUnjustified()))).append(" d'absence non justifiée");
        }
        List<String> sheets = documents.of(action).stream()
                .filter(d -> d.getType() == DocumentType.ATTENDANCE_SHEET && month.toString().equals(d.getMonth()))
                .map(fr.formaflow.documents.Document::getFilename).toList();
        text.append("\nFeuilles d'émargement signées versées : ").append(sheets.isEmpty() ? "aucune (signatures électroniques)" : String.join(", ", sheets));
        String absences = consistency.justifiedAbsences(action, List.of(month));
        return absences == null ? text.toString() : text + "\n\n" + absences;
    }

    @Override
    public void decide(StepContext context, boolean approved, String reason) {
        if (!approved) {
            return; // the reason is recorded with the rejection and the month reopened for correction
        }
        TrainingAction action = dossiers.get(context.dossierId());
        YearMonth month = DeclareMonthStep.month(context);
        notifications.sendAndEmail(action.getOrganisation().getGroupId(), action.getId(),
                "Attestations de présence " + French.ofMonth(month) + " validées — dossier " + action.getContractNumber(),
                action.getFunder().getName() + " a validé les attestations de présence " + French.ofMonth(month)
                        + " : la demande de paiement du mois peut être établie.");
    }
}
