package fr.formaflow.web;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.dossier.ChangeRequest;
import fr.formaflow.dossier.ChangeRequests;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierSearch;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.RejectionRepository;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.process.DossierSummary;
import fr.formaflow.process.OpenTasks;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Formaflow's API of dossiers: the same visibility as Tasklist (own organisation, own funder, operators). */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers", description = "Actions de formation : création, état, tâches, pièces, factures")
public class DossierController {

    public record DossierLine(long id, String contractNumber, String title, int programmingYear, String organisation,
                              String funder, String phase) {
    }

    public record TaskLine(String id, String name, String assignee, Date due) {
    }

    public record RejectionLine(String step, String reason, String rejectedBy, LocalDateTime rejectedAt) {
    }

    public record InvoiceLine(long id, String number, String kind, String status, String months, long netCents, long vatCents,
                              long grossCents, String rejectionReason, LocalDate paidOn, String paymentReference, String kindLabel,
                              String statusLabel) {
    }

    public record TrainerLine(long id, String name, BigDecimal hours) {
    }

    public record MonthLine(String month, String status, LocalDate deadline) {
    }

    public record DossierDetail(long id, String contractNumber, String title, int programmingYear, String organisation,
                                String funder, String scope, fr.formaflow.funder.FunderHelp help, String phase, String phaseLabel,
                                String summary, List<TaskLine> tasks,
                                List<RejectionLine> rejections, List<TrainerLine> trainers, List<MonthLine> months,
                                List<DocumentController.DocumentLine> documents,
                                List<InvoiceLine> invoices) {
    }

    /** A page of the search: the dossiers, how many match in all, the page number (from 0) and size. */
    public record DossierPage(List<DossierLine> dossiers, long total, int page, int size) {
    }

    public record ChangeRequestBody(ChangeRequest.Kind kind, String description) {
    }

    private final DossierService dossiers;
    private final NewDossiers newDossiers;
    private final ChangeRequests changeRequests;
    private final TrainingActionRepository actions;
    private final DossierAccess access;
    private final CurrentUser currentUser;
    private final DossierSummary summary;
    private final RejectionRepository rejections;
    private final AttendanceService attendance;
    private final DocumentService documents;
    private final InvoiceService invoices;
    private final OpenTasks openTasks;
    private final TrainerRepository trainers;
    private final DossierSearch search;

    public DossierController(DossierService dossiers, NewDossiers newDossiers, ChangeRequests changeRequests, TrainingActionRepository actions, DossierAccess access, CurrentUser currentUser,
                             DossierSummary summary, RejectionRepository rejections, AttendanceService attendance,
                             DocumentService documents, InvoiceService invoices, OpenTasks openTasks,
                             TrainerRepository trainers, DossierSearch search) {
        this.dossiers = dossiers;
        this.newDossiers = newDossiers;
        this.changeRequests = changeRequests;
        this.actions = actions;
        this.access = access;
        this.currentUser = currentUser;
        this.summary = summary;
        this.rejections = rejections;
        this.attendance = attendance;
        this.documents = documents;
        this.invoices = invoices;
        this.openTasks = openTasks;
        this.trainers = trainers;
        this.search = search;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un dossier (organisme de formation) : démarre son processus")
    public DossierLine create(@RequestBody NewDossiers.NewDossier request) {
        return line(newDossiers.create(request));
    }

    @GetMapping
    @Operation(summary = "Les dossiers visibles par l'utilisateur, par année de programmation")
    public List<DossierLine> list() {
        List<TrainingAction> visible = currentUser.isOperator() ? actions.findAll() : actions.findVisibleTo(currentUser.groups());
        return visible.stream().map(DossierController::line).toList();
    }

    @GetMapping("/search")
    @Operation(summary = "Rechercher parmi les dossiers visibles (n° de contrat, intitulé, organisme ; étape, année), "
            + "les plus récents d'abord, page par page (100 dossiers au plus par page)")
    public DossierPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String phase,
                              @RequestParam(required = false) String year, @RequestParam(required = false) String page,
                              @RequestParam(required = false) String size) {
        DossierSearch.Result result = search.search(new DossierSearch.Criteria(q, phase, year, page, size));
        return new DossierPage(result.dossiers().stream().map(DossierController::line).toList(), result.total(), result.page(),
                result.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Un dossier : étape, tâches ouvertes, motifs de rejet, mois, pièces et factures")
    public DossierDetail get(@PathVariable long id) {
        TrainingAction a = access.requireVisible(dossiers.get(id));
        List<TaskLine> tasks = openTasks.of(a.getContractNumber()).stream()
                .map(t -> new TaskLine(t.id(), t.name(), t.assignee(), t.due())).toList();
        return new DossierDetail(a.getId(), a.getContractNumber(), a.getTitle(), a.getProgrammingYear(), a.getOrganisation().getName(),
                a.getFunder().getName(), a.getScope() == null ? null : a.getScope().label(), a.getFunder().helpFor(a.getScope()),
                a.getPhase().name(), a.getPhase().label(), summary.of(id), tasks,
                rejections.findByActionIdOrderByRejectedAtDescIdDesc(id).stream()
                        .map(r -> new RejectionLine(r.getStep(), r.getReason(), r.getRejectedBy(), r.getRejectedAt())).toList(),
                a.getTrainers().stream().map(t -> new TrainerLine(t.trainerId(),
                        trainers.findById(t.trainerId()).map(Trainer::fullName).orElse("?"), t.hours())).toList(),
                attendance.declarations(id).stream().map(d -> new MonthLine(d.getMonth(), d.getStatus().name(), d.getDeadline())).toList(),
                documents.of(a).stream().map(DocumentController::line).toList(),
                invoices.of(id).stream().map(i -> new InvoiceLine(i.getId(), i.getNumber(), i.getKind().name(), i.getStatus().name(),
                        i.getMonths(), i.getNetCents(), i.getVatCents(), i.getGrossCents(), i.getRejectionReason(), i.getPaidOn(),
                        i.getPaymentReference(), i.getKind().label(), i.getStatus().label())).toList());
    }

    @PostMapping("/{id}/change-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Demander au financeur d'ajouter ou retirer un stagiaire ou un formateur (après l'ouverture)")
    public long requestChange(@PathVariable long id, @RequestBody ChangeRequestBody body) {
        return changeRequests.requestChangeAfterOpening(id, body.kind(), body.description()).getId();
    }

    private static DossierLine line(TrainingAction a) {
        return new DossierLine(a.getId(), a.getContractNumber(), a.getTitle(), a.getProgrammingYear(), a.getOrganisation().getName(),
                a.getFunder().getName(), a.getPhase().label());
    }
}
