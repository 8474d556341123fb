package fr.formaflow.compliance;

import fr.formaflow.attendance.FrenchPublicHolidays;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.PlannedHours;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What funders check before they pay, run before anything is sent to them: the hours agree between the training
 * agreement, the attendance sheets, the monthly declarations and the invoices; the attendance sheets are signed and
 * on file; nobody attended on a public holiday the funder does not allow; the organisation's record is complete;
 * every document the funder requires is there. Each finding names the trainee, the month or date, the document and
 * the figures that disagree.
 */
public final class ConsistencyRules {

    /** A share of unjustified absence above which the funder's validator is warned. */
    static final BigDecimal ABSENCE_WARNING_PERCENT = BigDecimal.valueOf(20);

    public record Facts(String siret, String nda, boolean cfa, boolean holidaysAllowed, boolean absenceAttestationAllowed,
                        Map<Long, String> traineeNames, Map<Long, PlannedHours> plannedHours, List<MonthFacts> months,
                        List<InvoiceFacts> invoices, List<String> missingDocuments) { }

    /**
     * A month's justified absences: the hours its absence periods add up to, per trainee; whether the month's proof
     * (« Justificatif d'absence ») is on file; whether the organisation attested it holds the proofs.
     */
    public record Absences(Map<Long, BigDecimal> hours, boolean proofOnFile, boolean attested) {

        public static final Absences NONE = new Absences(Map.of(), false, false);
    }

    /**
     * One month: the declared hours per trainee; the hours its half-day attendance adds up to (empty when the
     * month was not recorded by half-day); the half-days attended; whether the signed sheet of the month is on file;
     * the hours of the half-days each trainee and a trainer signed electronically.
     */
    public record MonthFacts(YearMonth month, boolean confirmed, Map<Long, HourLine> declared, Map<Long, HourLine> attendance,
                             List<HalfDay> halfDays, boolean signedSheetOnFile, Map<Long, BigDecimal> signedHours, Absences absences) {

        /**
         * The month as it will be once these hours (by trainee) are recorded over the stored ones with these absences,
         * confirmed or not.
         */
        public MonthFacts with(Map<Long, HourLine> submitted, Absences submittedAbsences, boolean confirming) {
            Map<Long, HourLine> merged = new LinkedHashMap<>(declared);
            merged.putAll(submitted);
            return new MonthFacts(month, confirming, merged, attendance, halfDays, signedSheetOnFile, signedHours, submittedAbsences);
        }
    }

    public record HalfDay(long traineeId, LocalDate day, String half, BigDecimal hours) { }

    public record InvoiceFacts(String label, List<YearMonth> months, BigDecimal centreHours, BigDecimal companyHours) { }

    private ConsistencyRules() {
    }

    public static List<Finding> check(Facts facts) {
        List<Finding> findings = new ArrayList<>();
        organisation(facts, findings);
        facts.missingDocuments().forEach(missing -> findings.add(Finding.blocking(missing
                + " Versez-la dans le panneau « Dossier » de la tâche, dans Tasklist.")));
        facts.months().forEach(month -> findings.addAll(checkMonth(facts, month)));
        plannedHours(facts, findings);
        invoices(facts, findings);
        return findings;
    }

    /** What a month's confirmation must satisfy: its attendance sheets agree with its declaration, are signed, avoid holidays. */
    public static List<Finding> checkMonth(Facts facts, MonthFacts month) {
        List<Finding> findings = new ArrayList<>();
        attendanceAgreesWithDeclaration(facts, month, findings);
        holidays(facts, month, findings);
        signedAttendance(facts, month, findings);
        justifiedAbsences(facts, month, findings);
        absences(facts, month, findings);
        return findings;
    }

    private static void organisation(Facts facts, List<Finding> findings) {
        String siretProblem = Siret.problemWith(facts.siret());
        if (siretProblem != null) {
            findings.add(Finding.blocking(siretProblem + " Corrigez la fiche de l'organisme, onglet Identité."));
        }
        if (!facts.cfa() && (facts.nda() == null || facts.nda().isBlank())) {
            findings.add(Finding.blocking("Le numéro de déclaration d'activité (NDA) de l'organisme manque : complétez la fiche "
                    + "de l'organisme, onglet Informations légales."));
        }
    }

    private static void attendanceAgreesWithDeclaration(Facts facts, MonthFacts month, List<Finding> findings) {
        if (month.attendance().isEmpty()) {
            return;
        }
        Set<Long> trainees = new LinkedHashSet<>(month.attendance().keySet());
        trainees.addAll(month.declared().keySet());
        for (long traineeId : trainees) {
            HourLine sheet = month.attendance().get(traineeId);
            HourLine declared = month.declared().get(traineeId);
            List<String> gaps = new ArrayList<>();
            compare(sheet, declared, HourLine::centreCompleted, "réalisées en centre", gaps);
            compare(sheet, declared, HourLine::centreJustified, "d'absence justifiée en centre", gaps);
            compare(sheet, declared, HourLine::centreUnjustified, "d'absence non justifiée en centre", gaps);
            compare(sheet, declared, HourLine::companyCompleted, "réalisées en entreprise", gaps);
            compare(sheet, declared, HourLine::companyJustified, "d'absence justifiée en entreprise", gaps);
            compare(sheet, declared, HourLine::companyUnjustified, "d'absence non justifiée en entreprise", gaps);
            if (!gaps.isEmpty()) {
                findings.add(Finding.blocking(name(facts, traineeId) + ", " + French.month(month.month()) + " : " + String.join(" ; ", gaps)
                        + ". Corrigez la déclaration du mois ou l'émargement pour qu'ils concordent."));
            }
        }
    }

    private static void compare(HourLine sheet, HourLine declared, Function<HourLine, BigDecimal> field, String label, List<String> gaps) {
        BigDecimal fromSheet = sheet == null ? BigDecimal.ZERO : field.apply(sheet);
        BigDecimal fromDeclaration = declared == null ? BigDecimal.ZERO : field.apply(declared);
        if (fromSheet.compareTo(fromDeclaration) != 0) {
            gaps.add("la feuille d'émargement compte " + French.hours(fromSheet) + " " + label + ", la déclaration mensuelle "
                    + French.hours(fromDeclaration));
        }
    }

    private static void holidays(Facts facts, MonthFacts month, List<Finding> findings) {
        if (facts.holidaysAllowed()) {
            return;
        }
        for (HalfDay halfDay : month.halfDays()) {
            if (halfDay.hours().signum() > 0 && FrenchPublicHolidays.isPublicHoliday(halfDay.day())) {
                findings.add(Finding.blocking(name(facts, halfDay.traineeId()) + " : " + French.hours(halfDay.hours()) + " émargées le "
                        + French.date(halfDay.day()) + " (" + halfDay.half() + "), " + FrenchPublicHolidays.name(halfDay.day())
                        + ", jour férié : le financeur n'accepte pas d'émargement un jour férié. Retirez cette demi-journée de l'émargement."));
            }
        }
    }

    /**
     * Every hour a confirmed month declares as done is backed by signatures: the month's signed sheet on file, or the
     * half-days signed electronically by the trainee and a trainer. Funders refuse to pay hours without them.
     */
    private static void signedAttendance(Facts facts, MonthFacts month, List<Finding> findings) {
        if (!month.confirmed() || month.signedSheetOnFile()) {
            return;
        }
        List<String> unproven = new ArrayList<>();
        month.declared().forEach((traineeId, line) -> {
            BigDecimal signed = month.signedHours().getOrDefault(traineeId, BigDecimal.ZERO);
            if (!signedFor(month, traineeId, line)) {
                unproven.add(name(facts, traineeId) + " (" + French.hours(done(line)) + " déclarées"
                        + (signed.signum() > 0 ? ", " + French.hours(signed) + " signées" : ", aucune signée") + ")");
            }
        });
        if (!unproven.isEmpty()) {
            findings.add(Finding.blocking("Émargement " + French.ofMonth(month.month()) + " : les heures réalisées de "
                    + String.join(", ", unproven) + " ne sont appuyées par aucune signature. Versez la feuille d'émargement signée "
                    + "du mois (type « Feuille d'émargement signée », mois " + month.month() + ") ou faites signer chaque demi-journée "
                    + "en émargement électronique (stagiaire et formateur)."));
        }
    }

    /** Whether every hour the month declares as done is signed: its sheet on file, or each trainee's half-days signed. */
    public static boolean signed(MonthFacts month) {
        return month.signedSheetOnFile() || month.declared().entrySet().stream().allMatch(e -> signedFor(month, e.getKey(), e.getValue()));
    }

    private static boolean signedFor(MonthFacts month, long traineeId, HourLine line) {
        return done(line).compareTo(month.signedHours().getOrDefault(traineeId, BigDecimal.ZERO)) <= 0;
    }

    private static BigDecimal done(HourLine line) {
        return line.centreCompleted().add(line.companyCompleted());
    }

    /**
     * Justified absences are paid only with their proof: each trainee's justified hours are detailed by absence periods
     * (when, why, how many hours), and the month's proof is on file — or, where the funder accepts it, the organisation
     * attests it holds them.
     */
    private static void justifiedAbsences(Facts facts, MonthFacts month, List<Finding> findings) {
        if (!month.confirmed()) {
            return;
        }
        List<String> justified = new ArrayList<>();
        month.declared().forEach((traineeId, line) -> {
            BigDecimal hours = line.centreJustified().add(line.companyJustified());
            if (hours.signum() == 0) {
                return;
            }
            justified.add(name(facts, traineeId));
            BigDecimal detailed = month.absences().hours().getOrDefault(traineeId, BigDecimal.ZERO);
            if (detailed.compareTo(hours) < 0) {
                findings.add(Finding.blocking(name(facts, traineeId) + ", " + French.month(month.month()) + " : " + French.hours(hours)
                        + " d'absence justifiée déclarées, dont " + French.hours(detailed) + " détaillées : indiquez chaque absence "
                        + "(début, fin, motif, lieu, heures) dans la déclaration du mois."));
            }
        });
        boolean proven = month.absences().proofOnFile() || facts.absenceAttestationAllowed() && month.absences().attested();
        if (!justified.isEmpty() && !proven) {
            findings.add(Finding.blocking("Absences justifiées " + French.ofMonth(month.month()) + " (" + String.join(", ", justified)
                    + ") : aucun justificatif n'est au dossier. Versez-les (type « Justificatif d'absence », mois " + month.month() + ")"
                    + (facts.absenceAttestationAllowed() ? " ou cochez l'attestation de l'organisme dans la déclaration du mois." : ".")
                    + " Sans justificatif, ces heures sont à déclarer en absence non justifiée."));
        }
    }

    private static void absences(Facts facts, MonthFacts month, List<Finding> findings) {
        if (!month.confirmed()) {
            return;
        }
        month.declared().forEach((traineeId, line) -> {
            BigDecimal unjustified = line.centreUnjustified().add(line.companyUnjustified());
            BigDecimal total = line.totalHours();
            if (total.signum() > 0 && unjustified.multiply(BigDecimal.valueOf(100)).compareTo(ABSENCE_WARNING_PERCENT.multiply(total)) > 0) {
                BigDecimal percent = unjustified.multiply(BigDecimal.valueOf(100)).divide(total, 0, RoundingMode.HALF_UP);
                findings.add(Finding.warning(name(facts, traineeId) + ", " + French.month(month.month()) + " : " + French.hours(unjustified)
                        + " d'absence non justifiée sur " + French.hours(total) + " (" + percent + " %) ; ces heures ne sont pas payées."));
            }
        });
    }

    private static void plannedHours(Facts facts, List<Finding> findings) {
        facts.plannedHours().forEach((traineeId, planned) -> {
            HourLine declared = facts.months().stream().map(m -> m.declared().get(traineeId)).filter(line -> line != null)
                    .reduce(HourLine.zero(traineeId), HourLine::plus);
            planned.exceededBy(name(facts, traineeId), declared)
                    .forEach(exceeded -> findings.add(Finding.blocking(exceeded + " Corrigez les déclarations mensuelles.")));
        });
    }

    private static void invoices(Facts facts, List<Finding> findings) {
        for (InvoiceFacts invoice : facts.invoices()) {
            BigDecimal centre = BigDecimal.ZERO;
            BigDecimal company = BigDecimal.ZERO;
            for (MonthFacts month : facts.months()) {
                if (invoice.months().contains(month.month())) {
                    for (HourLine line : month.declared().values()) {
                        centre = centre.add(line.paidCentreHours());
                        company = company.add(line.paidCompanyHours());
                    }
                }
            }
            if (centre.compareTo(invoice.centreHours()) != 0 || company.compareTo(invoice.companyHours()) != 0) {
                findings.add(Finding.blocking(invoice.label() + " : " + French.hours(invoice.centreHours()) + " en centre et "
                        + French.hours(invoice.companyHours()) + " en entreprise facturées, mais " + French.hours(centre) + " et "
                        + French.hours(company) + " déclarées pour les mêmes mois. Le financeur doit rejeter cette facture pour qu'elle "
                        + "soit refaite sur les heures déclarées."));
            }
        }
    }

    private static String name(Facts facts, long traineeId) {
        return facts.traineeNames().getOrDefault(traineeId, "Stagiaire n° " + traineeId);
    }
}
