package fr.formaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoicingIdentityTest {

    static final String SIRET = "51234567900017";

    @Test
    void aCompleteIdentityIsAccepted() {
        InvoicingIdentity identity = new InvoicingIdentity(Siret.of(SIRET).intraEuVatNumber(), "SAS", "10 000,00", "RCS Montpellier 512 345 679",
                "FR76 1350 6100 0085 1234 5678 989", "agrifrpp835");
        assertThat(identity.problems(SIRET)).isEmpty();
        assertThat(identity.shareCapitalCents()).isEqualTo(1_000_000L);
        Organisation o = new Organisation(SIRET, "Scènes et Formations", "76340123434").company("FR" + "00" + "512345679", "SAS", 1_000_000L,
                "RCS Montpellier 512 345 679");
        assertThat(o.legalMention()).isEqualTo("SAS au capital de 10\u202f000,00\u00a0€ — RCS Montpellier 512 345 679");
    }

    @Test
    void anEmptyIdentityIsAcceptedAndAnAssociationHasNoLegalMention() {
        assertThat(new InvoicingIdentity(null, null, null, null, null, null).problems(SIRET)).isEmpty();
        assertThat(new Organisation(SIRET, "Association", "76340123434").legalMention()).isNull();
    }

    @Test
    void theIntraEuVatNumberIsDerivedFromTheSiren() {
        // FR + (12 + 3 × (SIREN mod 97)) mod 97 + SIREN; La Poste's 356 000 000 is FR 39 356000000
        assertThat(Siret.of("35600000000010").intraEuVatNumber()).isEqualTo("FR39356000000");
        assertThat(new Organisation(SIRET, "Scènes et Formations", "76340123434").intraEuVatNumber()).isEqualTo(Siret.of(SIRET).intraEuVatNumber());
    }

    @Test
    void wrongValuesAreNamed() {
        InvoicingIdentity identity = new InvoicingIdentity("FR00999999999", null, "beaucoup", null, "FR7613506100008512345678900", "AB");
        assertThat(identity.problems(SIRET)).hasSize(4).anySatisfy(p -> assertThat(p).contains("TVA intracommunautaire"))
                .anySatisfy(p -> assertThat(p).contains("Capital social")).anySatisfy(p -> assertThat(p).contains("IBAN"))
                .anySatisfy(p -> assertThat(p).contains("BIC"));
    }
}
