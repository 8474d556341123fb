package fr.formaflow.trainee;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The surveys of a dossier's trainees and their state; the overdue ones of every dossier the user may see. */
@RestController
@Tag(name = "Enquêtes", description = "Enquêtes à la sortie, à 6 mois et à 1 an : dates, échéances, états")
public class SurveyController {

    public record SurveyLine(long traineeId, String trainee, LocalDate exitDate, String stage, String stageLabel, LocalDate surveyDate,
                             LocalDate deadline, String status, String statusLabel, String situation, String situationLabel,
                             String contract, String contractLabel) {

        static SurveyLine of(SurveyStatuses.Line l) {
            return new SurveyLine(l.traineeId(), l.trainee(), l.exitDate(), l.stage().name(), l.stage().label(), l.surveyDate(),
                    l.deadline(), l.status().name(), l.status().label(), l.situation(),
                    l.situation() == null ? null : SurveyAnswers.situationLabel(l.situation()), l.contract(),
                    SurveyAnswers.contractLabel(l.contract()));
        }
    }

    public record OverdueLine(long dossierId, String contractNumber, String title, String organisation, SurveyLine survey) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final SurveyStatuses statuses;

    public SurveyController(DossierService dossiers, DossierAccess access, SurveyStatuses statuses) {
        this.dossiers = dossiers;
        this.access = access;
        this.statuses = statuses;
    }

    @GetMapping("/api/dossiers/{id}/surveys")
    @Transactional(readOnly = true)
    @Operation(summary = "Les enquêtes des stagiaires du dossier : planifiée, à saisir, en retard ou saisie")
    public List<SurveyLine> ofDossier(@PathVariable long id) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return statuses.of(action.getId()).stream().map(SurveyLine::of).toList();
    }

    @GetMapping("/api/surveys/overdue")
    @Transactional(readOnly = true)
    @Operation(summary = "Les enquêtes de suivi en retard, sur tous les dossiers visibles (le financeur voit celles de ses dossiers)")
    public List<OverdueLine> overdue() {
        List<OverdueLine> lines = new ArrayList<>();
        for (TrainingAction a : access.visibleDossiers()) {
            statuses.of(a.getId()).stream().filter(l -> l.status() == SurveySchedule.Status.OVERDUE)
                    .forEach(l -> lines.add(new OverdueLine(a.getId(), a.getContractNumber(), a.getTitle(), a.getOrganisation().getName(),
                            SurveyLine.of(l))));
        }
        return lines;
    }
}
