package fr.formaflow.platform;

import static fr.formaflow.support.DossierDriver.FUNDER_USER;
import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceDocuments;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.PostgresFormaflowTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** A dossier's first month on real PostgreSQL: documents (bytea), declarations, numbering under row locks, Factur-X. */
@PostgresFormaflowTest
class PostgresDossierTest {


    @Autowired
    ApplicationContext context;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceDocuments documents;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMonthIsDeclaredInvoicedAndPaidOnPostgres() {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.runToFirstInvoice();
        driver.approve(action, "Task_ValidateInvoice");
        driver.complete(FUNDER_USER, action, "Task_RecordPayment", Map.of("paymentDate", "2026-02-20", "paymentReference", "VIR-PG"));

        List<Invoice> all = invoices.of(action.getId());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(all.get(0).getNetCents()).isEqualTo(2 * 70 * 700L);
        byte[] pdf = transactions.execute(s -> documents.pdf(driver.reload(action), all.get(0).getId()));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aPersonIsNotFundedTwiceForTheSameDaysOnPostgres() {
        fr.formaflow.compliance.CrossDossierTest.check(new DossierDriver(context), context.getBean(fr.formaflow.trainee.TraineeService.class));
    }

    @Test
    void anOrganisationsOpenTasksOfADossierAreTheEnginesOnPostgres() {
        fr.formaflow.process.OpenTasksTest.check(context);
    }

    @Test
    void theDossierSearchCountsEachVisibleDossierOnceOnPostgres() {
        fr.formaflow.dossier.DossierSearchRestTest.countsEachVisibleDossierOnce(new DossierDriver(context),
                context.getBean(fr.formaflow.dossier.TrainingActionRepository.class), "Compte" + Long.toString(System.nanoTime(), 36));
    }

    @Test
    void twoOrganisationsConfirmTheirFirstInvoicesAtOnceOnPostgres() throws Exception {
        fr.formaflow.invoicing.FirstInvoiceNumbersTest.check(context, 2031);
    }

    @Test
    void usersSavingTheSameNewTrainerAtOnceGetOneTrainerOnPostgres() throws Exception {
        fr.formaflow.trainer.TrainersTest.check(context);
    }

    @Test
    void firstOffersPublishedAtOnceStartOneRevalidationOnPostgres() throws Exception {
        fr.formaflow.catalogue.OrganisationListingTest.check(context);
    }
}
