package fr.formaflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An organisation's Bilan Pédagogique et Financier (cerfa n° 10443*17) for one accounting year, frame by frame (A to
 * G), added up from recorded figures on one basis: the products invoiced in the year, the hours realised in the year,
 * and each trainee counted once as a person. Plain Java: {@link Bpfs} reads the records and feeds them in.
 *
 * <p>Frames and the Formaflow records behind them: A identification and B characteristics (the organisation's
 * record); C products (invoices of the year, by the line their funder belongs to); D charges (not recorded); E the
 * people who trained (trainers, with their hours of the year); F-1 trainees by type, F-2 the part of them whose
 * training was subcontracted to another organisation, F-3 objective, F-4 speciality (Formacode); G trainees whose
 * training another organisation entrusted to this one (as its subcontractor, or in portage for the platform); and
 * the split by funder. A line no Formaflow record can feed reads « à compléter par l'organisme », never 0, and so
 * does a total that includes one, next to the sum of what Formaflow recorded.
 */
public final class Bpf {

    public static final String TO_COMPLETE = "à compléter par l'organisme";
    public static final String FORM = "cerfa n° 10443*17";

    /** Cadre A and B: who files the BPF, from the organisation's record. */
    public record Identity(String name, String siret, String nda, String legalForm, String address, String phone, String email,
                           boolean fpc, boolean cfa, boolean forProfit, boolean vatLiable) { }

    /** Cadre C's lines. fed: whether a Formaflow record can hold a product of this origin. */
    public enum Origin {
        COMPANIES("C-1", "1. Des entreprises pour la formation de leurs salariés", false),
        OPCO_APPRENTICESHIP("C-2 a", "2. Des organismes gestionnaires des fonds de la formation professionnelle (OPCO…), actions dispensées "
                + "dans le cadre : a. des contrats d'apprentissage", true),
        OPCO_PROFESSIONALISATION("C-2 b", "b. des contrats de professionnalisation", false),
        OPCO_PRO_A("C-2 c", "c. de la promotion ou de la reconversion par alternance", false),
        OPCO_TRANSITION("C-2 d", "d. des congés individuels de formation et des projets de transition professionnelle", false),
        OPCO_CPF("C-2 e", "e. du compte personnel de formation", false),
        OPCO_JOBSEEKERS("C-2 f", "f. des dispositifs spécifiques pour les personnes en recherche d'emploi", false),
        OPCO_SELF_EMPLOYED("C-2 g", "g. des dispositifs spécifiques pour les travailleurs non-salariés", false),
        OPCO_SKILLS_PLAN("C-2 h", "h. du plan de développement des compétences ou d'autres dispositifs (dont Formiris)", true),
        PUBLIC_AGENTS("C-3", "3. Des pouvoirs publics pour la formation de leurs agents (État, collectivités territoriales, "
                + "établissements publics à caractère administratif)", false),
        EUROPE("C-4", "Pouvoirs publics pour la formation de publics spécifiques : 4. Instances européennes", false),
        STATE("C-5", "5. État", false),
        REGIONS("C-6", "6. Conseils régionaux", true),
        FRANCE_TRAVAIL("C-7", "7. France Travail (ex-Pôle emploi)", false),
        OTHER_PUBLIC("C-8", "8. Autres ressources publiques", false),
        INDIVIDUALS("C-9", "9. Contrats conclus avec des personnes à titre individuel et à leurs frais", false),
        TRAINING_ORGANISATIONS("C-10", "10. Contrats conclus avec d'autres organismes de formation (y compris CFA ; sous-traitance, portage)", true),
        OTHER("C-11", "11. Autres produits au titre de la formation professionnelle", false);

        final String code;
        final String label;
        final boolean fed;

        Origin(String code, String label, boolean fed) {
            this.code = code;
            this.label = label;
            this.fed = fed;
        }
    }

    /** Cadre F-1's lines. fed: whether a Formaflow dossier can hold a trainee of this type. */
    public enum TraineeType {
        EMPLOYEE("F-1 a", "a. Salariés d'employeurs privés hors apprentis", true),
        APPRENTICE("F-1 b", "b. Apprentis", true),
        JOBSEEKER("F-1 c", "c. Personnes en recherche d'emploi formées par votre organisme", true),
        INDIVIDUAL("F-1 d", "d. Particuliers à leurs propres frais formés par votre organisme", false),
        OTHER("F-1 e", "e. Autres stagiaires", true);

        final String code;
        final String label;
        final boolean fed;

        TraineeType(String code, String label, boolean fed) {
            this.code = code;
            this.label = label;
            this.fed = fed;
        }
    }

    /**
     * Cadre F-3: the general objective. Formaflow records the nature of the action (bilan de compétences, VAE) but not
     * the certification a training aims at, so training actions are "to split" by the organisation between lines a to d.
     */
    public enum Objective { TRAINING, SKILLS_ASSESSMENT, VAE }

    /** What kind of figures a line carries: a text (A, B), an amount (C, D), people and hours (E, F, G), or all three. */
    public enum Kind { TEXT, AMOUNT, PEOPLE_HOURS, PEOPLE_HOURS_AMOUNT }

    /** One line of the form. toComplete: the organisation fills it in; the figures are then null. */
    public record Line(String cadre, String code, String label, Kind kind, String text, Integer count, BigDecimal hours, Long cents,
                       boolean toComplete) {

        static Line text(String cadre, String code, String label, String text) {
            return text == null || text.isBlank() ? new Line(cadre, code, label, Kind.TEXT, null, null, null, null, true)
                    : new Line(cadre, code, label, Kind.TEXT, text, null, null, null, false);
        }

        static Line amount(String cadre, String code, String label, Long cents) {
            return new Line(cadre, code, label, Kind.AMOUNT, null, null, null, cents, cents == null);
        }

        static Line people(String cadre, String code, String label, Integer count, BigDecimal hours) {
            return new Line(cadre, code, label, Kind.PEOPLE_HOURS, null, count, hours, null, count == null);
        }
    }

    /**
     * One trainee's training in one dossier of the year. person: what identifies the person across dossiers (names and
     * birth date), so that they count once; hours: realised in the year; subcontractedHours: the part of them another
     * organisation delivered for this one (F-2); entrusted: this organisation trained them for another (G).
     */
    public record Training(String person, TraineeType type, Objective objective, String formacode, String funder, BigDecimal hours,
                           BigDecimal subcontractedHours, boolean entrusted) { }

    /** Cadre names, as on the form. */
    static final String A = "A — Identification de l'organisme de formation", B = "B — Caractéristiques de l'organisme",
            C = "C — Bilan financier hors taxes : origine des produits de l'organisme",
            D = "D — Bilan financier hors taxes : charges de l'organisme",
            E = "E — Personnes dispensant des heures de formation",
            F1 = "F-1 — Type de stagiaires de l'organisme", F2 = "F-2 — Dont activité sous-traitée de l'organisme",
            F3 = "F-3 — Objectif général des prestations dispensées", F4 = "F-4 — Spécialités de formation",
            G = "G — Stagiaires dont la formation a été confiée à votre organisme par un autre organisme de formation",
            FUNDERS = "Répartition par financeur (hors cerfa)";

    /** F-4 lists the main specialities one by one, the others together. */
    static final int MAIN_SPECIALITIES = 5;

    private final int year;
    private final Identity identity;
    private final Map<Origin, Long> products = new EnumMap<>(Origin.class);
    private long subcontractorInvoices;
    private final Set<Long> internalTrainers = new HashSet<>(), externalTrainers = new HashSet<>();
    private BigDecimal internalHours = BigDecimal.ZERO, externalHours = BigDecimal.ZERO;
    private final Tally<TraineeType> byType = new Tally<>();
    private final Tally<String> subcontracted = new Tally<>();
    private final Tally<Objective> byObjective = new Tally<>();
    private final Tally<String> bySpeciality = new Tally<>();
    private final Tally<String> entrusted = new Tally<>();
    private final Tally<String> byFunder = new Tally<>();
    private final Map<String, Long> productsByFunder = new TreeMap<>();

    public Bpf(int year, Identity identity) {
        this.year = year;
        this.identity = identity;
    }

    /** A product (HT) of the year: an invoice to a funder, or to the titular / platform this organisation works for. */
    public Bpf product(Origin origin, String funder, long netCents) {
        if (!origin.fed) {
            throw new IllegalArgumentException("Formaflow records no product of line " + origin.code);
        }
        products.merge(origin, netCents, Long::sum);
        productsByFunder.merge(funder, netCents, Long::sum);
        return this;
    }

    /** A subcontractor's invoice recorded in the year on one of this organisation's actions (part of D's purchases). */
    public Bpf subcontractorInvoice(long netCents) {
        subcontractorInvoices += netCents;
        return this;
    }

    /** A trainer who taught for this organisation in the year: its own staff (internal) or not, and the hours of the year. */
    public Bpf trainer(long trainerId, boolean internal, BigDecimal hours) {
        (internal ? internalTrainers : externalTrainers).add(trainerId);
        if (internal) {
            internalHours = internalHours.add(hours);
        } else {
            externalHours = externalHours.add(hours);
        }
        return this;
    }

    /** A trainee's training in one dossier: feed them in the order of the dossiers, a person counts on their first line. */
    public Bpf training(Training t) {
        byFunder.add(t.person(), t.funder(), t.hours());
        if (t.entrusted()) {
            entrusted.add(t.person(), "G", t.hours());
            return this;
        }
        byType.add(t.person(), t.type(), t.hours());
        byObjective.add(t.person(), t.objective(), t.hours());
        bySpeciality.add(t.person(), t.formacode() == null || t.formacode().isBlank() ? "—" : t.formacode(), t.hours());
        if (t.subcontractedHours().signum() > 0) {
            subcontracted.add(t.person(), "F-2", t.subcontractedHours());
        }
        return this;
    }

    /**
     * A trainer's hours of the year: their planned hours in the action, times the share of the action's centre programme
     * run in the year (the trainees' centre hours declared for the year's months, realised or missed, out of the
     * programme's centre hours for every trainee), never above the planned hours; rounded to the hundredth.
     */
    public static BigDecimal trainerHours(BigDecimal planned, BigDecimal centreHoursOfYear, BigDecimal programmeCentreHours, int trainees) {
        if (planned == null || programmeCentreHours == null || programmeCentreHours.signum() <= 0 || trainees <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal programme = programmeCentreHours.multiply(BigDecimal.valueOf(trainees));
        BigDecimal hours = planned.multiply(centreHoursOfYear).divide(programme, 2, RoundingMode.HALF_UP);
        return hours.min(planned);
    }

    /** A centre half-day a trainer taught, as each trainee's attendance record names it (one record per trainee). */
    public record Taught(long trainerId, java.time.LocalDate day, String half, BigDecimal hours) { }

    /**
     * Each trainer's hours from the half-days they taught: a half-day counts once however many trainees it has, for
     * its longest recorded length.
     */
    public static Map<Long, BigDecimal> taughtHours(List<Taught> halfDays) {
        Map<String, Taught> slots = new LinkedHashMap<>();
        for (Taught t : halfDays) {
            slots.merge(t.trainerId() + "|" + t.day() + "|" + t.half(), t, (a, b) -> a.hours().compareTo(b.hours()) >= 0 ? a : b);
        }
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        slots.values().forEach(t -> hours.merge(t.trainerId(), t.hours(), BigDecimal::add));
        return hours;
    }

    /**
     * The hours of a trainee's centre hours delivered by one organisation's trainers: their planned hours out of the
     * programme's centre hours (as the subcontracting contract states it), rounded to the hundredth.
     */
    public static BigDecimal shareOf(BigDecimal centreHours, BigDecimal organisationPlannedHours, BigDecimal programmeCentreHours) {
        if (programmeCentreHours == null || programmeCentreHours.signum() <= 0 || organisationPlannedHours.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = organisationPlannedHours.min(programmeCentreHours);
        return centreHours.multiply(share).divide(programmeCentreHours, 2, RoundingMode.HALF_UP);
    }

    public int year() {
        return year;
    }

    public Identity identity() {
        return identity;
    }

    /** The products Formaflow recorded (lines 2 a, 2 h, 6 and 10); the form's total adds the lines to complete. */
    public long recordedProductsCents() {
        return products.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The trainees Formaflow recorded in F-1, each person once. */
    public int recordedTrainees() {
        return byType.totalPersons();
    }

    /** Their hours realised in the year. */
    public BigDecimal recordedHours() {
        return byType.totalHours();
    }

    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        identification(lines);
        characteristics(lines);
        for (Origin origin : Origin.values()) {
            lines.add(Line.amount(C, origin.code, origin.label, origin.fed ? products.getOrDefault(origin, 0L) : null));
        }
        lines.add(Line.amount(C, "C-Total", "Total des produits réalisés au titre de la formation professionnelle (lignes 1 à 11)", null));
        lines.add(Line.amount(C, "C-Formaflow", "dont produits enregistrés dans Formaflow (lignes 2 a, 2 h, 6 et 10)", recordedProductsCents()));
        lines.add(Line.amount(C, "C-Part", "Part du chiffre d'affaires global réalisée au titre de la formation professionnelle (en %)", null));
        lines.add(Line.amount(D, "D-1", "Total des charges de l'organisme liées à l'activité de formation", null));
        lines.add(Line.amount(D, "D-2", "dont salaires des formateurs", null));
        lines.add(Line.amount(D, "D-3", "dont achats de prestations de formation et honoraires de formation", null));
        lines.add(Line.amount(D, "D-3 Formaflow", "dont factures de sous-traitants enregistrées dans Formaflow pour l'exercice", subcontractorInvoices));
        lines.add(Line.people(E, "E-1", "Personnes de votre organisme dispensant des heures de formation (salariés : CDI, CDD)",
                internalTrainers.size(), internalHours));
        lines.add(Line.people(E, "E-2", "Personnes extérieures à votre organisme dispensant des heures de formation dans le cadre de "
                + "contrats de sous-traitance (vacataires, formateurs des sous-traitants)", externalTrainers.size(), externalHours));
        for (TraineeType type : TraineeType.values()) {
            lines.add(type.fed ? Line.people(F1, type.code, type.label, byType.persons(type), byType.hours(type))
                    : Line.people(F1, type.code, type.label, null, null));
        }
        totals(lines, F1, "F-1", "Total des stagiaires et apprentis (a à e)", byType);
        lines.add(Line.people(F1, "F-1 distance", "dont stagiaires et apprentis ayant suivi une action en tout ou partie à distance", null, null));
        lines.add(Line.people(F2, "F-2", "Stagiaires ou apprentis dont l'action a été confiée par votre organisme à un autre organisme",
                subcontracted.persons("F-2"), subcontracted.hours("F-2")));
        objectives(lines);
        specialities(lines);
        lines.add(Line.people(G, "G", "Formations confiées à votre organisme par un autre organisme de formation (sous-traitance, portage)",
                entrusted.persons("G"), entrusted.hours("G")));
        for (String funder : byFunder.keys()) {
            lines.add(new Line(FUNDERS, "Financeur", funder, Kind.PEOPLE_HOURS_AMOUNT, null, byFunder.persons(funder), byFunder.hours(funder),
                    productsByFunder.getOrDefault(funder, 0L), false));
        }
        productsByFunder.keySet().stream().filter(f -> !byFunder.keys().contains(f)).forEach(funder -> lines.add(new Line(FUNDERS,
                "Financeur", funder, Kind.PEOPLE_HOURS_AMOUNT, null, 0, BigDecimal.ZERO, productsByFunder.get(funder), false)));
        return lines;
    }

    private void identification(List<Line> lines) {
        Identity i = identity;
        lines.add(Line.text(A, "A-1", "Numéro de déclaration d'activité", i.nda()));
        lines.add(Line.text(A, "A-2", "Numéro SIRET", i.siret()));
        lines.add(Line.text(A, "A-3", "Dénomination", i.name()));
        lines.add(Line.text(A, "A-4", "Forme juridique", i.legalForm()));
        lines.add(Line.text(A, "A-5", "Code NAF", null));
        lines.add(Line.text(A, "A-6", "Adresse", i.address()));
        lines.add(Line.text(A, "A-7", "Téléphone", i.phone()));
        lines.add(Line.text(A, "A-8", "Courriel", i.email()));
        lines.add(Line.text(A, "A-9", "Exercice comptable", "du " + ReportTable.date(java.time.LocalDate.of(year, 1, 1)) + " au "
                + ReportTable.date(java.time.LocalDate.of(year, 12, 31))));
    }

    private void characteristics(List<Line> lines) {
        Identity i = identity;
        lines.add(Line.text(B, "B-1", "Organisme de formation professionnelle continue", yes(i.fpc())));
        lines.add(Line.text(B, "B-2", "Centre de formation d'apprentis (CFA)", yes(i.cfa())));
        lines.add(Line.text(B, "B-3", "Organisme à but lucratif", yes(i.forProfit())));
        lines.add(Line.text(B, "B-4", "Assujetti à la TVA", yes(i.vatLiable())));
        lines.add(Line.text(B, "B-5", "Certification qualité (Qualiopi) et actions de formation à distance", null));
    }

    private static String yes(boolean value) {
        return value ? "oui" : "non";
    }

    private void objectives(List<Line> lines) {
        lines.add(Line.people(F3, "F-3 a", "a. Formations visant un diplôme, un titre à finalité professionnelle ou un CQP enregistré au "
                + "RNCP (dont niveaux 6 à 8, 5, 4, 3, 2 et CQP sans niveau)", null, null));
        lines.add(Line.people(F3, "F-3 b", "b. Formations visant une certification (dont CQP) ou une habilitation enregistrée au répertoire "
                + "spécifique (RS)", null, null));
        lines.add(Line.people(F3, "F-3 c", "c. Formations visant un CQP non enregistré au RNCP ou au RS", null, null));
        lines.add(Line.people(F3, "F-3 d", "d. Autres formations professionnelles", null, null));
        lines.add(Line.people(F3, "F-3 a-d Formaflow", "dont formations enregistrées dans Formaflow, à répartir entre les lignes a à d "
                + "selon la certification visée", byObjective.persons(Objective.TRAINING), byObjective.hours(Objective.TRAINING)));
        lines.add(Line.people(F3, "F-3 e", "e. Bilans de compétences", byObjective.persons(Objective.SKILLS_ASSESSMENT),
                byObjective.hours(Objective.SKILLS_ASSESSMENT)));
        lines.add(Line.people(F3, "F-3 f", "f. Actions d'accompagnement à la validation des acquis de l'expérience",
                byObjective.persons(Objective.VAE), byObjective.hours(Objective.VAE)));
        totals(lines, F3, "F-3", "Total (a à f)", byObjective);
    }

    private void specialities(List<Line> lines) {
        List<String> ranked = bySpeciality.keys().stream().sorted(Comparator.comparing(bySpeciality::hours).reversed()
                .thenComparing(Comparator.comparing(bySpeciality::persons).reversed()).thenComparing(Comparator.naturalOrder())).toList();
        for (int n = 0; n < Math.min(MAIN_SPECIALITIES, ranked.size()); n++) {
            String code = ranked.get(n);
            lines.add(Line.people(F4, "F-4 " + (n + 1), "Formacode " + code + " — code et libellé NSF " + TO_COMPLETE,
                    bySpeciality.persons(code), bySpeciality.hours(code)));
        }
        List<String> others = ranked.subList(Math.min(MAIN_SPECIALITIES, ranked.size()), ranked.size());
        lines.add(Line.people(F4, "F-4 autres", "Autres spécialités", others.stream().mapToInt(bySpeciality::persons).sum(),
                others.stream().map(bySpeciality::hours).reduce(BigDecimal.ZERO, BigDecimal::add)));
        lines.add(Line.people(F4, "F-4 Total", "Total", bySpeciality.totalPersons(), bySpeciality.totalHours()));
    }

    /** The frame's total: to complete when a line of it is (with what Formaflow recorded below it), the sum otherwise. */
    private static void totals(List<Line> lines, String cadre, String prefix, String label, Tally<?> tally) {
        boolean incomplete = lines.stream().anyMatch(l -> l.cadre().equals(cadre) && l.toComplete());
        if (incomplete) {
            lines.add(Line.people(cadre, prefix + " Total", label, null, null));
            lines.add(Line.people(cadre, prefix + " Formaflow", "dont stagiaires et heures enregistrés dans Formaflow", tally.totalPersons(),
                    tally.totalHours()));
        } else {
            lines.add(Line.people(cadre, prefix + " Total", label, tally.totalPersons(), tally.totalHours()));
        }
    }

    /** The cells of a line, as the CSV and the PDF print them: text, count, hours, amount. */
    public static List<String> cells(Line l) {
        String blank = l.toComplete() ? TO_COMPLETE : "";
        return switch (l.kind()) {
            case TEXT -> List.of(l.toComplete() ? TO_COMPLETE : l.text(), "", "", "");
            case AMOUNT -> List.of("", "", "", l.toComplete() ? blank : ReportTable.euros(l.cents()));
            case PEOPLE_HOURS -> l.toComplete() ? List.of("", blank, blank, "")
                    : List.of("", l.count().toString(), ReportTable.number(l.hours()), "");
            case PEOPLE_HOURS_AMOUNT -> List.of("", l.count().toString(), ReportTable.number(l.hours()), ReportTable.euros(l.cents()));
        };
    }

    public ReportTable table(String scope) {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : lines()) {
            List<String> row = new ArrayList<>(List.of(l.cadre(), l.code(), l.label()));
            row.addAll(cells(l));
            rows.add(row);
        }
        return new ReportTable(Report.BPF.title() + " (" + FORM + ")", scope,
                List.of("Cadre", "Ligne", "Libellé", "Valeur", "Nombre", "Heures", "Montant HT (€)"), rows);
    }

    /**
     * Counts per line, each person once: on the line of the first training fed in; the hours go to the line of the
     * training they were realised in. So every frame's lines add up to its total.
     */
    static final class Tally<K> {
        private final Map<K, Integer> persons = new LinkedHashMap<>();
        private final Map<K, BigDecimal> hours = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();

        void add(String person, K key, BigDecimal h) {
            persons.merge(key, seen.add(person) ? 1 : 0, Integer::sum);
            hours.merge(key, h, BigDecimal::add);
        }

        int persons(K key) {
            return persons.getOrDefault(key, 0);
        }

        BigDecimal hours(K key) {
            return hours.getOrDefault(key, BigDecimal.ZERO);
        }

        List<K> keys() {
            return List.copyOf(persons.keySet());
        }

        int totalPersons() {
            return seen.size();
        }

        BigDecimal totalHours() {
            return hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
