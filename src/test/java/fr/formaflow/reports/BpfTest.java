package fr.formaflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.reports.Bpf.Objective;
import fr.formaflow.reports.Bpf.Origin;
import fr.formaflow.reports.Bpf.TraineeType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The BPF's frames against a set of dossiers whose figures are computed by hand below, so that a reader can check
 * every expected number. Year 2026, organisation « Scènes et Formations ».
 *
 * <pre>
 * Products (invoices confirmed in 2026, HT)            line   funder
 *   Région dossier: 1 200,00 + 800,00 = 2 000,00      C-6    Région Occitanie
 *   OPCO dossier (skills plan):  1 500,00             C-2 h  OPCO Santé
 *   OPCO apprenticeship dossier: 3 000,00             C-2 a  OPCO Santé
 *   portage dossier, invoiced to the platform: 900,00 C-10   Portage Formation Sud
 *   as another titular's subcontractor: 300,00        C-10   Région Occitanie      → C-10 = 1 200,00
 *   recorded in Formaflow: 2 000 + 1 500 + 3 000 + 1 200 = 7 700,00
 *   by funder: Région 2 000 + 300 = 2 300,00 ; OPCO Santé 1 500 + 3 000 = 4 500,00 ; Portage 900,00
 * A subcontractor's invoice recorded on our Région dossier: 250,00 (D, for information)
 *
 * Trainers (planned hours × share of the centre programme run in 2026, never above the plan)
 *   n° 1, salaried: Région dossier 100 h × 210 / (140 h × 3 trainees) = 50 h; OPCO dossier 20 h × 70 / (35 × 2) = 20 h
 *   n° 2, vacataire: Région dossier 40 h × 210 / 420 = 20 h
 *   n° 3, a subcontractor's trainer: 30 h × 300 / (140 × 2) = 32,14 h, capped at its 30 planned hours
 *   E-1 = 1 person, 70 h ; E-2 = 2 persons, 20 + 30 = 50 h
 *
 * Trainees, realised hours of 2026, in the order of the dossiers (a person counts on the line of their first dossier;
 * the hours go to the line of the dossier they were realised in)
 *   Région, Formacode 46270:  Anna job seeker 70 h, Bruno job seeker 70 h, Chloé (other) 70 h
 *   OPCO, Formacode 31054:    Anna again, employee, 35 h; David employee 35 h, 10 of them by our subcontractor
 *   OPCO apprenticeship, 31054: Emma apprentice 400 h
 *   OPCO bilan de compétences, 15081: Fanny (other) 24 h
 *   portage (entrusted by the platform): Gaël 21 h;  as subcontractor (entrusted by a titular): Hugo 12 h
 * F-1 a: David → 1 person; 35 (Anna) + 35 (David) = 70 h     F-1 b: Emma 1, 400 h
 * F-1 c: Anna, Bruno → 2, 140 h                               F-1 e: Chloé, Fanny → 2, 70 + 24 = 94 h
 * F-1 recorded: 6 persons, 70 + 400 + 140 + 94 = 704 h (= 3 × 70 + 2 × 35 + 400 + 24)
 * F-2: David 1, 10 h.  F-3 training: 5 persons, 210 + 70 + 400 = 680 h; e bilans: Fanny 1, 24 h; f VAE 0
 * F-4 ranked by hours: 31054 (David, Emma: 2 persons, 35 + 35 + 400 = 470 h), 46270 (3, 210 h), 15081 (1, 24 h)
 * G: Gaël, Hugo → 2 persons, 33 h
 * By funder: Région 3 + Hugo = 4 persons, 210 + 12 = 222 h; OPCO Santé David, Emma, Fanny = 3, 35 + 35 + 400 + 24 = 494 h;
 * Portage 1, 21 h — 8 persons, 737 h = 704 + 33
 * </pre>
 */
class BpfTest {

    static final BigDecimal ZERO = BigDecimal.ZERO;

    static Bpf handComputedYear() {
        Bpf bpf = new Bpf(2026, new Bpf.Identity("Scènes et Formations", "51234567900017", "76340123434", "SARL",
                "2 rue Victor Hugo, 34800 Clermont-l'Hérault", "04 67 96 10 20", "contact@scenes-formations.fr", true, false, true, false));
        bpf.product(Origin.REGIONS, "Région Occitanie", 120_000).product(Origin.REGIONS, "Région Occitanie", 80_000)
                .product(Origin.OPCO_SKILLS_PLAN, "OPCO Santé", 150_000).product(Origin.OPCO_APPRENTICESHIP, "OPCO Santé", 300_000)
                .product(Origin.TRAINING_ORGANISATIONS, "Portage Formation Sud", 90_000)
                .product(Origin.TRAINING_ORGANISATIONS, "Région Occitanie", 30_000)
                .subcontractorInvoice(25_000);
        bpf.trainer(1, true, Bpf.trainerHours(h("100"), h("210"), h("140"), 3))
                .trainer(1, true, Bpf.trainerHours(h("20"), h("70"), h("35"), 2))
                .trainer(2, false, Bpf.trainerHours(h("40"), h("210"), h("140"), 3))
                .trainer(3, false, Bpf.trainerHours(h("30"), h("300"), h("140"), 2));
        String region = "Région Occitanie", opco = "OPCO Santé";
        bpf.training(own("anna", TraineeType.JOBSEEKER, Objective.TRAINING, "46270", region, "70", "0"))
                .training(own("bruno", TraineeType.JOBSEEKER, Objective.TRAINING, "46270", region, "70", "0"))
                .training(own("chloe", TraineeType.OTHER, Objective.TRAINING, "46270", region, "70", "0"))
                .training(own("anna", TraineeType.EMPLOYEE, Objective.TRAINING, "31054", opco, "35", "0"))
                .training(own("david", TraineeType.EMPLOYEE, Objective.TRAINING, "31054", opco, "35", "10"))
                .training(own("emma", TraineeType.APPRENTICE, Objective.TRAINING, "31054", opco, "400", "0"))
                .training(own("fanny", TraineeType.OTHER, Objective.SKILLS_ASSESSMENT, "15081", opco, "24", "0"))
                .training(new Bpf.Training("gael", TraineeType.EMPLOYEE, Objective.TRAINING, "46270", "Portage Formation Sud", h("21"), ZERO, true))
                .training(new Bpf.Training("hugo", TraineeType.JOBSEEKER, Objective.TRAINING, "46270", region, h("12"), ZERO, true));
        return bpf;
    }

    @Test
    void everyFrameHasTheHandComputedFigures() {
        List<Bpf.Line> lines = handComputedYear().lines();
        // C: products by origin
        assertThat(line(lines, "C-6").cents()).isEqualTo(200_000L);
        assertThat(line(lines, "C-2 h").cents()).isEqualTo(150_000L);
        assertThat(line(lines, "C-2 a").cents()).isEqualTo(300_000L);
        assertThat(line(lines, "C-10").cents()).isEqualTo(120_000L);
        assertThat(line(lines, "C-Formaflow").cents()).isEqualTo(770_000L);
        // E: people and their hours of the year
        assertPeople(line(lines, "E-1"), 1, "70");
        assertPeople(line(lines, "E-2"), 2, "50");
        // F-1 to F-4 and G
        assertPeople(line(lines, "F-1 a"), 1, "70");
        assertPeople(line(lines, "F-1 b"), 1, "400");
        assertPeople(line(lines, "F-1 c"), 2, "140");
        assertPeople(line(lines, "F-1 e"), 2, "94");
        assertPeople(line(lines, "F-1 Formaflow"), 6, "704");
        assertPeople(line(lines, "F-2"), 1, "10");
        assertPeople(line(lines, "F-3 a-d Formaflow"), 5, "680");
        assertPeople(line(lines, "F-3 e"), 1, "24");
        assertPeople(line(lines, "F-3 f"), 0, "0");
        assertPeople(line(lines, "F-3 Formaflow"), 6, "704");
        assertThat(line(lines, "F-4 1").label()).startsWith("Formacode 31054");
        assertPeople(line(lines, "F-4 1"), 2, "470");
        assertThat(line(lines, "F-4 2").label()).startsWith("Formacode 46270");
        assertPeople(line(lines, "F-4 2"), 3, "210");
        assertPeople(line(lines, "F-4 3"), 1, "24");
        assertPeople(line(lines, "F-4 autres"), 0, "0");
        assertPeople(line(lines, "F-4 Total"), 6, "704");
        assertPeople(line(lines, "G"), 2, "33");
        // the split by funder
        assertThat(lines).filteredOn(l -> l.code().equals("Financeur")).extracting(Bpf.Line::label, Bpf.Line::count, Bpf.Line::cents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Région Occitanie", 4, 230_000L),
                        org.assertj.core.groups.Tuple.tuple("OPCO Santé", 3, 450_000L),
                        org.assertj.core.groups.Tuple.tuple("Portage Formation Sud", 1, 90_000L));
        assertThat(lines).filteredOn(l -> l.code().equals("Financeur")).extracting(Bpf.Line::hours)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(h("222"), h("494"), h("21"));
    }

    @Test
    void whatFormaflowDoesNotRecordIsToCompleteNeverZero() {
        ReportTable table = handComputedYear().table("Exercice 2026");
        assertThat(table.headers()).containsExactly("Cadre", "Ligne", "Libellé", "Valeur", "Nombre", "Heures", "Montant HT (€)");
        assertThat(row(table, "A-1")).containsSequence("Numéro de déclaration d'activité", "76340123434");
        assertThat(row(table, "A-5")).as("NAF code").contains(Bpf.TO_COMPLETE);
        assertThat(row(table, "A-9")).contains("du 01/01/2026 au 31/12/2026");
        assertThat(row(table, "B-1")).contains("oui");
        for (String code : List.of("D-1", "D-2", "D-3", "C-1", "C-2 b", "C-9", "C-11", "C-Total", "C-Part")) {
            assertThat(row(table, code)).as(code).endsWith(Bpf.TO_COMPLETE).doesNotContain("0,00");
        }
        assertThat(row(table, "D-3 Formaflow")).endsWith("250,00");
        assertThat(row(table, "C-Formaflow")).endsWith("7700,00");
        for (String code : List.of("F-1 d", "F-1 Total", "F-1 distance", "F-3 a", "F-3 d", "F-3 Total")) {
            assertThat(row(table, code)).as(code).containsSequence(Bpf.TO_COMPLETE, Bpf.TO_COMPLETE).doesNotContain("0");
        }
        assertThat(row(table, "F-1 Formaflow")).containsSequence("6", "704");
        assertThat(row(table, "F-4 1")).anySatisfy(cell -> assertThat(cell).contains("code et libellé NSF " + Bpf.TO_COMPLETE));
    }

    @Test
    void theFiveMainSpecialitiesByHoursThenTheOthersTogether() {
        Bpf bpf = new Bpf(2026, handComputedYear().identity());
        // seven Formacodes: 10 h, 20 h … 70 h, one trainee each
        for (int n = 1; n <= 7; n++) {
            bpf.training(own("p" + n, TraineeType.OTHER, Objective.TRAINING, "1000" + n, "Région Occitanie", String.valueOf(10 * n), "0"));
        }
        List<Bpf.Line> lines = bpf.lines();
        assertThat(lines).filteredOn(l -> l.code().matches("F-4 \\d")).extracting(Bpf.Line::label)
                .map(label -> label.substring(10, 15)).containsExactly("10007", "10006", "10005", "10004", "10003");
        assertPeople(line(lines, "F-4 autres"), 2, "30");
        assertPeople(line(lines, "F-4 Total"), 7, "280");
    }

    @Test
    void trainerHoursFollowTheShareOfTheProgrammeRunInTheYearAndASubcontractorItsShareOfTheCentreHours() {
        assertThat(Bpf.trainerHours(h("100"), h("210"), h("140"), 3)).isEqualByComparingTo("50");
        assertThat(Bpf.trainerHours(h("30"), h("300"), h("140"), 2)).as("capped at the plan").isEqualByComparingTo("30");
        assertThat(Bpf.trainerHours(h("30"), h("100"), h("140"), 0)).as("no trainee, no hour").isEqualByComparingTo("0");
        // the subcontracting contract's 40 h of 140: 70 realised centre hours → 20 h
        assertThat(Bpf.shareOf(h("70"), h("40"), h("140"))).isEqualByComparingTo("20");
        assertThat(Bpf.shareOf(h("35"), h("10"), h("105"))).as("rounded to the hundredth").isEqualByComparingTo("3.33");
        assertThat(Bpf.shareOf(h("70"), ZERO, h("140"))).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new Bpf(2026, handComputedYear().identity()).product(Origin.INDIVIDUALS, "x", 1))
                .as("no Formaflow record feeds line 9").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHalfDayATrainerSignedCountsOnceWhateverTheNumberOfTrainees() {
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 1, 5);
        // trainer 1: Monday morning recorded for three trainees (3,5 h) and Monday afternoon (3,5 h) → 7 h;
        // trainer 2: Tuesday morning, one trainee's record shortened to 3 h, another's 3,5 h → the half-day's 3,5 h
        assertThat(Bpf.taughtHours(List.of(new Bpf.Taught(1, monday, "AM", h("3.5")), new Bpf.Taught(1, monday, "AM", h("3.5")),
                new Bpf.Taught(1, monday, "AM", h("3.5")), new Bpf.Taught(1, monday, "PM", h("3.5")),
                new Bpf.Taught(2, monday.plusDays(1), "AM", h("3")), new Bpf.Taught(2, monday.plusDays(1), "AM", h("3.5")))))
                .hasSize(2).hasEntrySatisfying(1L, v -> assertThat(v).isEqualByComparingTo("7"))
                .hasEntrySatisfying(2L, v -> assertThat(v).isEqualByComparingTo("3.5"));
    }

    @Test
    void thePdfIsLaidOutFrameByFrameLikeTheCerfa() throws IOException {
        byte[] pdf = BpfPdf.render(handComputedYear(), List.of("Scènes et Formations"), "15/01/2027");
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s*\n\\s*", " ");
        }
        assertThat(text).contains("Bilan pédagogique et financier", "cerfa n° 10443*17", "A — Identification de l'organisme de formation",
                "B — Caractéristiques de l'organisme", "C — Bilan financier hors taxes : origine des produits",
                "D — Bilan financier hors taxes : charges", "E — Personnes dispensant des heures de formation",
                "F-1 — Type de stagiaires", "F-2 — Dont activité sous-traitée", "F-3 — Objectif général", "F-4 — Spécialités de formation",
                "G — Stagiaires dont la formation a été confiée à votre organisme", "Répartition par financeur", "7700,00", "704",
                Bpf.TO_COMPLETE, "avant le 31 mai 2027");
        assertThat(text.indexOf("A — Identification")).isLessThan(text.indexOf("C — Bilan financier"));
        assertThat(text.indexOf("F-4 — Spécialités")).isLessThan(text.indexOf("G — Stagiaires"));
    }

    static Bpf.Training own(String person, TraineeType type, Objective objective, String formacode, String funder, String hours,
                            String subcontracted) {
        return new Bpf.Training(person, type, objective, formacode, funder, h(hours), h(subcontracted), false);
    }

    static void assertPeople(Bpf.Line line, int persons, String hours) {
        assertThat(line.count()).as(line.code() + " persons").isEqualTo(persons);
        assertThat(line.hours()).as(line.code() + " hours").isEqualByComparingTo(hours);
    }

    static BigDecimal h(String value) {
        return new BigDecimal(value);
    }

    static List<String> row(ReportTable table, String code) {
        return table.rows().stream().filter(r -> r.get(1).equals(code)).findFirst().orElseThrow(() -> new AssertionError("no line " + code));
    }

    static Bpf.Line line(List<Bpf.Line> lines, String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no line " + code));
    }
}
