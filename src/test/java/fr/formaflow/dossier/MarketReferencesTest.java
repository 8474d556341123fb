package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MarketReferencesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void theSeedsReferencesAreAcceptedAndBlanksBecomeAbsent() {
        MarketReferences seed = new MarketReferences(" TEST PRQ 2007-2008 ", "007874", "07S00075", "Conseil régional",
                LocalDate.of(2007, 3, 23), "Services - Gestion de l'entreprise (SEG)", "1300012345", "  ");
        assertThat(seed.problems(TODAY)).isEmpty();
        assertThat(seed.callForProjects()).isEqualTo("TEST PRQ 2007-2008");
        assertThat(seed.serviceCode()).isNull();
    }

    @Test
    void everyWrongReferenceIsNamed() {
        MarketReferences wrong = new MarketReferences("x".repeat(121), "12A", "07S/00075;DROP", null, TODAY.plusDays(1), null,
                "E".repeat(51), "<script>");
        assertThat(wrong.problems(TODAY)).containsExactly(
                "« Appel à projet » ne doit pas dépasser 120 caractères (121 reçus).",
                "« Numéro d'opération Safir » : de 1 à 12 chiffres (« 12A » reçu).",
                "« Numéro de marché » : lettres, chiffres, espaces, points, tirets, barres obliques et soulignés seulement.",
                "« Numéro d'engagement juridique » ne doit pas dépasser 50 caractères (51 reçus).",
                "« Code service » : lettres, chiffres, espaces, points, tirets, barres obliques et soulignés seulement.",
                "« Date de vote » : la date du vote ne peut pas être dans le futur.");
    }
}
