package fr.formaflow.web;

import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.DeclarationCsv;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HalfDayEntry;
import fr.formaflow.attendance.HoursSummary;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.process.steps.DeclareMonthStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attendance by half-day, the month's spreadsheet (export and import) and the hours summary of a dossier. */
@RestController
@Tag(name = "Émargement et heures", description = "Émargement par demi-journée, import/export CSV, tableau récapitulatif")
public class AttendanceController {

    public record AttendanceMonth(String month, List<Schedule.HalfDay> schedule, List<HalfDayAttendance> entries) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final AttendanceSheets sheets;
    private final DeclarationCsv csv;
    private final HoursSummary summary;
    private final DeclareMonthStep declarationTask;

    public AttendanceController(DossierService dossiers, DossierAccess access, AttendanceSheets sheets, DeclarationCsv csv,
                                HoursSummary summary, DeclareMonthStep declarationTask) {
        this.declarationTask = declarationTask;
        this.dossiers = dossiers;
        this.access = access;
        this.sheets = sheets;
        this.csv = csv;
        this.summary = summary;
    }

    @GetMapping("/api/dossiers/{id}/hours")
    @Transactional(readOnly = true)
    @Operation(summary = "Tableau récapitulatif du réalisé horaire : par stagiaire et par mois, et taux de réalisation")
    public HoursSummary.Summary hours(@PathVariable long id) {
        return summary.of(access.requireVisible(dossiers.get(id)));
    }

    @GetMapping("/api/dossiers/{id}/months/{month}/attendance")
    @Transactional(readOnly = true)
    @Operation(summary = "Les demi-journées prévues du mois et l'émargement déjà saisi")
    public AttendanceMonth attendance(@PathVariable long id, @PathVariable String month) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        YearMonth m = month(month);
        return new AttendanceMonth(month, sheets.schedule(action, holidaysAllowed(action)).of(m), sheets.of(action, m));
    }

    @PutMapping("/api/dossiers/{id}/months/{month}/attendance")
    @Transactional
    @Operation(summary = "Enregistrer l'émargement du mois (remplace celui déjà saisi) ; les heures du mois en sont tirées")
    public Map<String, Integer> recordAttendance(@PathVariable long id, @PathVariable String month,
                                                 @RequestBody List<HalfDayEntry> entries) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        int recorded = sheets.record(action, month(month), entries, holidaysAllowed(action)).size();
        declarationTask.refresh(action, month(month));
        return Map.of("recorded", recorded);
    }

    @GetMapping("/api/dossiers/{id}/months/{month}/declaration.csv")
    @Transactional(readOnly = true)
    @Operation(summary = "La déclaration du mois en CSV (une ligne par stagiaire), pré-remplie")
    public ResponseEntity<String> export(@PathVariable long id, @PathVariable String month) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"declaration-" + action.getContractNumber() + "-" + month + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.export(action, month(month)));
    }

    @PostMapping(path = "/api/dossiers/{id}/months/{month}/declaration.csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    @Operation(summary = "Importer la déclaration du mois depuis un CSV : tout ou rien, chaque erreur avec sa ligne et sa colonne")
    public Map<String, Integer> importMonth(@PathVariable long id, @PathVariable String month, @RequestParam("file") MultipartFile file)
            throws IOException {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            int imported = csv.importMonth(action, month(month), reader);
            declarationTask.refresh(action, month(month));
            return Map.of("imported", imported);
        }
    }

    /** The funder's rules, as decided for this dossier when its process started. */
    private boolean holidaysAllowed(TrainingAction action) {
        FunderRules rules = dossiers.rulesOf(action);
        return rules != null && rules.holidayAttendanceAllowed();
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleException("Le mois « " + value + " » n'est pas valide (format attendu : 2026-01).");
        }
    }
}
