package fr.formaflow.funder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A funder organised in territories (Formiris, seed 001): validators and contacts by scope. Plain Java. */
class FunderScopesTest {

    private static final FunderHelp ASSISTANCE = new FunderHelp("Assistance Formiris", "du lundi au vendredi, de 8 h 30 à 17 h",
            "01 58 45 10 20", "contact.assistance@formiris.org", null);
    private static final FunderHelp PROXIMITY = new FunderHelp("Site de proximité", null, null, "proximite@formiris.example", null);
    private static final FunderHelp GESTION = new FunderHelp("Service gestion", null, null, "contact.gestion@formiris.org", null);

    @Test
    void regionalDossiersStayWithTheFundersGroupNationalOnesGoToTheHeadOffice() {
        Funder formiris = new Funder("FORMIRIS", "Formiris", FundingScheme.FORMIRIS, "FOR").withNationalValidators();
        assertThat(formiris.hasScopes()).isTrue();
        assertThat(formiris.validatorGroupFor(GeographicScope.REGIONAL)).isEqualTo("funder_formiris");
        assertThat(formiris.validatorGroupFor(GeographicScope.NATIONAL)).isEqualTo("funder_formiris_national");
        Funder region = new Funder("OCCITANIE", "Région Occitanie", FundingScheme.REGION_MARKET, "QCA");
        assertThat(region.hasScopes()).isFalse();
        assertThat(region.validatorGroupFor(GeographicScope.NATIONAL)).isEqualTo("funder_occitanie");
    }

    @Test
    void eachScopeHasItsContactAndFallsBackOnTheFundersHelp() {
        Funder formiris = new Funder("FORMIRIS", "Formiris", FundingScheme.FORMIRIS, "FOR").withNationalValidators().help(ASSISTANCE)
                .scopeHelp(PROXIMITY, GESTION);
        assertThat(formiris.helpFor(GeographicScope.REGIONAL)).isEqualTo(PROXIMITY);
        assertThat(formiris.helpFor(GeographicScope.NATIONAL)).isEqualTo(GESTION);
        assertThat(formiris.helpFor(null)).isEqualTo(ASSISTANCE);
        Funder withoutScopeContacts = new Funder("F2", "Formiris 2", FundingScheme.FORMIRIS, "FO2").help(ASSISTANCE);
        assertThat(withoutScopeContacts.helpFor(GeographicScope.NATIONAL)).isEqualTo(ASSISTANCE);
        assertThat(new Funder("X", "X", FundingScheme.OPCO, "XXX").helpFor(null)).isEqualTo(FunderHelp.NONE);
    }
}
