package fr.formaflow.demo;

import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.process.FormJson;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A regional Formiris dossier in progress (seed 001), so that Formiris' rules run live in the demo: submitted and approved
 * by the association territoriale's validator,
 * its purchase order issued by Formiris; it waits for the organisation to send the contract step, where the stamped
 * and signed purchase order is still missing (no attendance can be recorded before it is returned). Driven only that
 * far: three task completions at the demo's first start.
 */
@Component
@ConditionalOnExpression("${formaflow.demo-data:false} and ${formaflow.demo.dossiers:true}")
public class DemoFormirisDossier {

    static final String TITLE = "Pédagogie différenciée au collège";
    static final String ORGANISATION = "marie.durand";
    static final String VALIDATOR = "lea.garnier";
    private static final Logger log = LoggerFactory.getLogger(DemoFormirisDossier.class);
    private static final String[][] TRAINERS = {{"Lambert", "Claire", "Pédagogie", "CDI", "Professeure de lettres, formatrice d'enseignants"},
            {"Fontaine", "Marc", "Sciences de l'éducation", "VACATAIRE", "Maître de conférences en sciences de l'éducation"}};

    private final DemoClosedDossier demo;
    private final NewDossiers newDossiers;
    private final TrainingActionRepository actions;
    private final DossierService dossiers;
    private final DocumentService documents;
    private final TransactionTemplate transactions;

    public DemoFormirisDossier(DemoClosedDossier demo, NewDossiers newDossiers, TrainingActionRepository actions, DossierService dossiers,
                               DocumentService documents, TransactionTemplate transactions) {
        this.demo = demo;
        this.newDossiers = newDossiers;
        this.actions = actions;
        this.dossiers = dossiers;
        this.documents = documents;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    public void load() {
        if (actions.findAll().stream().anyMatch(a -> TITLE.equals(a.getTitle()))) {
            return;
        }
        demo.withJobExecutorPaused("Le dossier Formiris de démonstration n'a pas pu être créé", () -> run(YearMonth.now().plusMonths(2)));
    }

    /** The action is planned over {@code first} and the next month; the dossier stops at the contract step. */
    TrainingAction run(YearMonth first) {
        LocalDate start = first.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate end = first.plusMonths(1).atEndOfMonth().with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
        TrainingAction action = demo.as(ORGANISATION, () -> newDossiers.create(new NewDossiers.NewDossier(DemoData.FORMIRIS, null, TITLE, null,
                GeographicScope.REGIONAL)));
        String key = action.getContractNumber();
        Map<String, Object> programme = demo.programme(TITLE, start, end.minusDays(11), end, TRAINERS);
        programme.put("objectives", "Adapter son enseignement à l'hétérogénéité des élèves de collège.");
        programme.put("content", "Module 1 : diagnostic des besoins (70 h). Module 2 : différenciation en classe (70 h). "
                + "Stage d'observation en établissement (70 h).");
        programme.put("formacode", "33054");
        programme.put("location", "Montpellier");
        programme.put("clients", FormJson.rows(List.of(FormJson.row("name", "Collège Saint-Roch", "siret", "77934521400018",
                "address", "12 rue de la Merci, 34000 Montpellier", "email", "direction@college-saint-roch.example"))));
        programme.remove("subcontractors");
        demo.complete(ORGANISATION, key, "Task_SubmitDossier", programme);
        demo.complete(VALIDATOR, key, "CallActivity_ValidateSubmission", Map.of("decision", "APPROVE"));
        demo.complete(VALIDATOR, key, "Task_IssuePurchaseOrder", Map.of("purchaseOrderNumber", "BC-" + start.getYear() + "-0042",
                "purchaseOrderDate", LocalDate.now().toString()));
        uploadTrainerPapers(action.getId());
        log.info("Dossier Formiris de démonstration : {} (bon de commande émis, en attente du bon signé et tamponné)", key);
        return action;
    }

    /** The trainers' CV and ID are on file: only the signed purchase order is missing from the contract step. */
    private void uploadTrainerPapers(long actionId) {
        byte[] pdf = DemoClosedDossier.pdf();
        transactions.executeWithoutResult(s -> {
            TrainingAction action = dossiers.get(actionId);
            for (TrainerAssignment trainer : action.getTrainers()) {
                for (DocumentType type : List.of(DocumentType.TRAINER_CV, DocumentType.TRAINER_ID)) {
                    documents.upload(action, type, trainer.trainerId(), type.label() + ".pdf", pdf, ORGANISATION);
                }
            }
        });
    }
}
