package fr.formaflow.reports;

import fr.formaflow.funder.FundingScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of an organisation's Bilan Pédagogique et Financier (cerfa n° 10443) for one year, added up from the
 * recorded data: products by origin (cadre C), training purchased from subcontractors (cadre D), people who trained
 * (cadre E), trainees and hours by type of trainee (cadre F-1) and, as the funders ask, by type of funder.
 */
public final class Bpf {

    /** Where each funding scheme's revenue goes in cadre C. */
    static final Map<FundingScheme, String[]> ORIGIN = Map.of(
            FundingScheme.PORTAGE, new String[] {"C-1", "Entreprises pour la formation de leurs salariés"},
            FundingScheme.OPCO, new String[] {"C-2", "Organismes gestionnaires des fonds de la formation professionnelle (OPCO, Formiris…)"},
            FundingScheme.FORMIRIS, new String[] {"C-2", "Organismes gestionnaires des fonds de la formation professionnelle (OPCO, Formiris…)"},
            FundingScheme.REGION_MARKET, new String[] {"C-6", "Conseils régionaux"});

    public enum TraineeType {
        EMPLOYEE("F-1 a", "Salariés d'employeurs privés"),
        JOBSEEKER("F-1 c", "Demandeurs d'emploi"),
        OTHER("F-1 e", "Autres stagiaires");

        final String code;
        final String label;

        TraineeType(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** One line of the form: a count, hours or an amount, whichever the line has. */
    public record Line(String cadre, String code, String label, Integer count, BigDecimal hours, Long cents) {
    }

    private final Map<String, Long> revenue = new java.util.TreeMap<>();
    private long subcontractingRevenue;
    private long subcontractingPurchases;
    private final Set<Long> internalTrainers = new HashSet<>();
    private final Set<Long> externalTrainers = new HashSet<>();
    private BigDecimal internalHours = BigDecimal.ZERO;
    private BigDecimal externalHours = BigDecimal.ZERO;
    private final Map<TraineeType, Integer> traineesByType = new EnumMap<>(TraineeType.class);
    private final Map<TraineeType, BigDecimal> hoursByType = new EnumMap<>(TraineeType.class);
    private final Map<FundingScheme, Integer> traineesByFunder = new EnumMap<>(FundingScheme.class);
    private final Map<FundingScheme, BigDecimal> hoursByFunder = new EnumMap<>(FundingScheme.class);
    private final Map<FundingScheme, Long> revenueByFunder = new EnumMap<>(FundingScheme.class);

    /** An invoice (HT) issued in the year to a funder of this scheme. */
    public Bpf invoiced(FundingScheme scheme, long netCents) {
        revenue.merge(ORIGIN.get(scheme)[0], netCents, Long::sum);
        revenueByFunder.merge(scheme, netCents, Long::sum);
        return this;
    }

    /** Training this organisation delivered as another organisation's subcontractor. */
    public Bpf subcontractedTo(long cents) {
        subcontractingRevenue += cents;
        return this;
    }

    /** Training this organisation bought from a subcontractor. */
    public Bpf subcontractedFrom(long cents) {
        subcontractingPurchases += cents;
        return this;
    }

    public Bpf trainer(long trainerId, boolean internal, BigDecimal hours) {
        (internal ? internalTrainers : externalTrainers).add(trainerId);
        if (internal) {
            internalHours = internalHours.add(hours);
        } else {
            externalHours = externalHours.add(hours);
        }
        return this;
    }

    /** A trainee trained during the year, with their hours of the year. */
    public Bpf trainee(TraineeType type, FundingScheme scheme, BigDecimal hours) {
        traineesByType.merge(type, 1, Integer::sum);
        hoursByType.merge(type, hours, BigDecimal::add);
        traineesByFunder.merge(scheme, 1, Integer::sum);
        hoursByFunder.merge(scheme, hours, BigDecimal::add);
        return this;
    }

    public long totalProductsCents() {
        return revenue.values().stream().mapToLong(Long::longValue).sum() + subcontractingRevenue;
    }

    public int totalTrainees() {
        return traineesByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public BigDecimal totalHours() {
        return hoursByType.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        String c = "C — Origine des produits (HT)";
        revenue.forEach((code, cents) -> lines.add(new Line(c, code, labelOf(code), null, null, cents)));
        lines.add(new Line(c, "C-10", "Contrats conclus avec d'autres organismes de formation (sous-traitance)", null, null, subcontractingRevenue));
        lines.add(new Line(c, "Total", "Total des produits réalisés au titre de la formation professionnelle", null, null, totalProductsCents()));
        lines.add(new Line("D — Charges", "D-1", "Achats de prestations de formation (sous-traitance)", null, null, subcontractingPurchases));
        String e = "E — Personnes dispensant des heures de formation";
        lines.add(new Line(e, "E-1", "Personnes de votre organisme (CDI, CDD)", internalTrainers.size(), internalHours, null));
        lines.add(new Line(e, "E-2", "Personnes extérieures à votre organisme (vacataires)", externalTrainers.size(), externalHours, null));
        String f = "F-1 — Stagiaires par type";
        for (TraineeType type : TraineeType.values()) {
            lines.add(new Line(f, type.code, type.label, traineesByType.getOrDefault(type, 0), hoursByType.getOrDefault(type, BigDecimal.ZERO), null));
        }
        lines.add(new Line(f, "Total", "Total des stagiaires", totalTrainees(), totalHours(), null));
        String g = "Par type de financeur";
        for (FundingScheme scheme : FundingScheme.values()) {
            lines.add(new Line(g, scheme.name(), scheme.label(), traineesByFunder.getOrDefault(scheme, 0),
                    hoursByFunder.getOrDefault(scheme, BigDecimal.ZERO), revenueByFunder.getOrDefault(scheme, 0L)));
        }
        return lines;
    }

    private static String labelOf(String code) {
        return ORIGIN.values().stream().filter(o -> o[0].equals(code)).findFirst().map(o -> o[1]).orElse(code);
    }

    public ReportTable table(String scope) {
        return new ReportTable(Report.BPF.title(), scope, List.of("Cadre", "Ligne", "Libellé", "Nombre", "Heures", "Montant HT (€)"),
                lines().stream().map(l -> List.of(l.cadre(), l.code(), l.label(), l.count() == null ? "" : l.count().toString(),
                        l.hours() == null ? "" : ReportTable.number(l.hours()), l.cents() == null ? "" : ReportTable.euros(l.cents()))).toList());
    }
}
