package fr.formaflow.compliance;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.DecisionTables;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the funder asks for at each step of a dossier, with what is already there: the items are data
 * (funder-checklists.dmn per funding scheme and step; the contract's documents from funder-rules.dmn), the checks of
 * each item are here. Shown on the dossier page from the start, and in each task's « Dossier » panel.
 */
@Service
@Transactional(readOnly = true)
public class FunderChecklists {

    public record Item(String label, boolean present) { }

    public record StepChecklist(String step, String label, List<Item> items) { }

    /** One item of a step's checklist; document is the type of paper it asks for, null for an information item. */
    public record Requirement(Item item, DocumentType document) { }

    static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("SUBMISSION", "Dépôt du dossier");
        STEPS.put("CONTRACT", "Contractualisation");
        STEPS.put("TRAINEES", "Stagiaires");
        STEPS.put("OPENING", "Ouverture");
        STEPS.put("MONTH", "Déclarations mensuelles");
        STEPS.put("EVALUATION", "Évaluations");
        STEPS.put("CLOSURE", "Clôture");
    }

    /** The information items of funder-checklists.dmn, and how to tell they are there. */
    private record Field(String label, Predicate<Dossier> present) { }

    private record Dossier(TrainingAction action, List<Trainee> trainees, List<MonthlyDeclaration> months, List<Document> documents,
                           java.util.function.BooleanSupplier monthsSigned) { }

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("PROGRAMME", new Field("Intitulé, objectifs et contenu de l'action", d -> filled(d.action().getTitle())
                    && filled(d.action().getObjectives()) && filled(d.action().getContent()))),
            Map.entry("FORMACODE", new Field("Formacode", d -> filled(d.action().getFormacode()))),
            Map.entry("PERIODS", new Field("Périodes en centre et en entreprise", d -> !d.action().getPeriods().isEmpty())),
            Map.entry("CLIENTS", new Field("Client(s) de l'action", d -> !d.action().getClients().isEmpty())),
            Map.entry("TRAINERS", new Field("Formateur(s)", d -> !d.action().getTrainers().isEmpty())),
            Map.entry("PRICE", new Field("Prix et coûts horaires", d -> d.action().getPriceCentreCents() != null)),
            Map.entry("TRAINEES", new Field("Liste des stagiaires", d -> !d.trainees().isEmpty())),
            Map.entry("REAL_START", new Field("Date de début réelle", d -> d.action().getRealStart() != null)),
            // the consistency check's own rule, so that the checklist and the gate never disagree
            Map.entry("SIGNED_SHEETS", new Field("Émargement signé de chaque mois confirmé (feuille signée ou signatures électroniques)",
                    d -> d.monthsSigned().getAsBoolean())),
            Map.entry("EVALUATIONS", new Field("Validation des acquis de chaque stagiaire", d -> !d.trainees().isEmpty()
                    && d.trainees().stream().allMatch(t -> t.getEvaluationResult() != null))),
            Map.entry("EXITS", new Field("Sortie de chaque stagiaire", d -> !d.trainees().isEmpty()
                    && d.trainees().stream().allMatch(Trainee::hasExited))),
            Map.entry("EXIT_SURVEYS", new Field("Enquête à la sortie de chaque stagiaire", d -> !d.trainees().isEmpty()
                    && d.trainees().stream().allMatch(t -> t.getExitSituation() != null))),
            Map.entry("PEDAGOGICAL_REPORT", new Field("Bilan pédagogique", d -> filled(d.action().getPedagogicalReport()))));

    private static final String CHECKLIST = "funderChecklist";

    /**
     * Answers cached per deployed version, scheme and step: the table depends on nothing else, and evaluating it (FEEL
     * tests, history) at each task's creation was a sixth of the time Formaflow adds to the engine.
     */
    private final DecisionTables decisions;
    private final DocumentService documents;
    private final DossierService dossiers;
    private final TraineeService trainees;
    private final AttendanceService attendance;
    private final ConsistencyCheck consistency;

    public FunderChecklists(DecisionTables decisions, DocumentService documents, DossierService dossiers, TraineeService trainees,
                            AttendanceService attendance, ConsistencyCheck consistency) {
        this.consistency = consistency;
        this.decisions = decisions;
        this.documents = documents;
        this.dossiers = dossiers;
        this.trainees = trainees;
        this.attendance = attendance;
    }

    /** Every step's checklist, from the start of the dossier. */
    public List<StepChecklist> of(TrainingAction action) {
        Dossier dossier = dossier(action);
        return STEPS.entrySet().stream().map(step -> new StepChecklist(step.getKey(), step.getValue(),
                        items(dossier, codes(action, step.getKey()))))
                .filter(step -> !step.items().isEmpty()).toList();
    }

    /**
     * The step's checklist as a task's « Dossier » panel shows it, computed now: the only place a task shows what the
     * funder asks for, so that nothing on the screen can disagree with it.
     */
    public List<Requirement> requirements(TrainingAction action, String step) {
        List<String> codes = codes(action, step);
        return codes.isEmpty() ? List.of() : requirements(dossier(action), codes);
    }

    private List<Item> items(Dossier dossier, List<String> codes) {
        return requirements(dossier, codes).stream().map(Requirement::item).toList();
    }

    private List<Requirement> requirements(Dossier dossier, List<String> codes) {
        List<Requirement> items = new ArrayList<>();
        for (String code : codes) {
            Field field = FIELDS.get(code);
            if (field != null) {
                items.add(new Requirement(new Item(field.label(), field.present().test(dossier)), null));
                continue;
            }
            DocumentType type = DocumentType.valueOf(code);
            List<String> missing = documents.missing(dossier.action(), Set.of(type), dossier.documents());
            items.add(new Requirement(new Item(type.label() + (type.perTrainer() ? " (pour chaque formateur)" : ""), missing.isEmpty()), type));
        }
        return items;
    }

    private List<String> codes(TrainingAction action, String step) {
        if ("CONTRACT".equals(step)) {
            FunderRules rules = dossiers.rulesOf(action);
            return rules == null ? List.of() : DocumentService.required(action, rules.requiredDocuments()).stream().map(Enum::name).toList();
        }
        String scheme = action.getFunder().getScheme().name();
        return decisions.collect(CHECKLIST, Map.of("scheme", scheme, "step", step), "item");
    }

    private Dossier dossier(TrainingAction action) {
        return new Dossier(action, trainees.of(action.getId()), attendance.declarations(action.getId()), documents.of(action),
                () -> consistency.confirmedMonthsSigned(action));
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
