package fr.formaflow.reports;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.demo.DemoData;
import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceKind;
import fr.formaflow.invoicing.InvoiceRepository;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.invoicing.SubcontractorInvoiceRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.WebClient;
import fr.formaflow.process.monitoring.Dashboard;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports over HTTP, against a dossier of Scènes et Formations whose first invoice was rejected, invoiced again,
 * accepted and paid, whose February invoice waits for the funder, and who bought 300 € of training from Cévennes Gestion.
 */
@FormaflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    static final String PASSWORD = "formaflow";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TraineeService trainees;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceRepository invoiceRows;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock domainClock;
    @Autowired
    Bpfs bpfs;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    TrainingActionRepository actions;
    @Autowired
    SubcontractorInvoiceRepository subcontractorInvoices;
    @Autowired
    AttendanceService attendance;

    DossierDriver driver;
    WebClient web;
    TrainingAction action;
    Invoice rejected, paid, pending;

    /** Once for the class, in the first test's run (process-test coverage records per test method). */
    @BeforeEach
    void aDossierWithEveryKindOfPaymentRequest() {
        if (action != null) {
            return;
        }
        driver = new DossierDriver(context);
        web = new WebClient("http://localhost:" + port);
        action = driver.runToFirstInvoice();
        driver.as(ORGANISATION_USER, () -> transactions.execute(s -> invoices.recordSubcontractorInvoice(driver.reload(action),
                "512 345 679 00017", "CG-2026-099", 30_000, ORGANISATION_USER, domainClock.now())));
        driver.reject(action, "Task_ValidateInvoice", "Heures de janvier à corriger.");
        driver.completeMonth(ORGANISATION_USER, action, "2026-01", Map.of("hours", json(hours(70, false)), "confirmed", true));
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "VIR-RAPPORTS-01"));
        DossierDriver.clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        driver.runDueJobs(action);
        driver.completeMonth(ORGANISATION_USER, action, "2026-02", Map.of("hours", json(hours(35, true)), "confirmed", true));
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        List<Invoice> all = invoices.of(action.getId());
        rejected = all.stream().filter(i -> i.getStatus() == InvoiceStatus.REJECTED).findFirst().orElseThrow();
        paid = all.stream().filter(i -> i.getStatus() == InvoiceStatus.PAID).findFirst().orElseThrow();
        pending = all.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED && i.getMonths().equals("2026-02")).findFirst().orElseThrow();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    String hours(int centre, boolean exit) {
        StringBuilder rows = new StringBuilder("[");
        for (Trainee t : trainees.of(action.getId())) {
            rows.append(rows.length() > 1 ? "," : "").append("{\"traineeId\":").append(t.getId()).append(",\"centreCompleted\":").append(centre)
                    .append(exit ? ",\"exitDate\":\"2026-02-27\",\"exitType\":\"END_OF_TRAINING\"" : "").append('}');
        }
        return rows.append(']').toString();
    }

    List<List<String>> csv(String user, String report) {
        HttpResponse<String> response = web.getAs(user, PASSWORD, "/api/reports/" + report + ".csv?year=2026");
        assertThat(response.statusCode()).as(report + " for " + user).isEqualTo(200);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return ReportCsv.read(bytes);
    }

    List<List<String>> rowsOf(List<List<String>> csv) {
        return csv.subList(1, csv.size()).stream().filter(r -> r.get(0).equals(action.getContractNumber())).toList();
    }

    static String cell(List<List<String>> csv, List<String> row, String header) {
        return row.get(csv.get(0).indexOf(header));
    }

    @Test
    void paymentRequestsArePendingAcceptedWithTheirPaymentOrRejectedWithTheirReason() {
        List<List<String>> accepted = csv(ORGANISATION_USER, "paiements-acceptes");
        List<String> row = rowsOf(accepted).get(0);
        assertThat(rowsOf(accepted)).hasSize(1);
        assertThat(cell(accepted, row, "Facture")).isEqualTo(paid.getNumber());
        assertThat(cell(accepted, row, "Montant HT (€)")).isEqualTo(ReportTable.euros(paid.getNetCents())).isEqualTo("680,00");
        // January: 70 h in centre for each of the 2 trainees (seed 003's lists of payment requests show trainees and hours)
        assertThat(cell(accepted, row, "Stagiaires")).isEqualTo("2");
        assertThat(cell(accepted, row, "Heures en centre")).isEqualTo("140");
        assertThat(cell(accepted, row, "Heures en entreprise")).isEqualTo("0");
        assertThat(cell(accepted, row, "Payée le")).isEqualTo("20/02/2026");
        assertThat(cell(accepted, row, "Référence du virement")).isEqualTo("VIR-RAPPORTS-01");

        List<List<String>> rejections = csv(FUNDER_USER, "paiements-rejetes");
        assertThat(rowsOf(rejections)).singleElement().satisfies(r -> {
            assertThat(cell(rejections, r, "Facture")).isEqualTo(rejected.getNumber());
            assertThat(cell(rejections, r, "Motif du rejet")).isEqualTo("Heures de janvier à corriger.");
        });
        List<List<String>> waiting = csv(FUNDER_USER, "paiements-en-attente");
        assertThat(rowsOf(waiting)).singleElement().satisfies(r -> {
            assertThat(cell(waiting, r, "Facture")).isEqualTo(pending.getNumber());
            assertThat(cell(waiting, r, "Mois")).isEqualTo("2026-02");
        });
    }

    @Test
    void listsOfTrainersTraineesDeclarationsSurveysAndActionsComeFromTheRecords() {
        List<List<String>> trainers = csv(ORGANISATION_USER, "formateurs");
        assertThat(rowsOf(trainers)).extracting(r -> r.get(3) + " " + r.get(4) + " " + r.get(7))
                .containsExactlyInAnyOrder("ROCHER Yves 140", "MEUNIER Jacques 70");
        List<List<String>> opening = csv(ORGANISATION_USER, "stagiaires-ouverture");
        assertThat(rowsOf(opening)).extracting(r -> r.get(2)).containsExactly("STAGIAIREA", "STAGIAIREB");
        assertThat(cell(opening, rowsOf(opening).get(0), "Date d'entrée")).isEqualTo("05/01/2026");
        List<List<String>> closure = csv(ORGANISATION_USER, "stagiaires-cloture");
        assertThat(rowsOf(closure)).allSatisfy(r -> {
            assertThat(cell(closure, r, "Date de sortie")).isEqualTo("27/02/2026");
            assertThat(cell(closure, r, "Type de sortie")).isEqualTo("Fin de formation");
            assertThat(cell(closure, r, "Heures réalisées")).isEqualTo("105");
        });
        List<List<String>> months = csv(ORGANISATION_USER, "declarations");
        assertThat(rowsOf(months)).extracting(r -> r.get(2) + " " + r.get(3) + " " + r.get(7))
                .containsExactly("2026-01 Confirmée 140", "2026-02 Confirmée 70");
        List<List<String>> exit = csv(ORGANISATION_USER, "enquetes-sortie");
        assertThat(rowsOf(exit)).hasSize(2).allSatisfy(r -> assertThat(cell(exit, r, "État")).isEqualTo("Planifiée"));
        List<List<String>> sixMonths = csv(FUNDER_USER, "enquetes-6-mois");
        assertThat(rowsOf(sixMonths)).allSatisfy(r -> assertThat(cell(sixMonths, r, "Date de l'enquête")).isEqualTo("27/08/2026"));
        List<List<String>> list = csv(FUNDER_USER, "actions");
        assertThat(rowsOf(list)).singleElement().satisfies(r -> {
            assertThat(cell(list, r, "Stagiaires inscrits")).isEqualTo("2");
            assertThat(cell(list, r, "Stagiaires sortis")).isEqualTo("2");
            assertThat(cell(list, r, "Déclarations")).isEqualTo("2 confirmée(s) sur 2");
            assertThat(cell(list, r, "Facturation")).isEqualTo(ReportTable.euros(paid.getNetCents() + pending.getNetCents())
                    + " € HT sur 3150,00 € ; 1 en attente");
            assertThat(cell(list, r, "Clôture")).isEqualTo("non clôturée");
        });
    }

    @Test
    void aCsvReadsBackAsTheTableItWasMadeFrom() {
        ReportTable table = driver.as(ORGANISATION_USER, () -> context.getBean(ReportController.class).table(Report.PAYMENTS_ACCEPTED, 2026, null));
        byte[] bytes = ReportCsv.write(table);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFContrat;Action;Organisme;Financeur;Facture;");
        assertThat(ReportCsv.read(bytes)).isEqualTo(java.util.stream.Stream.concat(java.util.stream.Stream.of(table.headers()),
                table.rows().stream()).toList());
        ReportTable awkward = new ReportTable("Essai", "2026", List.of("Texte", "Montant"),
                List.of(List.of("point-virgule ; \"guillemets\"\net retour", ReportTable.euros(123_456)), List.of("", ReportTable.number(new BigDecimal("12.50")))));
        assertThat(ReportCsv.read(ReportCsv.write(awkward))).containsExactly(List.of("Texte", "Montant"),
                List.of("point-virgule ; \"guillemets\"\net retour", "1234,56"), List.of("", "12,5"));
    }

    @Test
    void aPdfCarriesTheSameRows() throws IOException {
        HttpResponse<String> response = web.getAs(FUNDER_USER, PASSWORD, "/api/reports/paiements-acceptes.pdf?year=2026");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = web.getBytes(FUNDER_USER, PASSWORD, "/api/reports/paiements-acceptes.pdf?year=2026");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Demandes de paiement acceptées", paid.getNumber(), "VIR-RAPPORTS-01", "Région Occitanie");
        }
    }

    @Test
    void otherOrganisationsAndFundersGetNothingOfTheDossier() {
        for (String outsider : List.of("sophie.martin", "julien.morel")) {
            for (Report report : Report.values()) {
                if (report == Report.BPF) {
                    continue;
                }
                HttpResponse<String> response = web.getAs(outsider, PASSWORD, "/api/reports/" + report.slug() + ".csv?year=2026");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).as(report.slug() + " for " + outsider).doesNotContain(action.getContractNumber(), "STAGIAIREA");
            }
        }
        assertThat(web.get("/api/reports/actions.csv?year=2026").statusCode()).isEqualTo(401);
        assertThat(web.getAs("julien.morel", PASSWORD, "/api/reports/bpf.csv?year=2026").statusCode()).isEqualTo(403);
        assertThat(web.getAs("sophie.martin", PASSWORD, "/api/reports/bpf.csv?year=2026&siret=" + DemoData.TITULAR_SIRET).statusCode())
                .isEqualTo(404);
        assertThat(web.getAs("julien.morel", PASSWORD, "/api/reports/bpf.pdf?year=2026").statusCode()).isEqualTo(403);
        assertThat(web.getAs("sophie.martin", PASSWORD, "/api/reports/bpf.pdf?year=2026&siret=" + DemoData.TITULAR_SIRET).statusCode())
                .isEqualTo(404);
        assertThat(web.get("/api/reports/bpf.pdf?year=2026").statusCode()).isEqualTo(401);
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/api/reports/inconnu.csv").statusCode()).isEqualTo(404);
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/api/reports/actions.csv?year=99999").statusCode()).isEqualTo(422);
        assertThat(web.getAs("operateur", PASSWORD, "/api/reports/actions.csv?year=2026").body()).contains(action.getContractNumber());
    }

    @Test
    void theBpfAddsUpTheRecordsOfTheYear() {
        Organisation titular = organisations.findBySiret(DemoData.TITULAR_SIRET).orElseThrow();
        Bpf bpf = transactions.execute(s -> bpfs.of(titular, 2026));
        List<TrainingAction> own = actions.findVisibleTo(List.of(titular.getGroupId())).stream()
                .filter(a -> a.getOrganisation().getId().equals(titular.getId())).toList();
        long invoiced = own.stream().flatMap(a -> invoices.of(a.getId()).stream())
                .filter(i -> i.counts() && i.getConfirmedAt().getYear() == 2026).mapToLong(Invoice::getNetCents).sum();
        long asSubcontractor = actions.findBySubcontractor(titular.getId()).stream()
                .flatMap(a -> subcontractorInvoices.findByActionIdOrderByRecordedAtAscIdAsc(a.getId()).stream())
                .filter(s -> titular.getId().equals(s.getSubcontractorId()) && s.getRecordedAt().getYear() == 2026)
                .mapToLong(s -> s.getAmountCents()).sum();
        assertThat(bpf.recordedProductsCents()).isEqualTo(invoiced + asSubcontractor)
                .isGreaterThanOrEqualTo(paid.getNetCents() + pending.getNetCents());
        // F-1: the trainees of its own dossiers (portage ones are the platform's) with hours realised in 2026, each person once
        List<YearMonth> months = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(2026, m)).toList();
        BigDecimal hours = BigDecimal.ZERO;
        java.util.Set<String> persons = new java.util.HashSet<>();
        for (TrainingAction a : own) {
            if (a.getFunder().getScheme() == fr.formaflow.funder.FundingScheme.PORTAGE) {
                continue;
            }
            java.util.Map<Long, BigDecimal> realised = new java.util.HashMap<>();
            attendance.hourLines(a.getId(), months).forEach(l -> realised.merge(l.traineeId(), l.centreCompleted().add(l.companyCompleted()),
                    BigDecimal::add));
            for (var t : trainees.of(a.getId())) {
                BigDecimal h = realised.getOrDefault(t.getId(), BigDecimal.ZERO);
                if (h.signum() > 0) {
                    hours = hours.add(h);
                    persons.add(t.getLastName().trim().toUpperCase() + "|" + t.getFirstName().trim().toUpperCase() + "|" + t.getBirthDate());
                }
            }
        }
        assertThat(bpf.recordedHours()).isEqualByComparingTo(hours).isPositive();
        assertThat(bpf.recordedTrainees()).isEqualTo(persons.size()).isPositive();
        // every frame adds up to its total
        List<Bpf.Line> lines = bpf.lines();
        long products = lines.stream().filter(l -> l.code().matches("C-\\d+( [a-h])?") && !l.toComplete()).mapToLong(Bpf.Line::cents).sum();
        assertThat(products).isEqualTo(bpf.recordedProductsCents());
        assertThat(lines.stream().filter(l -> l.code().equals("Financeur")).mapToLong(Bpf.Line::cents).sum()).isEqualTo(bpf.recordedProductsCents());
        assertThat(lines.stream().filter(l -> l.code().matches("F-1 [a-e]") && !l.toComplete()).mapToInt(Bpf.Line::count).sum())
                .isEqualTo(bpf.recordedTrainees());
        assertThat(lines.stream().filter(l -> l.code().matches("F-4 (\\d|autres)")).mapToInt(Bpf.Line::count).sum())
                .isEqualTo(bpf.recordedTrainees());
        long purchased = own.stream().flatMap(a -> subcontractorInvoices.findByActionIdOrderByRecordedAtAscIdAsc(a.getId()).stream())
                .filter(s -> s.getRecordedAt().getYear() == 2026).mapToLong(s -> s.getAmountCents()).sum();
        assertThat(lines).filteredOn(l -> l.code().equals("D-3 Formaflow")).singleElement()
                .satisfies(l -> assertThat(l.cents()).isEqualTo(purchased).isGreaterThanOrEqualTo(30_000L));
        assertThat(lines).filteredOn(l -> l.code().equals("D-1")).singleElement().satisfies(l -> assertThat(l.toComplete()).isTrue());

        // the subcontractor: the titular's payment for its share is a product from another training organisation
        Organisation subcontractor = organisations.findBySiret(DemoData.SUBCONTRACTOR_SIRET).orElseThrow();
        Bpf theirs = transactions.execute(s -> bpfs.of(subcontractor, 2026));
        assertThat(theirs.lines()).filteredOn(l -> l.code().equals("C-10")).singleElement()
                .satisfies(l -> assertThat(l.cents()).isGreaterThanOrEqualTo(30_000L));

        List<List<String>> csv = csv(ORGANISATION_USER, "bpf");
        assertThat(csv.get(0)).containsExactly("Cadre", "Ligne", "Libellé", "Valeur", "Nombre", "Heures", "Montant HT (€)");
        assertThat(csv).anySatisfy(r -> assertThat(r).startsWith("A — Identification de l'organisme de formation", "A-2", "Numéro SIRET",
                DemoData.TITULAR_SIRET));
        assertThat(csv).anySatisfy(r -> assertThat(r).startsWith("C — Bilan financier hors taxes : origine des produits de l'organisme", "C-6",
                "6. Conseils régionaux"));
        assertThat(csv).anySatisfy(r -> assertThat(r.subList(1, 7)).containsExactly("C-Formaflow",
                "dont produits enregistrés dans Formaflow (lignes 2 a, 2 h, 6 et 10)", "", "", "", ReportTable.euros(bpf.recordedProductsCents())));
        assertThat(csv).anySatisfy(r -> assertThat(r.subList(1, 7)).containsExactly("D-1",
                "Total des charges de l'organisme liées à l'activité de formation", "", "", "", Bpf.TO_COMPLETE));

        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/api/reports/bpf.pdf?year=2026").headers().firstValue("Content-Type"))
                .hasValue("application/pdf");
        try (var document = Loader.loadPDF(web.getBytes(ORGANISATION_USER, PASSWORD, "/api/reports/bpf.pdf?year=2026"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("F-1 — Type de stagiaires de l'organisme", titular.getName(),
                    Bpf.TO_COMPLETE, ReportTable.euros(bpf.recordedProductsCents()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theOperatorsDashboardAndMetrics() {
        HttpResponse<String> figures = web.getAs("operateur", PASSWORD, "/api/dashboard");
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("\"dossiersByPhase\"", "\"Exécution : déclarations mensuelles\"", "\"Région Occitanie\"",
                "\"invoicesAwaitingFunder\"");
        assertThat(driver.as("operateur", () -> context.getBean(Dashboard.class).figures())).usingRecursiveComparison()
                .ignoringFields("at").isEqualTo(figuresCountedOneByOne());
        // a year and a half after the trainees left: their surveys are overdue, unless answered
        DossierDriver.clock(LocalDateTime.of(2027, 6, 1, 9, 0));
        try {
            Dashboard.Figures later = driver.as("operateur", () -> context.getBean(Dashboard.class).figures());
            assertThat(later.overdueSurveys()).isPositive();
            assertThat(later).usingRecursiveComparison().ignoringFields("at", "overdueTasksByStep").isEqualTo(figuresCountedOneByOne());
        } finally {
            DossierDriver.clock(LocalDateTime.of(2026, 3, 2, 9, 0));
        }
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/api/dashboard").statusCode()).isEqualTo(403);
        assertThat(web.getAs(FUNDER_USER, PASSWORD, "/api/dashboard").statusCode()).isEqualTo(403);

        HttpResponse<String> metrics = web.getAs("operateur", PASSWORD, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("formaflow_dossiers_started_total", "formaflow_tasks_completed_total",
                "formaflow_invoices_net_cents{status=\"PAID\"}", "formaflow_incidents_open");
        for (InvoiceStatus status : InvoiceStatus.values()) {
            BigDecimal expected = invoiceRows.findAll().stream().filter(i -> i.getStatus() == status && i.getKind() != InvoiceKind.CREDIT_NOTE)
                    .map(i -> BigDecimal.valueOf(i.getNetCents(), 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(invoicesNet(metrics.body(), status)).as(status.name()).isEqualByComparingTo(expected);
        }
        HistoryService history = context.getBean(HistoryService.class);
        assertThat(metric(metrics.body(), "formaflow_tasks_completed_total"))
                .isEqualByComparingTo(BigDecimal.valueOf(history.createHistoricTaskInstanceQuery().finished().count()));
        assertThat(metric(metrics.body(), "formaflow_dossiers_started_total")).isEqualByComparingTo(BigDecimal.valueOf(
                history.createHistoricProcessInstanceQuery().processDefinitionKey(DossierService.PROCESS_KEY).count()));
        assertThat(invoicesNet(metrics.body(), InvoiceStatus.PAID)).isGreaterThanOrEqualTo(BigDecimal.valueOf(paid.getNetCents(), 2));
        assertThat(web.getAs(ORGANISATION_USER, PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(web.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        HttpResponse<String> health = web.get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(web.get("/tableau-de-bord.html").body()).contains("/webjars/chart.js/4.4.1/dist/chart.umd.js");
        assertThat(web.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
    }

    /** The gauge in euros: published in whole cents (a fraction of a cent would fail here). */
    static BigDecimal invoicesNet(String prometheus, InvoiceStatus status) {
        return BigDecimal.valueOf(metric(prometheus, "formaflow_invoices_net_cents{status=\"" + status + "\"}").longValueExact(), 2);
    }

    /** The value of a line of Prometheus's text format, found by its name and labels. */
    static BigDecimal metric(String prometheus, String nameAndLabels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(prometheus);
        assertThat(line.find()).as(nameAndLabels).isTrue();
        return new BigDecimal(line.group(1));
    }

    /** The dashboard's figures as it computed them before the database counted them: from every dossier, trainee and invoice. */
    Dashboard.Figures figuresCountedOneByOne() {
        return transactions.execute(s -> driver.as("operateur", () -> {
            Dashboard.Figures counted = context.getBean(Dashboard.class).figures();
            List<TrainingAction> all = actions.findAll();
            Map<String, Long> byPhase = new java.util.LinkedHashMap<>();
            for (DossierPhase phase : DossierPhase.values()) {
                byPhase.put(phase.label(), all.stream().filter(a -> a.getPhase() == phase).count());
            }
            Map<String, Long> byFunder = new java.util.TreeMap<>();
            all.forEach(a -> byFunder.merge(a.getFunder().getName(), 1L, Long::sum));
            List<Invoice> open = invoiceRows.findAll().stream().filter(i -> i.getKind() != InvoiceKind.CREDIT_NOTE).toList();
            SurveyStatuses surveys = context.getBean(SurveyStatuses.class);
            long overdueSurveys = all.stream().flatMap(a -> surveys.of(a.getId()).stream())
                    .filter(l -> l.status() == SurveySchedule.Status.OVERDUE).count();
            return new Dashboard.Figures(counted.at(), byPhase, byFunder, counted.overdueTasksByStep(),
                    open.stream().filter(i -> i.getStatus() == InvoiceStatus.DRAFT).count(),
                    open.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED).count(),
                    open.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED).mapToLong(Invoice::getNetCents).sum(),
                    open.stream().filter(i -> i.getStatus() == InvoiceStatus.ACCEPTED).mapToLong(Invoice::getNetCents).sum(),
                    counted.incidentsByActivity(), overdueSurveys);
        }));
    }
}
