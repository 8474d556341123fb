package fr.formaflow.invoicing;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.clock;
import static fr.formaflow.support.DossierDriver.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.Clock;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FacturX;
import fr.formaflow.support.FormaflowTest;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Invoices of a running dossier: subcontracting, credit notes, early exits, gap-free numbers under concurrency. */
@FormaflowTest
class InvoicingTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceRepository repository;
    @Autowired
    TraineeService trainees;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock domainClock;
    @Autowired
    InvoiceDocuments documents;

    DossierDriver driver;
    TrainingAction action;

    @BeforeEach
    void runToExecution() {
        driver = new DossierDriver(context);
        clock(LocalDateTime.of(2025, 12, 1, 9, 0));
        action = driver.runToExecution("MONTHLY", 3, 2);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSubcontractorsInvoiceIsDeductedAndARejectedInvoiceIsCreditedThenInvoicedAgain() {
        driver.as(ORGANISATION_USER, () -> transactions.execute(s -> invoices.recordSubcontractorInvoice(driver.reload(action),
                "512 345 679 00017", "CG-2026-014", 30_000, ORGANISATION_USER, domainClock.now())));

        declare("2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false);
        Invoice january = only(InvoiceStatus.DRAFT);
        assertThat(january.getHoursAmountCents()).isEqualTo(2 * 70 * 700L);
        assertThat(january.getSubcontractedCents()).isEqualTo(30_000L);
        assertThat(january.getNetCents()).isEqualTo(98_000L - 30_000L);
        assertThat(january.getNotes()).isEqualTo("Dont 300,00\u00a0€ pour CÉVENNES GESTION");
        assertThat(january.getVatCents()).as("Scènes et Formations is VAT-exempt").isZero();
        assertThat((String) driver.formVariables(action, "Task_ConfirmInvoice").get("details"))
                .contains("Dont 300,00\u00a0€ pour CÉVENNES GESTION", "Exonération de TVA, article 261-4-4° a du CGI");

        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        byte[] pdf = transactions.execute(s -> documents.pdf(driver.reload(action), january.getId()));
        assertThat(text(pdf)).contains(invoices.get(january.getId()).getNumber(), "Scènes et Formations", "Région Occitanie",
                "980,00\u00a0€", "Dont 300,00\u00a0€ pour CÉVENNES GESTION", "Exonération de TVA, article 261-4-4° a du CGI",
                "Déclaration d'activité enregistrée sous le numéro 76340123434", "indemnité forfaitaire pour frais de recouvrement de 40 €",
                action.getContractNumber());
        FacturX.assertValid(pdf, "facture de janvier avec sous-traitance");
        driver.reject(action, "Task_ValidateInvoice", "Heures de janvier à justifier.");
        Invoice rejected = invoices.get(january.getId());
        List<Invoice> credits = invoices.of(action.getId()).stream().filter(i -> i.getKind() == InvoiceKind.CREDIT_NOTE).toList();
        assertThat(credits).hasSize(1);
        assertThat(credits.get(0).getCreditedInvoiceId()).isEqualTo(rejected.getId());
        assertThat(credits.get(0).getNetCents()).isEqualTo(rejected.getNetCents());
        assertThat(number(credits.get(0))).isEqualTo(number(rejected) + 1);
        byte[] creditNote = transactions.execute(s -> documents.pdf(driver.reload(action), credits.get(0).getId()));
        assertThat(text(creditNote)).contains("AVOIR", rejected.getNumber());
        FacturX.assertValid(creditNote, "avoir");

        driver.completeMonth(ORGANISATION_USER, action, "2026-01", Map.of("hours", json(hours(70)), "confirmed", true));
        Invoice corrected = only(InvoiceStatus.DRAFT);
        assertThat(corrected.getSubcontractedCents()).as("deducted again from the corrected invoice").isEqualTo(30_000L);
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        assertThat(number(invoices.get(corrected.getId()))).isEqualTo(number(rejected) + 2);
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "VIR-1"));
        assertThat(invoices.subcontractorInvoices(action.getId()).get(0).getDeductedInInvoiceId()).isEqualTo(corrected.getId());
    }

    @Test
    void aTraineeWhoLeftForAJobIsPaidUntilTheEndInTheBalance() {
        Trainee leaver = trainees.of(action.getId()).get(1);
        declare("2026-01", LocalDateTime.of(2026, 2, 2, 9, 0), false, Map.of(leaver.getId(),
                Map.of("centreCompleted", 35, "exitDate", "2026-01-16", "exitType", "EARLY_EXIT", "earlyExitReason", "EMPLOYMENT")));
        pay();
        declare("2026-02", LocalDateTime.of(2026, 3, 2, 9, 0), true);
        pay();
        assertThatThrownBy(() -> transactions.execute(s -> invoices.prepareBalance(driver.reload(action), java.util.Set.of("EMPLOYMENT"),
                domainClock.now()))).isInstanceOf(fr.formaflow.platform.BusinessRuleException.class)
                .hasMessageContaining("le bilan pédagogique n'est pas complété");
        transactions.executeWithoutResult(s -> context.getBean(fr.formaflow.dossier.DossierService.class)
                .close(action.getId(), java.time.LocalDate.of(2026, 2, 27), "Un stagiaire sorti pour un emploi ; l'autre a validé la formation."));
        Invoice balance = transactions.execute(s -> invoices.prepareBalance(driver.reload(action), java.util.Set.of("EMPLOYMENT"), domainClock.now()));
        // the leaver's 105 remaining centre hours and 70 company hours, at 7,00 € and 1,00 €
        assertThat(balance.getHoursAmountCents()).isEqualTo(105 * 700L + 70 * 100L);
        assertThat(balance.getExplanation()).contains("Anna STAGIAIREB : sortie anticipée recevable, 175 h payées jusqu'à la fin de l'action.");
        Invoice notAdmissible = transactions.execute(s -> invoices.prepareBalance(driver.reload(action), java.util.Set.of("HEALTH"), domainClock.now()));
        assertThat(notAdmissible.getHoursAmountCents()).isZero();
        long total = invoices.of(action.getId()).stream().filter(Invoice::counts).mapToLong(Invoice::getHoursAmountCents).sum()
                + notAdmissible.getHoursAmountCents();
        assertThat(total).isLessThanOrEqualTo(driver.reload(action).totalPriceCents());
    }

    @Test
    void fiftyConcurrentConfirmationsGetGapFreeNumbersAndARollbackGivesItsNumberBack() throws Exception {
        List<Long> drafts = new ArrayList<>();
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < 51; i++) {
                drafts.add(repository.save(new Invoice(action.getId(), action.getOrganisation().getId(), InvoiceKind.MONTHLY, List.of(YearMonth.of(2026, 1)),
                        new PeriodAmount(java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE, 1), 100,
                        new Subcontracting.Deduction(100, List.of()), InvoiceCalculator.totals(java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO),
                        null, null, domainClock.now())).getId());
            }
        });
        // a confirmation whose transaction rolls back gives its number back
        String[] rolledBack = new String[1];
        try {
            transactions.executeWithoutResult(s -> {
                rolledBack[0] = invoices.confirm(driver.reload(action), drafts.get(50), true, domainClock.now()).getNumber();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction is undone
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> confirmations = new ArrayList<>();
        for (Long id : drafts.subList(0, 50)) {
            confirmations.add(() -> transactions.execute(s -> invoices.confirm(driver.reload(action), id, true, domainClock.now()).getNumber()));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> future : pool.invokeAll(confirmations)) {
            numbers.add(future.get());
        }
        pool.shutdown();
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(6))).sorted().toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(sequence.get(49) - sequence.get(0)).as("consecutive").isEqualTo(49);
        assertThat(sequence.get(0)).as("the rolled-back number was reused").isEqualTo(Integer.parseInt(rolledBack[0].substring(6)));
        assertThat(invoices.get(drafts.get(50)).getStatus()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void eachOrganisationNumbersItsInvoicesInItsOwnSeriesAndTwoOrganisationsMayHoldTheSameNumber() {
        TrainingAction other = driver.create("sophie.martin", DossierDriver.REGION, "Gestes et postures");
        long otherIssuer = other.getOrganisation().getId();
        assertThat(otherIssuer).isNotEqualTo(action.getOrganisation().getId());
        int year = domainClock.now().getYear();
        String first = confirmDraft(action);
        long numberedBefore = repository.findAll().stream().filter(i -> i.getIssuerId().equals(otherIssuer) && i.getNumber() != null
                && i.getNumber().startsWith("F" + year + "-")).count();

        String second = confirmDraft(other);

        assertThat(second).isEqualTo(String.format("F%d-%05d", year, numberedBefore + 1));
        // the first organisation's series is untouched by the second's: its next number follows its own last one
        assertThat(confirmDraft(action)).isEqualTo(String.format("F%d-%05d", year, Integer.parseInt(first.substring(6)) + 1));
    }

    private String confirmDraft(TrainingAction dossier) {
        return transactions.execute(s -> {
            Invoice draft = repository.save(new Invoice(dossier.getId(), dossier.getOrganisation().getId(), InvoiceKind.MONTHLY,
                    List.of(YearMonth.of(2026, 1)), new PeriodAmount(java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE, 1),
                    100, new Subcontracting.Deduction(100, List.of()), InvoiceCalculator.totals(java.math.BigDecimal.ONE, java.math.BigDecimal.ZERO),
                    null, null, domainClock.now()));
            return invoices.confirm(driver.reload(dossier), draft.getId(), true, domainClock.now()).getNumber();
        });
    }

    // ------------------------------------------------------------------

    void declare(String month, LocalDateTime at, boolean lastMonth) {
        declare(month, at, lastMonth, Map.of());
    }

    void declare(String month, LocalDateTime at, boolean lastMonth, Map<Long, Map<String, Object>> overrides) {
        clock(at);
        driver.runDueJobs(action);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Trainee t : trainees.of(action.getId())) {
            if (t.getExitDate() != null && t.getExitDate().isBefore(YearMonth.parse(month).atDay(1))) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("traineeId", t.getId());
            row.put("centreCompleted", 70);
            if (lastMonth) {
                row.put("exitDate", "2026-02-27");
                row.put("exitType", "END_OF_TRAINING");
            }
            row.putAll(overrides.getOrDefault(t.getId(), Map.of()));
            rows.add(row);
        }
        driver.completeMonth(ORGANISATION_USER, action, month, Map.of("hours", json(toJson(rows)), "confirmed", true));
    }

    String hours(int centre) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Trainee t : trainees.of(action.getId())) {
            rows.add(Map.of("traineeId", t.getId(), "centreCompleted", centre));
        }
        return toJson(rows);
    }

    void pay() {
        driver.complete(ORGANISATION_USER, action, "Task_ConfirmInvoice", Map.of("confirmed", true));
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-03-20", "paymentReference", "VIR"));
    }

    Invoice only(InvoiceStatus status) {
        List<Invoice> matching = invoices.of(action.getId()).stream().filter(i -> i.getStatus() == status).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    static String text(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int number(Invoice invoice) {
        return Integer.parseInt(invoice.getNumber().substring(6));
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
