package fr.formaflow.dossier;

import fr.formaflow.platform.French;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Formiris dossier's prestation (seed 001): read by whoever sees the dossier (its organisation, its Formiris
 * validators of the dossier's scope, operators), written by its organisation only.
 */
@RestController
@Tag(name = "Dossiers")
public class PrestationController {

    public record CostTypeLine(String code, String label) {
    }

    public record SessionView(Long id, LocalDate startDate, LocalDate endDate, BigDecimal hours, String venue, String city, int seats,
                              BigDecimal cost, BigDecimal extraCosts, BigDecimal total, String totalLabel, boolean attendanceRecorded) {
    }

    public record PrestationData(String title, String objectives, String methods, String evaluation, String audience,
                                 String prerequisites, String registrationTerms, LocalDate registrationDeadline, String summary,
                                 String content, String sessionCostType, String sessionCostTypeLabel, List<SessionView> sessions,
                                 BigDecimal total, String updatedBy, LocalDateTime updatedAt) {
    }

    /** applies: a Formiris dossier; editable: the user works for its organisation; prestation: null until first saved. */
    public record PrestationView(boolean applies, boolean editable, List<CostTypeLine> sessionCostTypes, PrestationData prestation) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final Prestations prestations;
    private final CurrentUser currentUser;

    public PrestationController(DossierService dossiers, DossierAccess access, Prestations prestations, CurrentUser currentUser) {
        this.dossiers = dossiers;
        this.access = access;
        this.prestations = prestations;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/dossiers/{id}/prestation")
    @Transactional(readOnly = true)
    @Operation(summary = "La prestation Formiris du dossier : onglets Pédagogie, Inscription, Synthèse, Description et Session, "
            + "type de coût des sessions et sessions")
    public PrestationView get(@PathVariable long id) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        return view(action, prestations.of(action).orElse(null));
    }

    @PutMapping("/api/dossiers/{id}/prestation")
    @Transactional
    @Operation(summary = "Enregistrer la prestation et ses sessions (organisme de formation du dossier ; tous les champs obligatoires "
            + "sont vérifiés)")
    public PrestationView save(@PathVariable long id, @RequestBody PrestationContent content) {
        TrainingAction action = access.requireOrganisationOf(dossiers.get(id));
        return view(action, prestations.save(action, content, currentUser.id()));
    }

    private PrestationView view(TrainingAction action, Prestation p) {
        boolean applies = Prestations.applies(action);
        List<CostTypeLine> types = Arrays.stream(SessionCostType.values()).map(t -> new CostTypeLine(t.name(), t.label())).toList();
        boolean editable = applies && (currentUser.isOperator() || currentUser.isIn(action.getOrganisation().getGroupId()));
        return new PrestationView(applies, editable, types, p == null ? null : data(p));
    }

    static PrestationData data(Prestation p) {
        SessionCostType type = p.getSessionCostType();
        List<SessionView> sessions = p.getSessions().stream().map(s -> new SessionView(s.getId(), s.getStartDate(), s.getEndDate(),
                s.getHours(), s.getVenue(), s.getCity(), s.getSeats(), euros(s.getCostCents()), euros(s.getExtraCostsCents()),
                euros(s.totalCents(type)), French.euros(s.totalCents(type)), s.isAttendanceRecorded())).toList();
        return new PrestationData(p.getTitle(), p.getObjectives(), p.getMethods(), p.getEvaluation(), p.getAudience(), p.getPrerequisites(),
                p.getRegistrationTerms(), p.getRegistrationDeadline(), p.getSummary(), p.getContent(), type.name(), type.label(), sessions,
                euros(p.totalCents()), p.getUpdatedBy(), p.getUpdatedAt());
    }

    private static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
