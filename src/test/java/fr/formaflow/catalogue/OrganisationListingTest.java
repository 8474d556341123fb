package fr.formaflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.organisation.Luhn;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.support.AtOnce;
import fr.formaflow.support.FormaflowTest;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organisation's first offers published at the same instant: one listing, one yearly revalidation process.
 * {@link fr.formaflow.platform.PostgresDossierTest} runs it on PostgreSQL.
 */
@FormaflowTest
public class OrganisationListingTest {

    @Autowired
    ApplicationContext context;

    @Test
    void firstOffersPublishedAtOnceStartOneRevalidation() throws Exception {
        check(context);
    }

    public static void check(ApplicationContext context) throws Exception {
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        Revalidations revalidations = context.getBean(Revalidations.class);
        String siren = String.format("%08d", System.nanoTime() % 100_000_000L);
        siren += Luhn.checkDigit(siren);
        String siret = siren + "0001";
        siret += Luhn.checkDigit(siret);
        String newcomerSiret = siret;
        Organisation newcomer = transactions.execute(t -> context.getBean(OrganisationRepository.class)
                .save(new Organisation(newcomerSiret, "Atelier des publications simultanées", "76340123434")));

        List<Long> listed = AtOnce.run(4, () -> transactions.execute(t -> revalidations.ensureFollowed(newcomer).getOrganisationId()));

        assertThat(listed).containsOnly(newcomer.getId());
        assertThat(context.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(Revalidations.PROCESS)
                .processInstanceBusinessKey(newcomerSiret).count()).isEqualTo(1L);
    }
}
