package fr.formaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.TraineeMonth;
import fr.formaflow.compliance.ConsistencyCheck;
import fr.formaflow.compliance.Finding;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.process.steps.DeclareMonthStep;
import fr.formaflow.reports.Bpf;
import fr.formaflow.reports.Bpfs;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo, as `./mvnw spring-boot:run` loads it: a dossier that has lived its whole life, for the reports and the BPF. */
@SpringBootTest(properties = {"formaflow.demo.dossiers=true", "spring.datasource.url=jdbc:h2:mem:formaflow-demo;DB_CLOSE_DELAY=-1;"
        + "LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE,YEAR,MONTH"})
@ActiveProfiles("test")
class DemoClosedDossierTest {

    @Autowired
    TrainingActionRepository actions;
    @Autowired
    InvoiceService invoices;
    @Autowired
    SurveyStatuses surveys;
    @Autowired
    Bpfs bpfs;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    RuntimeService runtime;

    @Test
    @Transactional
    void aClosedDemoDossierWaitsForItsFollowUpSurveysAndAddsUpInTheBpf() {
        TrainingAction action = actions.findAll().stream().filter(a -> DemoClosedDossier.TITLE.equals(a.getTitle())).findFirst().orElseThrow();
        assertThat(action.getPhase()).isIn(DossierPhase.FOLLOW_UP, DossierPhase.CLOSED);
        assertThat(action.getRealEnd()).isBefore(YearMonth.now().atDay(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(action.getContractNumber())
                .processDefinitionKey("followUpSurvey").count()).as("one follow-up per trainee").isEqualTo(3);

        // both months invoiced and paid on past dates, each backed by its signed sheet; the balance a nil statement
        assertThat(invoices.of(action.getId())).hasSize(3).filteredOn(i -> !i.isNil()).hasSize(2)
                .allMatch(i -> i.getStatus() == InvoiceStatus.PAID && i.getPaidOn().isBefore(java.time.LocalDate.now().plusDays(1)));
        assertThat(invoices.of(action.getId())).filteredOn(i -> i.isNil()).singleElement()
                .satisfies(i -> assertThat(i.getNumber()).isNull()).satisfies(i -> assertThat(i.getStatus()).isEqualTo(InvoiceStatus.ACCEPTED));
        assertThat(surveys.of(action.getId())).extracting(SurveyStatuses.Line::stage).isNotEmpty();
        assertThat(surveys.of(action.getId())).filteredOn(l -> l.stage() != SurveyStatuses.Stage.EXIT)
                .hasSize(6).allMatch(l -> l.status() == SurveySchedule.Status.SCHEDULED);

        int year = action.getRealEnd().getYear();
        Bpf bpf = bpfs.of(organisations.findBySiret(DemoData.TITULAR_SIRET).orElseThrow(), year);
        long paid = actions.findAll().stream().filter(a -> a.getOrganisation().getSiret().equals(DemoData.TITULAR_SIRET))
                .flatMap(a -> invoices.of(a.getId()).stream()).filter(Invoice::counts)
                .filter(i -> i.getConfirmedAt().getYear() == year).mapToLong(Invoice::getNetCents).sum();
        assertThat(paid).isPositive();
        assertThat(bpf.recordedProductsCents()).isEqualTo(paid);
        assertThat(bpf.recordedTrainees()).isGreaterThanOrEqualTo(3);
    }

    @Autowired
    ConsistencyCheck consistency;
    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentService documents;
    @Autowired
    TransactionTemplate transactions;

    /** The done-when of the compliance issue: three findings in plain French, fixed by the organisation, then the step goes through. */
    @Test
    void aDemoDossierHasThreeInconsistenciesThatTheOrganisationFixes() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = actions.findAll().stream().filter(a -> DemoClosedDossier.INCONSISTENT_TITLE.equals(a.getTitle()))
                .findFirst().orElseThrow();
        List<Finding> onDemand = transactions.execute(s -> consistency.check(driver.reload(action)));
        assertThat(onDemand).filteredOn(Finding::isBlocking).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("la feuille d'émargement compte", "la déclaration mensuelle"));

        Map<String, Object> typed = driver.formVariables(action, "Task_DeclareMonth");
        String month = String.valueOf(context.getBean(org.camunda.bpm.engine.TaskService.class)
                .getVariable(driver.task(action, "Task_DeclareMonth").getId(), "month"));
        assertThatThrownBy(() -> driver.submitMonth("marie.durand", action, month, Map.of("hours", typed.get("hours"), "confirmed", true)))
                .hasMessageContaining("ne peut pas être confirmée tant que le contrôle de cohérence signale")
                .hasMessageContaining("Camille LEFÈVRE, ").hasMessageContaining("Hugo GARCIA, ")
                .hasMessageContaining("ne sont appuyées par aucune signature. Versez la feuille d'émargement signée du mois")
                .hasMessageContaining("Léa NGUYEN, ").hasMessageContaining("d'absence justifiée déclarées, dont ")
                .hasMessageContaining("aucun justificatif n'est au dossier");

        // fixed: the signed sheet is uploaded and the declaration takes the sheets' hours
        transactions.executeWithoutResult(s -> documents.upload(driver.reload(action), DocumentType.ATTENDANCE_SHEET, null,
                YearMonth.parse(month), "emargement-signe.pdf", DossierDriver.pdf(), "marie.durand"));
        transactions.executeWithoutResult(s -> {
            TrainingAction current = driver.reload(action);
            List<TraineeMonth> fromSheets = sheets.derivedHours(current, YearMonth.parse(month)).values().stream()
                    .map(line -> new TraineeMonth(line, null, null, null)).toList();
            attendance.saveDraft(current, YearMonth.parse(month), fromSheets, "Correction");
            declarationTask.refresh(current, YearMonth.parse(month));
        });
        // and the missed morning is detailed, its medical certificate uploaded
        transactions.executeWithoutResult(s -> documents.upload(driver.reload(action), DocumentType.ABSENCE_PROOF, null,
                YearMonth.parse(month), "certificat-medical.pdf", DossierDriver.pdf(), "marie.durand"));
        String[] missed = transactions.execute(s -> {
            TrainingAction current = driver.reload(action);
            long lea = context.getBean(fr.formaflow.trainee.TraineeService.class).of(current.getId()).stream()
                    .filter(t -> t.getLastName().equalsIgnoreCase("Nguyen")).findFirst().orElseThrow().getId();
            return new String[] {String.valueOf(lea), sheets.schedule(current, false).of(YearMonth.parse(month)).get(0).day().toString()};
        });
        driver.submitMonth("marie.durand", action, month, Map.of("hours", driver.formVariables(action, "Task_DeclareMonth").get("hours"),
                "absences", DossierDriver.json("[{\"traineeId\":" + missed[0] + ",\"start\":\"" + missed[1] + "\",\"end\":\"" + missed[1]
                        + "\",\"reason\":\"Maladie (arrêt de travail)\",\"place\":\"CENTRE\",\"hours\":3}]"),
                "confirmed", true));
        assertThat(attendance.declaration(action.getId(), YearMonth.parse(month)).isConfirmed()).isTrue();
        List<Finding> fixed = transactions.execute(s -> consistency.check(driver.reload(action)));
        assertThat(fixed).filteredOn(Finding::isBlocking).isEmpty();
    }

    /** Issue 24: a Formiris dossier in progress, at the step where the organisation returns the signed purchase order. */
    @Test
    void theDemoFormirisDossierWaitsForTheSignedPurchaseOrder() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = actions.findAll().stream().filter(a -> DemoFormirisDossier.TITLE.equals(a.getTitle()))
                .findFirst().orElseThrow();
        TrainingAction current = driver.reload(action);
        assertThat(current.getFunder().getCode()).isEqualTo(DemoData.FORMIRIS);
        assertThat(current.getPurchaseOrderNumber()).startsWith("BC-");
        assertThat(current.isPurchaseOrderSigned()).isFalse();
        assertThat(driver.openTaskKeys(action)).containsExactly("Task_Contract");
        assertThat(driver.formVariables(action, "Task_Contract")).containsEntry("purchaseOrderRequired", true);
        assertThat(driver.validator(action)).isEqualTo(DemoFormirisDossier.VALIDATOR);
        // only the signed purchase order is missing
        List<String> missing = transactions.execute(s -> documents.missing(driver.reload(action), java.util.Set.of(DocumentType.TRAINER_CV,
                DocumentType.TRAINER_ID, DocumentType.SIGNED_PURCHASE_ORDER)));
        assertThat(missing).singleElement().asString().contains("Bon de commande");
        // the purchase order Formiris issued is there to download, stamp and sign
        List<fr.formaflow.documents.Document> papers = transactions.execute(s -> documents.of(driver.reload(action)));
        assertThat(papers).filteredOn(d -> d.getType() == DocumentType.PURCHASE_ORDER)
                .singleElement().satisfies(d -> assertThat(d.isGenerated()).isTrue());
        // its prestation has two sessions, the first one over; the register holds the seed's teacher in the seed's unit
        fr.formaflow.dossier.Prestation prestation = context.getBean(fr.formaflow.dossier.Prestations.class).of(current).orElseThrow();
        assertThat(prestation.getSessionCostType()).isEqualTo(fr.formaflow.dossier.SessionCostType.PER_PARTICIPANT);
        assertThat(prestation.getSessions()).hasSize(2);
        assertThat(prestation.getSessions().get(0).getStartDate()).isBefore(java.time.LocalDate.now());
        assertThat(context.getBean(fr.formaflow.attendance.TeacherAssignmentRepository.class)
                .findByFunderCodeAndTeacherNumberIn(DemoData.FORMIRIS, List.of("123456"))).singleElement()
                .satisfies(a -> assertThat(a.getUnitCode()).isEqualTo("1234"));
    }

    @Autowired
    AttendanceService attendance;
    @Autowired
    AttendanceSheets sheets;
    @Autowired
    DeclareMonthStep declarationTask;
}
