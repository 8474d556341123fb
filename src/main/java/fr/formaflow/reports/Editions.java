package fr.formaflow.reports;

import static fr.formaflow.reports.ReportTable.date;
import static fr.formaflow.reports.ReportTable.euros;
import static fr.formaflow.reports.ReportTable.number;
import static fr.formaflow.reports.ReportTable.text;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.DeclarationStatus;
import fr.formaflow.attendance.EarlyExitReasons;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.DossierPhase;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceKind;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.platform.Clock;
import fr.formaflow.trainee.SurveyAnswers;
import fr.formaflow.trainee.SurveySchedule;
import fr.formaflow.trainee.SurveyStatuses;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rows of each report ("Éditions") over a list of dossiers the caller may see. */
@Service
@Transactional(readOnly = true)
public class Editions {

    static final Map<String, String> EXIT_TYPES = Map.of("END_OF_TRAINING", "Fin de formation", "EARLY_EXIT", "Sortie anticipée");
    static final Map<String, String> EVALUATION_RESULTS = Map.of("ACQUIRED", "Acquis", "PARTIAL", "Partiellement acquis",
            "NOT_ACQUIRED", "Non acquis");

    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final AttendanceService attendance;
    private final InvoiceService invoices;
    private final SurveyStatuses surveys;
    private final Clock clock;

    public Editions(TraineeService trainees, TrainerRepository trainers, AttendanceService attendance, InvoiceService invoices,
                    SurveyStatuses surveys, Clock clock) {
        this.clock = clock;
        this.trainees = trainees;
        this.trainers = trainers;
        this.attendance = attendance;
        this.invoices = invoices;
        this.surveys = surveys;
    }

    public ReportTable table(Report report, String scope, List<TrainingAction> actions) {
        return switch (report) {
            case TRAINERS -> trainerList(scope, actions);
            case TRAINEES_AT_OPENING -> traineesAtOpening(scope, actions);
            case TRAINEES_AT_CLOSURE -> traineesAtClosure(scope, actions);
            case DECLARATIONS -> declarations(scope, actions);
            case PAYMENTS_PENDING -> payments(report, scope, actions, i -> i.getStatus() == InvoiceStatus.ISSUED,
                    List.of(), i -> List.of());
            case PAYMENTS_ACCEPTED -> payments(report, scope, actions,
                    i -> i.getStatus() == InvoiceStatus.ACCEPTED || i.getStatus() == InvoiceStatus.PAID,
                    List.of("Acceptée le", "Payée le", "Référence du virement"),
                    i -> List.of(date(i.getDecidedAt() == null ? null : i.getDecidedAt().toLocalDate()), date(i.getPaidOn()),
                            text(i.getPaymentReference())));
            case PAYMENTS_REJECTED -> payments(report, scope, actions, i -> i.getStatus() == InvoiceStatus.REJECTED,
                    List.of("Rejetée le", "Motif du rejet"),
                    i -> List.of(date(i.getDecidedAt() == null ? null : i.getDecidedAt().toLocalDate()), text(i.getRejectionReason())));
            case SURVEYS_AT_EXIT -> surveys(report, scope, actions, SurveyStatuses.Stage.EXIT);
            case SURVEYS_SIX_MONTHS -> surveys(report, scope, actions, SurveyStatuses.Stage.SIX_MONTHS);
            case SURVEYS_ONE_YEAR -> surveys(report, scope, actions, SurveyStatuses.Stage.ONE_YEAR);
            case ACTIONS -> actionList(scope, actions);
            case BPF -> throw new IllegalArgumentException("The BPF is per organisation: see Bpfs");
        };
    }

    private ReportTable trainerList(String scope, List<TrainingAction> actions) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            for (TrainerAssignment assignment : a.getTrainers()) {
                Trainer t = trainers.findById(assignment.trainerId()).orElseThrow();
                rows.add(List.of(a.getContractNumber(), a.getTitle(), a.getOrganisation().getName(), t.getLastName(), t.getFirstName(),
                        text(t.getDomain()), text(t.getStatus()), number(assignment.hours())));
            }
        }
        return new ReportTable(Report.TRAINERS.title(), scope,
                List.of("Contrat", "Action", "Organisme", "Nom", "Prénom", "Domaine", "Statut", "Heures prévues"), rows);
    }

    private ReportTable traineesAtOpening(String scope, List<TrainingAction> actions) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            for (Trainee t : trainees.of(a.getId())) {
                rows.add(List.of(a.getContractNumber(), a.getTitle(), t.getLastName(), t.getFirstName(), date(t.getBirthDate()),
                        date(t.getEntryDate()), t.isPaid() ? "oui" : "non", text(t.getRemunerationBody()), text(t.getPrescriber()),
                        text(t.getPostcode()), text(t.getCity())));
            }
        }
        return new ReportTable(Report.TRAINEES_AT_OPENING.title(), scope, List.of("Contrat", "Action", "Nom", "Prénom",
                "Date de naissance", "Date d'entrée", "Rémunéré", "Organisme de rémunération", "Prescripteur", "Code postal", "Ville"), rows);
    }

    private ReportTable traineesAtClosure(String scope, List<TrainingAction> actions) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            Map<Long, HourLine> hours = hoursPerTrainee(a);
            for (Trainee t : trainees.of(a.getId())) {
                HourLine h = hours.getOrDefault(t.getId(), HourLine.zero(t.getId()));
                rows.add(List.of(a.getContractNumber(), a.getTitle(), t.getLastName(), t.getFirstName(), date(t.getEntryDate()),
                        date(t.getExitDate()), EXIT_TYPES.getOrDefault(text(t.getExitType()), ""),
                        EarlyExitReasons.LABELS.getOrDefault(text(t.getEarlyExitReason()), ""),
                        number(h.centreCompleted().add(h.companyCompleted())), number(h.centreJustified().add(h.companyJustified())),
                        number(h.centreUnjustified().add(h.companyUnjustified())),
                        EVALUATION_RESULTS.getOrDefault(text(t.getEvaluationResult()), text(t.getEvaluationResult()))));
            }
        }
        return new ReportTable(Report.TRAINEES_AT_CLOSURE.title(), scope, List.of("Contrat", "Action", "Nom", "Prénom", "Date d'entrée",
                "Date de sortie", "Type de sortie", "Motif de sortie anticipée", "Heures réalisées", "Heures non réalisées justifiées",
                "Heures non réalisées non justifiées", "Évaluation"), rows);
    }

    /** Confirmed hours of each trainee, every month added up. */
    Map<Long, HourLine> hoursPerTrainee(TrainingAction a) {
        return attendance.confirmedHourLines(a.getId()).stream().collect(Collectors.toMap(HourLine::traineeId, l -> l, HourLine::plus));
    }

    private ReportTable declarations(String scope, List<TrainingAction> actions) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            for (MonthlyDeclaration d : attendance.declarations(a.getId())) {
                List<HourLine> lines = attendance.hourLines(a.getId(), d.yearMonth());
                HourLine total = lines.stream().reduce(HourLine.zero(0), HourLine::plus);
                String lateness = d.lateness(clock.today());
                rows.add(List.of(a.getContractNumber(), a.getTitle(), d.getMonth(),
                        DECLARATION_STATUS.get(d.getStatus()) + (lateness.isEmpty() ? "" : " (" + lateness + ")"),
                        date(d.getDeadline()), date(d.getConfirmedAt() == null ? null : d.getConfirmedAt().toLocalDate()),
                        String.valueOf(lines.size()), number(total.centreCompleted().add(total.companyCompleted())),
                        number(total.centreJustified().add(total.companyJustified())),
                        number(total.centreUnjustified().add(total.companyUnjustified()))));
            }
        }
        return new ReportTable(Report.DECLARATIONS.title(), scope, List.of("Contrat", "Action", "Mois", "État", "Échéance",
                "Confirmée le", "Stagiaires déclarés", "Heures réalisées", "Heures non réalisées justifiées",
                "Heures non réalisées non justifiées"), rows);
    }


    static final Map<DeclarationStatus, String> DECLARATION_STATUS = Map.of(DeclarationStatus.OPEN, "Ouverte",
            DeclarationStatus.POSTPONED, "Reportée à la période suivante", DeclarationStatus.CONFIRMED, "Confirmée");

    private ReportTable payments(Report report, String scope, List<TrainingAction> actions, Predicate<Invoice> which,
                                 List<String> extraHeaders, java.util.function.Function<Invoice, List<String>> extra) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            for (Invoice i : invoices.of(a.getId())) {
                if (i.getKind() != InvoiceKind.CREDIT_NOTE && which.test(i)) {
                    List<String> row = new ArrayList<>(List.of(a.getContractNumber(), a.getTitle(), a.getOrganisation().getName(),
                            a.getFunder().getName(), text(i.getNumber()), i.getKind().label(), i.getMonths(),
                            String.valueOf(i.getTraineeCount()), ReportTable.number(i.getCentreHours()), ReportTable.number(i.getCompanyHours()),
                            date(i.getConfirmedAt() == null ? null : i.getConfirmedAt().toLocalDate()),
                            euros(i.getNetCents()), euros(i.getVatCents()), euros(i.getGrossCents())));
                    row.addAll(extra.apply(i));
                    rows.add(row);
                }
            }
        }
        List<String> headers = new ArrayList<>(List.of("Contrat", "Action", "Organisme", "Financeur", "Facture", "Type", "Mois",
                "Stagiaires", "Heures en centre", "Heures en entreprise", "Émise le", "Montant HT (€)", "TVA (€)", "Montant TTC (€)"));
        headers.addAll(extraHeaders);
        return new ReportTable(report.title(), scope, headers, rows);
    }

    private ReportTable surveys(Report report, String scope, List<TrainingAction> actions, SurveyStatuses.Stage stage) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            for (SurveyStatuses.Line l : surveys.of(a.getId())) {
                if (l.stage() == stage) {
                    rows.add(List.of(a.getContractNumber(), a.getTitle(), a.getOrganisation().getName(), l.trainee(), date(l.exitDate()),
                            date(l.surveyDate()), date(l.deadline()), l.statusLabel(),
                            l.situation() == null ? "" : SurveyAnswers.situationLabel(l.situation()), SurveyAnswers.contractLabel(l.contract())));
                }
            }
        }
        return new ReportTable(report.title(), scope, List.of("Contrat", "Action", "Organisme", "Stagiaire", "Date de sortie",
                "Date de l'enquête", "Échéance", "État", "Situation", "Type de contrat"), rows);
    }

    private static final Set<DossierPhase> BEFORE_EXECUTION = EnumSet.of(DossierPhase.SUBMISSION, DossierPhase.CONTRACT,
            DossierPhase.TRAINEES, DossierPhase.OPENING);

    /** The seed's list of actions by programming year, with the state of each column. */
    private ReportTable actionList(String scope, List<TrainingAction> actions) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainingAction a : actions) {
            List<Trainee> list = trainees.of(a.getId());
            List<MonthlyDeclaration> months = attendance.declarations(a.getId());
            List<Invoice> all = invoices.of(a.getId());
            long invoiced = all.stream().filter(Invoice::counts).mapToLong(Invoice::getNetCents).sum();
            long pending = all.stream().filter(i -> i.getKind() != InvoiceKind.CREDIT_NOTE && i.getStatus() == InvoiceStatus.ISSUED).count();
            List<SurveyStatuses.Line> followUp = surveys.of(a.getId()).stream().filter(l -> l.stage() != SurveyStatuses.Stage.EXIT).toList();
            rows.add(List.of(a.getContractNumber(), a.getTitle(), a.getOrganisation().getName(), a.getFunder().getName(),
                    date(a.getPlannedStart()), date(a.getPlannedEnd()), date(a.getRealStart()), date(a.getRealEnd()),
                    text(a.getTotalTrainees()), String.valueOf(list.size()), String.valueOf(list.stream().filter(Trainee::hasExited).count()),
                    execution(a),
                    months.stream().filter(MonthlyDeclaration::isConfirmed).count() + " confirmée(s) sur " + months.size(),
                    euros(invoiced) + " € HT sur " + euros(a.totalPriceCents()) + " €" + (pending > 0 ? " ; " + pending + " en attente" : ""),
                    a.getRealEnd() == null ? "non clôturée" : "clôturée au " + date(a.getRealEnd()),
                    followUp.isEmpty() ? "" : followUp.stream().filter(l -> l.status() == SurveySchedule.Status.ANSWERED).count()
                            + " saisie(s) sur " + followUp.size() + ", "
                            + followUp.stream().filter(l -> l.status() == SurveySchedule.Status.OVERDUE).count() + " en retard"));
        }
        return new ReportTable(Report.ACTIONS.title(), scope, List.of("Contrat", "Intitulé", "Organisme", "Financeur", "Début prévu",
                "Fin prévue", "Début réel", "Fin réelle", "Stagiaires prévus", "Stagiaires inscrits", "Stagiaires sortis", "Exécution",
                "Déclarations", "Facturation", "Clôture", "Enquêtes de suivi"), rows);
    }

    private static String execution(TrainingAction a) {
        if (BEFORE_EXECUTION.contains(a.getPhase())) {
            return "à venir (" + a.getPhase().label() + ")";
        }
        return a.getPhase().label();
    }
}
