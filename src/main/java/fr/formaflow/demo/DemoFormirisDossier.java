package fr.formaflow.demo;

import fr.formaflow.attendance.TeacherAssignment;
import fr.formaflow.attendance.TeacherAssignmentRepository;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.PrestationContent;
import fr.formaflow.dossier.Prestations;
import fr.formaflow.dossier.SessionCostType;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.funder.GeographicScope;
import fr.formaflow.process.FormJson;
import java.math.BigDecimal;
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
 * far: three task completions at the demo's first start. Its prestation has two sessions (the first one over, so that its
 * attendance certificates can be deposited once the purchase order is returned), and Formiris' register of assignments
 * holds the seed's teacher "123456" in the pedagogical unit "1234".
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
    private final Prestations prestations;
    private final TeacherAssignmentRepository register;

    public DemoFormirisDossier(DemoClosedDossier demo, NewDossiers newDossiers, TrainingActionRepository actions, DossierService dossiers,
                               DocumentService documents, TransactionTemplate transactions, Prestations prestations,
                               TeacherAssignmentRepository register) {
        this.demo = demo;
        this.newDossiers = newDossiers;
        this.actions = actions;
        this.dossiers = dossiers;
        this.documents = documents;
        this.transactions = transactions;
        this.prestations = prestations;
        this.register = register;
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
        prestation(action.getId(), start);
        log.info("Dossier Formiris de démonstration : {} (bon de commande émis, en attente du bon signé et tamponné)", key);
        return action;
    }

    /** Two sessions, each with its own dates, place, seats and costs; the seed's teacher and unit in Formiris' register. */
    private void prestation(long actionId, LocalDate start) {
        LocalDate past = LocalDate.now().minusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        PrestationContent content = new PrestationContent(TITLE, "Adapter son enseignement à l'hétérogénéité des élèves de collège.",
                "Apports théoriques, analyse de séances filmées, ateliers de conception de séquences.", "Questionnaire de fin de session.",
                "Enseignants de collège de l'enseignement catholique", "Enseigner en collège", "Inscription par le chef d'établissement.",
                null, "Deux sessions de deux jours : diagnostiquer les besoins, puis différencier en classe.",
                "Jour 1 : diagnostic des besoins. Jour 2 : différenciation en classe, outils et évaluation.", SessionCostType.PER_PARTICIPANT,
                List.of(new PrestationContent.SessionEntry(null, past, past.plusDays(1), new BigDecimal("12"), "Collège Saint-Roch", "Montpellier",
                                15, new BigDecimal("180.00"), new BigDecimal("35.50")),
                        new PrestationContent.SessionEntry(null, start, start.plusDays(1), new BigDecimal("12"), "Lycée Saint-Joseph", "Nîmes",
                                12, new BigDecimal("190.00"), null)));
        transactions.executeWithoutResult(s -> prestations.save(dossiers.get(actionId), content, ORGANISATION));
        if (register.countByFunderCode(DemoData.FORMIRIS) == 0) {
            register.saveAll(List.of(new TeacherAssignment(DemoData.FORMIRIS, "123456", "Anne Martin", "1234", "Collège Saint-Roch"),
                    new TeacherAssignment(DemoData.FORMIRIS, "234567", "Luc Petit", "1234", "Collège Saint-Roch"),
                    new TeacherAssignment(DemoData.FORMIRIS, "345678", "Nadia Benali", "5678", "Lycée Saint-Joseph")));
        }
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
