package fr.formaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.reports.Bpf;
import fr.formaflow.reports.Bpfs;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import java.time.YearMonth;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** The demo, as `./mvnw spring-boot:run` loads it: a dossier that has lived its whole life, for the reports and the BPF. */
@SpringBootTest(properties = {"formaflow.demo.dossiers=true", "spring.datasource.url=jdbc:h2:mem:formaflow-demo;DB_CLOSE_DELAY=-1;"
        + "LOCK_TIMEOUT=10000;NON_KEYWORDS=VALUE,YEAR,MONTH"})
@ActiveProfiles("test")
@Transactional
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
    void aClosedDemoDossierWaitsForItsFollowUpSurveysAndAddsUpInTheBpf() {
        TrainingAction action = actions.findAll().stream().filter(a -> DemoClosedDossier.TITLE.equals(a.getTitle())).findFirst().orElseThrow();
        assertThat(action.getPhase()).isIn(DossierPhase.FOLLOW_UP, DossierPhase.CLOSED);
        assertThat(action.getRealEnd()).isBefore(YearMonth.now().atDay(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(action.getContractNumber())
                .processDefinitionKey("followUpSurvey").count()).as("one follow-up per trainee").isEqualTo(3);

        assertThat(invoices.of(action.getId())).hasSize(3).allMatch(i -> i.getStatus() == InvoiceStatus.PAID);
        assertThat(surveys.of(action.getId())).extracting(SurveyStatuses.Line::stage).isNotEmpty();
        assertThat(surveys.of(action.getId())).filteredOn(l -> l.stage() != SurveyStatuses.Stage.EXIT)
                .hasSize(6).allMatch(l -> l.status() == SurveySchedule.Status.SCHEDULED);

        int year = action.getRealEnd().getYear();
        Bpf bpf = bpfs.of(organisations.findBySiret(DemoData.TITULAR_SIRET).orElseThrow(), year);
        long paid = actions.findAll().stream().filter(a -> a.getOrganisation().getSiret().equals(DemoData.TITULAR_SIRET))
                .flatMap(a -> invoices.of(a.getId()).stream()).filter(Invoice::counts)
                .filter(i -> i.getConfirmedAt().getYear() == year).mapToLong(Invoice::getNetCents).sum();
        assertThat(paid).isPositive();
        assertThat(bpf.totalProductsCents()).isEqualTo(paid);
        assertThat(bpf.totalTrainees()).isGreaterThanOrEqualTo(3);
    }
}
