package fr.formaflow.compliance;

import fr.formaflow.attendance.Absence;
import fr.formaflow.attendance.AbsenceEntry;
import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.attendance.PlannedHours;
import fr.formaflow.attendance.Schedule;
import fr.formaflow.attendance.Signatures;
import fr.formaflow.documents.Document;
import fr.formaflow.documents.DocumentService;
import fr.formaflow.documents.DocumentType;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceKind;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import fr.formaflow.platform.ReadsAfterOneFlush;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a dossier's records and runs {@link ConsistencyRules} on them: before each step sent to the funder, and on demand. */
@Service
@Transactional(readOnly = true)
public class ConsistencyCheck {

    private final TraineeService trainees;
    private final AttendanceService attendance;
    private final AttendanceSheets sheets;
    private final InvoiceService invoices;
    private final DocumentService documents;
    private final DossierService dossiers;
    private final Signatures signatures;
    private final ReadsAfterOneFlush readsAfterOneFlush;

    public ConsistencyCheck(TraineeService trainees, AttendanceService attendance, AttendanceSheets sheets, InvoiceService invoices,
                            DocumentService documents, DossierService dossiers, Signatures signatures, ReadsAfterOneFlush readsAfterOneFlush) {
        this.readsAfterOneFlush = readsAfterOneFlush;
        this.trainees = trainees;
        this.attendance = attendance;
        this.sheets = sheets;
        this.invoices = invoices;
        this.documents = documents;
        this.dossiers = dossiers;
        this.signatures = signatures;
    }

    public List<Finding> check(TrainingAction action) {
        return ConsistencyRules.check(facts(action, month -> true, true));
    }

    /**
     * Refuses a month's declaration, before anything is written, while its attendance sheets disagree with the hours
     * about to be recorded ({@code submitted}, by trainee) or fall on a holiday; and its confirmation while the hours
     * done are not backed by signatures.
     */
    public void requireMonthConsistent(TrainingAction action, YearMonth month, Map<Long, HourLine> submitted,
                                       List<AbsenceEntry> submittedAbsences, boolean attested, boolean confirming) {
        ConsistencyRules.Facts facts = facts(action, month::equals, false);
        Map<Long, BigDecimal> detailed = absenceHours(submittedAbsences);
        // the month's facts already know whether its absence proof is on file: the documents are read once
        List<String> blocking = facts.months().stream()
                .flatMap(m -> ConsistencyRules.checkMonth(facts, m.with(submitted,
                        new ConsistencyRules.Absences(detailed, m.absences().proofOnFile(), attested), confirming)).stream())
                .filter(Finding::isBlocking).map(Finding::message).toList();
        BusinessRuleException.throwIfAny("La déclaration " + French.ofMonth(month)
                + (confirming ? " ne peut pas être confirmée" : " ne peut pas être enregistrée")
                + " tant que le contrôle de cohérence signale :", blocking);
    }

    /**
     * The dossier's records for the rules: those of the months {@code months} accepts; with {@code wholeDossier} also its
     * invoices and missing documents, which only the whole dossier's check reads (a month's rules never do).
     */
    private ConsistencyRules.Facts facts(TrainingAction action, Predicate<YearMonth> months, boolean wholeDossier) {
        return readsAfterOneFlush.read(() -> read(action, months, wholeDossier));
    }

    private ConsistencyRules.Facts read(TrainingAction action, Predicate<YearMonth> months, boolean wholeDossier) {
        FunderRules rules = dossiers.rulesOf(action);
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, PlannedHours> planned = new LinkedHashMap<>();
        for (Trainee trainee : trainees.of(action.getId())) {
            names.put(trainee.getId(), trainee.fullName());
            planned.put(trainee.getId(), PlannedHours.of(trainee, action));
        }
        List<Document> files = documents.of(action);
        List<MonthlyDeclaration> checked = attendance.declarations(action.getId()).stream().filter(d -> months.test(d.yearMonth())).toList();
        // every month's hours, half-days, absences and electronic signatures in a few queries, not a few queries a month
        Map<Long, List<HourLine>> declared = attendance.hourLinesByDeclaration(checked);
        Map<Long, List<Absence>> absences = attendance.absencesByDeclaration(checked.stream().filter(MonthlyDeclaration::isConfirmed).toList());
        Map<YearMonth, List<HalfDayAttendance>> halfDays = Map.of();
        Map<YearMonth, Map<Long, BigDecimal>> signedElectronically = Map.of();
        if (!checked.isEmpty()) {
            YearMonth first = checked.get(0).yearMonth(), last = checked.get(checked.size() - 1).yearMonth();
            halfDays = sheets.byMonth(action, first, last);
            // without the month's signed sheet, its hours must be backed by half-days signed electronically
            if (checked.stream().anyMatch(d -> !onFile(files, DocumentType.ATTENDANCE_SHEET, d.yearMonth()))) {
                signedElectronically = signatures.signedHours(action, first, last);
            }
        }
        List<ConsistencyRules.MonthFacts> monthFacts = new ArrayList<>();
        for (MonthlyDeclaration declaration : checked) {
            monthFacts.add(month(declaration, declared.getOrDefault(declaration.getId(), List.of()),
                    halfDays.getOrDefault(declaration.yearMonth(), List.of()), files,
                    absences(declaration, absences.getOrDefault(declaration.getId(), List.of())),
                    signedElectronically.getOrDefault(declaration.yearMonth(), Map.of())));
        }
        List<ConsistencyRules.InvoiceFacts> periodic = !wholeDossier ? List.of() : invoices.of(action.getId()).stream()
                .filter(i -> i.getKind() != InvoiceKind.BALANCE && i.getKind() != InvoiceKind.CREDIT_NOTE && i.getStatus() != InvoiceStatus.REJECTED)
                .map(ConsistencyCheck::invoice).toList();
        List<String> missing = !wholeDossier || rules == null ? List.of()
                : documents.missing(action, DocumentService.required(action, rules.requiredDocuments()), files);
        return new ConsistencyRules.Facts(action.getOrganisation().getSiret(), action.getOrganisation().getNda(),
                action.getOrganisation().isCfa(), rules != null && rules.holidayAttendanceAllowed(),
                rules != null && rules.absenceAttestationAllowed(), names, planned, monthFacts, periodic, missing);
    }

    /**
     * Refuses a step while a blocking finding remains; the organisation sees every one of them in its task.
     *
     * @param refusal what cannot happen, e.g. "La facture ne peut pas être transmise au financeur"
     */
    public void requireNothingBlocking(TrainingAction action, String refusal) {
        BusinessRuleException.throwIfAny(refusal + " tant que le contrôle de cohérence signale :",
                check(action).stream().filter(Finding::isBlocking).map(Finding::message).toList());
    }

    /**
     * The justified absences of these months with their proof, as the funder's validator reads them next to the
     * invoice; null when there is none.
     */
    public String justifiedAbsences(TrainingAction action, List<YearMonth> months) {
        Map<Long, String> names = new LinkedHashMap<>();
        trainees.of(action.getId()).forEach(t -> names.put(t.getId(), t.fullName()));
        List<Document> files = documents.of(action);
        Map<YearMonth, MonthlyDeclaration> declarations = new LinkedHashMap<>();
        attendance.declarations(action.getId()).stream().filter(d -> months.contains(d.yearMonth())).forEach(d -> declarations.put(d.yearMonth(), d));
        Map<Long, List<Absence>> recorded = attendance.absencesByDeclaration(declarations.values());
        StringBuilder text = new StringBuilder();
        for (YearMonth month : months) {
            MonthlyDeclaration declaration = declarations.get(month);
            List<Absence> absences = declaration == null ? List.of() : recorded.getOrDefault(declaration.getId(), List.of());
            if (absences.isEmpty()) {
                continue;
            }
            long proofs = onFileCount(files, DocumentType.ABSENCE_PROOF, month);
            boolean attested = declaration.isAbsencesAttested();
            text.append(text.isEmpty() ? "Absences justifiées déclarées :" : "").append("\n").append(French.month(month)).append(" — ")
                    .append(proofs > 0 ? proofs + " justificatif(s) versé(s)" : attested ? "attestation de l'organisme" : "aucun justificatif")
                    .append(" :");
            absences.forEach(a -> text.append("\n• ").append(names.getOrDefault(a.getTraineeId(), "Stagiaire n° " + a.getTraineeId()))
                    .append(", du ").append(French.date(a.getStart())).append(" au ").append(French.date(a.getEnd())).append(", ")
                    .append(a.getReason()).append(", ").append(French.hours(a.getHours())));
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** Whether at least one month is confirmed and every confirmed month's hours are signed (sheet or electronic signatures). */
    public boolean confirmedMonthsSigned(TrainingAction action) {
        List<ConsistencyRules.MonthFacts> confirmed = facts(action, month -> true, false).months().stream()
                .filter(ConsistencyRules.MonthFacts::confirmed).toList();
        return !confirmed.isEmpty() && confirmed.stream().allMatch(ConsistencyRules::signed);
    }

    /** The warnings, as the validator reads them next to the approve button; null when there is none. */
    public String warningsFor(TrainingAction action) {
        List<String> warnings = check(action).stream().filter(f -> !f.isBlocking()).map(f -> "• " + f.message()).toList();
        return warnings.isEmpty() ? null : "Points d'attention du contrôle de cohérence :\n" + String.join("\n", warnings);
    }

    /** The month's recorded absences and their proof (the declared ones only count once the month is confirmed). */
    private static ConsistencyRules.Absences absences(MonthlyDeclaration declaration, List<Absence> recorded) {
        if (!declaration.isConfirmed()) {
            return ConsistencyRules.Absences.NONE;
        }
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        recorded.forEach(a -> hours.merge(a.getTraineeId(), a.getHours(), BigDecimal::add));
        return new ConsistencyRules.Absences(hours, false, declaration.isAbsencesAttested());
    }

    private static long onFileCount(List<Document> files, DocumentType type, YearMonth month) {
        return files.stream().filter(d -> d.getType() == type && month.toString().equals(d.getMonth())).count();
    }

    private static boolean onFile(List<Document> files, DocumentType type, YearMonth month) {
        return onFileCount(files, type, month) > 0;
    }

    private static Map<Long, BigDecimal> absenceHours(List<AbsenceEntry> absences) {
        Map<Long, BigDecimal> hours = new LinkedHashMap<>();
        absences.stream().filter(a -> a.hours() != null).forEach(a -> hours.merge(a.traineeId(), a.hours(), BigDecimal::add));
        return hours;
    }

    private static ConsistencyRules.MonthFacts month(MonthlyDeclaration declaration, List<HourLine> lines, List<HalfDayAttendance> halfDays,
                                                     List<Document> files, ConsistencyRules.Absences recorded,
                                                     Map<Long, BigDecimal> signedElectronically) {
        YearMonth month = declaration.yearMonth();
        Map<Long, HourLine> declared = new LinkedHashMap<>();
        lines.forEach(line -> declared.put(line.traineeId(), line));
        List<ConsistencyRules.HalfDay> attended = halfDays.stream()
                .filter(h -> h.getStatus() == HalfDayAttendance.Status.PRESENT)
                .map(h -> new ConsistencyRules.HalfDay(h.getTraineeId(), h.getDay(), h.getHalf() == Schedule.Half.AM ? "matin" : "après-midi",
                        h.getHours())).toList();
        boolean signed = onFile(files, DocumentType.ATTENDANCE_SHEET, month);
        boolean absenceProof = onFile(files, DocumentType.ABSENCE_PROOF, month);
        return new ConsistencyRules.MonthFacts(month, declaration.isConfirmed(), declared, AttendanceSheets.hoursOf(halfDays), attended, signed,
                signed ? Map.of() : signedElectronically, new ConsistencyRules.Absences(recorded.hours(), absenceProof, recorded.attested()));
    }

    private static ConsistencyRules.InvoiceFacts invoice(Invoice invoice) {
        String label = "Facture " + (invoice.getNumber() == null ? "à confirmer" : invoice.getNumber()) + " (" + invoice.getKind().label() + ")";
        return new ConsistencyRules.InvoiceFacts(label, invoice.coveredMonths(), invoice.getCentreHours(), invoice.getCompanyHours());
    }

}
