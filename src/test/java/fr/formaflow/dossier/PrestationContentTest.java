package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 001: « tous les champs en rouge sont obligatoires » and « Type de coût des sessions » too; each problem names its tab. */
class PrestationContentTest {

    static PrestationContent.SessionEntry session(Long id, String start, String end, String hours, String venue, Integer seats, String cost,
                                                  String extra) {
        return new PrestationContent.SessionEntry(id, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal(hours), venue, "Montpellier",
                seats, cost == null ? null : new BigDecimal(cost), extra == null ? null : new BigDecimal(extra));
    }

    static PrestationContent complete(SessionCostType type, List<PrestationContent.SessionEntry> sessions) {
        return new PrestationContent("Pédagogie différenciée au collège", "Adapter son enseignement à l'hétérogénéité des élèves.",
                "Apports, études de cas", "Questionnaire de fin de session", "Enseignants de collège", null, "Inscription par le chef d'établissement",
                LocalDate.parse("2027-01-04"), "Deux sessions de deux jours.", "Jour 1 : diagnostic. Jour 2 : différenciation en classe.",
                type, sessions);
    }

    @Test
    void aCompletePrestationWithSeveralSessionsHasNoProblem() {
        PrestationContent content = complete(SessionCostType.PER_PARTICIPANT, List.of(
                session(null, "2027-01-11", "2027-01-12", "12", "Lycée Saint-Joseph", 15, "180.00", "35.50"),
                session(null, "2027-03-08", "2027-03-09", "12", "Collège Saint-Roch", 12, "180", null)));
        assertThat(content.problems()).isEmpty();
    }

    @Test
    void everyMissingRedFieldIsNamedWithItsTabAndTheBlueCostTypeToo() {
        PrestationContent empty = new PrestationContent(" ", null, null, null, "", null, null, null, null, null, null, null);
        assertThat(empty.problems()).containsExactly(
                "Onglet En-tête : « Intitulé de la prestation » est obligatoire.",
                "Onglet Pédagogie : « Objectifs pédagogiques » est obligatoire.",
                "Onglet Inscription : « Public visé » est obligatoire.",
                "Onglet Synthèse : « Résumé de la prestation » est obligatoire.",
                "Onglet Description : « Programme détaillé » est obligatoire.",
                "Onglet Session : « Type de coût des sessions » est obligatoire (coût par participant, coût forfaitaire par session ou coût horaire).",
                "Onglet Session : ajoutez au moins une session (dates, lieu, places et coûts).");
    }

    @Test
    void eachSessionIsCheckedOnItsOwn() {
        PrestationContent content = complete(SessionCostType.PER_HOUR, List.of(
                session(null, "2027-01-11", "2027-01-12", "12", "Lycée Saint-Joseph", 15, "180", null),
                session(7L, "2027-03-09", "2027-03-08", "0", " ", 0, "12.345", "-1"),
                new PrestationContent.SessionEntry(7L, null, null, null, "Salle", "Nîmes", null, null, null),
                session(null, "2027-01-02", "2027-01-02", "6", "Salle", 10, "100", null)));
        assertThat(content.problems()).containsExactly(
                "Onglet Session, session 2 : la date de fin ne peut pas précéder la date de début.",
                "Onglet Session, session 2 : « Durée (heures) » doit être un nombre d'heures positif, d'au plus 2000 heures et deux décimales.",
                "Onglet Session, session 2 : « Lieu » est obligatoire.",
                "Onglet Session, session 2 : « Nombre de places » doit être compris entre 1 et 1000.",
                "Onglet Session, session 2 : « Coût pédagogique » doit être un montant en euros positif ou nul, au centime près.",
                "Onglet Session, session 2 : « Frais annexes » doit être un montant en euros positif ou nul, au centime près.",
                "Onglet Session, session 3 : cette session figure deux fois.",
                "Onglet Session, session 3 : « Date de début » est obligatoire.",
                "Onglet Session, session 3 : « Date de fin » est obligatoire.",
                "Onglet Session, session 3 : « Durée (heures) » est obligatoire.",
                "Onglet Session, session 3 : « Nombre de places » est obligatoire.",
                "Onglet Session, session 3 : « Coût pédagogique » est obligatoire.",
                "Onglet Session, session 4 : la session commence avant la « Date limite d'inscription » (onglet Inscription).");
    }

    @Test
    void theCostTypeSaysWhatTheSessionsCostIsThePriceOf() {
        assertThat(SessionCostType.PER_PARTICIPANT.pedagogicalCents(18_000, 15, new BigDecimal("12"))).isEqualTo(270_000);
        assertThat(SessionCostType.PER_SESSION.pedagogicalCents(18_000, 15, new BigDecimal("12"))).isEqualTo(18_000);
        // 33.33 € an hour for 7.5 h = 249.975 € → 249.98 €, rounded half up to the cent
        assertThat(SessionCostType.PER_HOUR.pedagogicalCents(3_333, 15, new BigDecimal("7.5"))).isEqualTo(24_998);
    }
}
