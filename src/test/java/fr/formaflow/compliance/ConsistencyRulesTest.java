package fr.formaflow.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.PlannedHours;
import fr.formaflow.compliance.ConsistencyRules.Facts;
import fr.formaflow.compliance.ConsistencyRules.HalfDay;
import fr.formaflow.compliance.ConsistencyRules.InvoiceFacts;
import fr.formaflow.compliance.ConsistencyRules.MonthFacts;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each rule with a dossier that breaks it and one that satisfies it. */
class ConsistencyRulesTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final String SIRET = "42110064500017";
    static final Map<Long, String> NAMES = Map.of(1L, "Anna DUPONT");

    static HourLine centre(String completed, String unjustified) {
        return new HourLine(1L, new BigDecimal(completed), BigDecimal.ZERO, new BigDecimal(unjustified), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    static HalfDay present(String day) {
        return new HalfDay(1L, LocalDate.parse(day), "matin", new BigDecimal("3.5"));
    }

    static MonthFacts may(HourLine declared, HourLine sheets, List<HalfDay> halfDays, boolean signed) {
        return may(declared, sheets, halfDays, signed, Map.of());
    }

    static MonthFacts may(HourLine declared, HourLine sheets, List<HalfDay> halfDays, boolean signed, Map<Long, BigDecimal> signedHours) {
        return new MonthFacts(MAY, true, Map.of(1L, declared), sheets == null ? Map.of() : Map.of(1L, sheets), halfDays, signed,
                signedHours, ConsistencyRules.Absences.NONE);
    }

    static Facts facts(String siret, String nda, boolean holidaysAllowed, List<MonthFacts> months, List<InvoiceFacts> invoices,
                       List<String> missing) {
        return new Facts(siret, nda, false, holidaysAllowed, false, NAMES, Map.of(1L, new PlannedHours(new BigDecimal("140"), BigDecimal.ZERO)),
                months, invoices, missing);
    }

    static Facts consistent() {
        return facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), centre("7", "0"), List.of(present("2026-05-07"),
                present("2026-05-11")), true)), List.of(new InvoiceFacts("Facture F2026-00001", List.of(MAY), new BigDecimal("7"),
                BigDecimal.ZERO)), List.of());
    }

    static List<String> messages(Facts facts) {
        return ConsistencyRules.check(facts).stream().map(Finding::message).toList();
    }

    @Test
    void aConsistentDossierHasNoFinding() {
        assertThat(ConsistencyRules.check(consistent())).isEmpty();
    }

    @Test
    void theDeclarationMustAgreeWithTheAttendanceSheets() {
        Facts facts = facts(SIRET, "76340123434", false, List.of(may(centre("10.5", "0"), centre("7", "0"), List.of(), true)), List.of(),
                List.of());
        assertThat(ConsistencyRules.check(facts)).singleElement().satisfies(f -> {
            assertThat(f.isBlocking()).isTrue();
            assertThat(f.message()).isEqualTo("Anna DUPONT, mai 2026 : la feuille d'émargement compte " + French.hours(new BigDecimal("7"))
                    + " réalisées en centre, la déclaration mensuelle " + French.hours(new BigDecimal("10.5"))
                    + ". Corrigez la déclaration du mois ou l'émargement pour qu'ils concordent.");
        });
    }

    @Test
    void aHalfDayOnAPublicHolidayIsBlockingUnlessTheFunderAllowsIt() {
        // 8 May 2026: Victoire 1945
        List<MonthFacts> months = List.of(may(centre("7", "0"), centre("7", "0"), List.of(present("2026-05-07"), present("2026-05-08")), true));
        assertThat(messages(facts(SIRET, "76340123434", false, months, List.of(), List.of()))).singleElement().asString()
                .contains("Anna DUPONT", "le 08/05/2026 (matin)", "Victoire 1945", "jour férié");
        assertThat(ConsistencyRules.check(facts(SIRET, "76340123434", true, months, List.of(), List.of()))).isEmpty();
    }

    @Test
    void everyHourDoneInAConfirmedMonthIsBackedBySignatures() {
        String typedWithoutProof = "Émargement de mai 2026 : les heures réalisées de Anna DUPONT (" + French.hours(new BigDecimal("7"))
                + " déclarées, aucune signée) ne sont appuyées par aucune signature. Versez la feuille d'émargement signée du mois "
                + "(type « Feuille d'émargement signée », mois 2026-05) ou faites signer chaque demi-journée en émargement électronique "
                + "(stagiaire et formateur).";
        // hours typed in the declaration, no half-day recorded, nothing signed: blocking
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), null, List.of(), false)), List.of(),
                List.of()))).containsExactly(typedWithoutProof);
        // recorded by half-day but unsigned: blocking too
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), centre("7", "0"),
                List.of(present("2026-05-07")), false)), List.of(), List.of()))).containsExactly(typedWithoutProof);
        // half-days signed electronically for part of the hours: the gap is named
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), null, List.of(), false,
                Map.of(1L, new BigDecimal("3.5")))), List.of(), List.of()))).singleElement().asString()
                .contains("Anna DUPONT (" + French.hours(new BigDecimal("7")) + " déclarées, " + French.hours(new BigDecimal("3.5")) + " signées)");
        // every hour signed electronically, or the signed sheet on file: nothing to say
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), null, List.of(), false,
                Map.of(1L, new BigDecimal("7")))), List.of(), List.of()))).isEmpty();
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("7", "0"), null, List.of(), true)), List.of(),
                List.of()))).isEmpty();
        // a month not yet confirmed, or with no hour done, needs no proof yet
        MonthFacts draft = new MonthFacts(MAY, false, Map.of(1L, centre("7", "0")), Map.of(), List.of(), false, Map.of(),
                ConsistencyRules.Absences.NONE);
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(draft), List.of(), List.of()))).isEmpty();
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(may(centre("0", "7"), null, List.of(), false)), List.of(),
                List.of()))).noneMatch(m -> m.startsWith("Émargement"));
    }

    @Test
    void justifiedAbsencesArePaidOnlyDetailedAndProven() {
        HourLine sevenJustified = new HourLine(1L, new BigDecimal("63"), new BigDecimal("7"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        Function<ConsistencyRules.Absences, MonthFacts> month = absences -> new MonthFacts(MAY, true, Map.of(1L, sevenJustified), Map.of(),
                List.of(), true, Map.of(), absences);
        Map<Long, BigDecimal> detailed = Map.of(1L, new BigDecimal("7"));
        String noProof = "Absences justifiées de mai 2026 (Anna DUPONT) : aucun justificatif n'est au dossier. Versez-les (type « Justificatif "
                + "d'absence », mois 2026-05). Sans justificatif, ces heures sont à déclarer en absence non justifiée.";
        // neither detailed nor proven
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(month.apply(ConsistencyRules.Absences.NONE)), List.of(), List.of())))
                .containsExactly("Anna DUPONT, mai 2026 : " + French.hours(new BigDecimal("7")) + " d'absence justifiée déclarées, dont "
                        + French.hours(BigDecimal.ZERO) + " détaillées : indiquez chaque absence (début, fin, motif, lieu, heures) dans la "
                        + "déclaration du mois.", noProof);
        // detailed, no proof; the organisation's attestation counts only where the funder accepts it
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(month.apply(new ConsistencyRules.Absences(detailed, false, true))),
                List.of(), List.of()))).containsExactly(noProof);
        Facts attestationAccepted = new Facts(SIRET, "76340123434", false, false, true, NAMES, Map.of(), List.of(month.apply(
                new ConsistencyRules.Absences(detailed, false, true))), List.of(), List.of());
        assertThat(messages(attestationAccepted)).isEmpty();
        Facts notAttested = new Facts(SIRET, "76340123434", false, false, true, NAMES, Map.of(), List.of(month.apply(
                new ConsistencyRules.Absences(detailed, false, false))), List.of(), List.of());
        assertThat(messages(notAttested)).singleElement().asString().endsWith("ou cochez l'attestation de l'organisme dans la déclaration "
                + "du mois. Sans justificatif, ces heures sont à déclarer en absence non justifiée.");
        // detailed and the month's proof on file
        assertThat(messages(facts(SIRET, "76340123434", false, List.of(month.apply(new ConsistencyRules.Absences(detailed, true, false))),
                List.of(), List.of()))).isEmpty();
    }

    @Test
    void theHoursNeverExceedTheAgreementAndTheInvoicesBillTheDeclaredHours() {
        List<MonthFacts> months = List.of(may(centre("150", "0"), null, List.of(), true));
        List<InvoiceFacts> invoice = List.of(new InvoiceFacts("Facture F2026-00002 (Acompte mensuel)", List.of(MAY), new BigDecimal("140"),
                BigDecimal.ZERO));
        assertThat(messages(facts(SIRET, "76340123434", false, months, invoice, List.of()))).containsExactly(
                "Anna DUPONT : " + French.hours(new BigDecimal("150")) + " cumulées en centre dépassent les " + French.hours(new BigDecimal("140"))
                        + " prévues. Corrigez les déclarations mensuelles.",
                "Facture F2026-00002 (Acompte mensuel) : " + French.hours(new BigDecimal("140")) + " en centre et "
                        + French.hours(BigDecimal.ZERO) + " en entreprise facturées, mais " + French.hours(new BigDecimal("150")) + " et "
                        + French.hours(BigDecimal.ZERO) + " déclarées pour les mêmes mois. Le financeur doit rejeter cette facture pour "
                        + "qu'elle soit refaite sur les heures déclarées.");
    }

    @Test
    void theOrganisationsRecordAndTheFundersDocumentsMustBeComplete() {
        List<Finding> findings = ConsistencyRules.check(facts("42110064500018", " ", false, List.of(), List.of(),
                List.of("Pièce manquante : Charte du formateur signée (Yves ROCHER).")));
        assertThat(findings).allMatch(Finding::isBlocking).extracting(Finding::message).containsExactly(
                "Le numéro SIRET « 42110064500018 » est invalide (clé de contrôle incorrecte). Corrigez la fiche de l'organisme, onglet Identité.",
                "Le numéro de déclaration d'activité (NDA) de l'organisme manque : complétez la fiche de l'organisme, onglet Informations légales.",
                "Pièce manquante : Charte du formateur signée (Yves ROCHER). Versez-la dans le panneau « Dossier » de la tâche, dans Tasklist.");
        Facts cfa = new Facts(SIRET, null, true, false, false, NAMES, Map.of(), List.of(), List.of(), List.of());
        assertThat(ConsistencyRules.check(cfa)).as("a CFA has no NDA").isEmpty();
    }

    @Test
    void unjustifiedAbsenceAboveAFifthIsAWarningNotABlock() {
        List<MonthFacts> months = List.of(may(centre("21", "7"), null, List.of(), true));
        assertThat(ConsistencyRules.check(facts(SIRET, "76340123434", false, months, List.of(), List.of()))).singleElement().satisfies(f -> {
            assertThat(f.isBlocking()).isFalse();
            assertThat(f.message()).isEqualTo("Anna DUPONT, mai 2026 : " + French.hours(new BigDecimal("7")) + " d'absence non justifiée sur "
                    + French.hours(new BigDecimal("28")) + " (25 %) ; ces heures ne sont pas payées.");
        });
        List<MonthFacts> fifth = List.of(may(centre("28", "7"), null, List.of(), true));
        assertThat(ConsistencyRules.check(facts(SIRET, "76340123434", false, fifth, List.of(), List.of()))).as("exactly 20 %").isEmpty();
    }

    @Test
    void monthsReadAsFrenchSentences() {
        assertThat(French.ofMonth(YearMonth.of(2026, 10))).isEqualTo("d'octobre 2026");
        assertThat(French.ofMonth(YearMonth.of(2026, 4))).isEqualTo("d'avril 2026");
        assertThat(French.ofMonth(MAY)).isEqualTo("de mai 2026");
    }
}
