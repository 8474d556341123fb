package fr.formaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ServiceOfferAnswerTest {

    @Test
    void aCompleteAnswerCanBeReturned() {
        assertThat(new ServiceOfferAnswer("Pédagogie, numérique éducatif", "Enseignants du second degré", "Occitanie",
                "Deux formatrices certifiées", null, new BigDecimal("1200.50"), "Marie Durand", "Gérante", true).problems()).isEmpty();
    }

    @Test
    void everyMissingFieldIsNamedAndTheCertificationIsRequired() {
        assertThat(new ServiceOfferAnswer(" ", null, null, null, "x".repeat(2001), new BigDecimal("10.001"), null, null, false).problems())
                .containsExactly("« Domaines de formation proposés » est obligatoire.",
                        "« Publics visés » est obligatoire.",
                        "« Périmètre d'intervention » est obligatoire.",
                        "« Intervenants et qualifications » est obligatoire.",
                        "« Références » ne doit pas dépasser 2000 caractères (2001 reçus).",
                        "« Tarif journalier indicatif (€ HT) » doit être un montant positif en euros, au centime près.",
                        "« Nom du signataire » est obligatoire.",
                        "« Qualité du signataire » est obligatoire.",
                        "Cochez « Je certifie l'exactitude des informations de cette proposition » avant de la renvoyer.");
    }
}
