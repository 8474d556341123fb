package fr.formaflow.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.AtOnce;
import fr.formaflow.support.DossierDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two validators approving the same dossier's funding at once: one catalogue entry, and neither of them fails here. On
 * H2 ({@link OfferFromDossierAtOnceTest}) and PostgreSQL ({@link PostgresOfferFromDossierAtOnceTest}).
 */
abstract class OfferFromDossierAtOnceContract {

    @Autowired
    ApplicationContext context;

    @Test
    void theSecondFindsTheFirstOnesEntry() throws Exception {
        TrainingAction action = new DossierDriver(context).create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Machiniste cintrier");
        Offers offers = context.getBean(Offers.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);

        List<Long> created = AtOnce.run(2, () -> transactions.execute(status -> offers.createFromDossier(action.getId()).getId()));

        assertThat(created.get(1)).isEqualTo(created.get(0));
        assertThat(context.getBean(TrainingOfferRepository.class).findByActionId(action.getId())).map(TrainingOffer::getId)
                .contains(created.get(0));
    }
}
