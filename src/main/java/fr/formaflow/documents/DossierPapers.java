package fr.formaflow.documents;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.AttendanceSheets;
import fr.formaflow.attendance.HalfDayAttendance;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.HoursSummary;
import fr.formaflow.attendance.Signatures;
import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.Clock;
import fr.formaflow.trainee.FollowUpSurvey;
import fr.formaflow.trainee.FollowUpSurveyRepository;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documents Formaflow produces at each step of a dossier, stored with the dossier (versioned). */
@Service
@Transactional
public class DossierPapers {

    private final DocumentService documents;
    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final AttendanceService attendance;
    private final AttendanceSheets sheets;
    private final HoursSummary summary;
    private final Clock clock;
    private final FollowUpSurveyRepository surveys;
    private final OrganisationRepository organisations;
    private final Signatures signatures;

    public DossierPapers(DocumentService documents, TraineeService trainees, TrainerRepository trainers, AttendanceService attendance,
                         AttendanceSheets sheets, HoursSummary summary, Clock clock, FollowUpSurveyRepository surveys,
                         OrganisationRepository organisations, Signatures signatures) {
        this.surveys = surveys;
        this.organisations = organisations;
        this.signatures = signatures;
        this.documents = documents;
        this.trainees = trainees;
        this.trainers = trainers;
        this.attendance = attendance;
        this.sheets = sheets;
        this.summary = summary;
        this.clock = clock;
    }

    public List<Document> agreements(TrainingAction action) {
        return agreements(action, null);
    }

    /**
     * One training agreement per client, one contract per subcontractor and per trainer, and in portage the organisation's
     * subcontracting contract with the platform, to be signed and uploaded back.
     * rules: the funder's, for the payment timetable; null when unknown.
     */
    public List<Document> agreements(TrainingAction action, FunderRules rules) {
        List<Trainee> enrolled = trainees.of(action.getId());
        Map<Long, Trainer> trainerById = trainersOf(action);
        List<Document> produced = new java.util.ArrayList<>(action.getClients().stream().map((ClientCompany client) ->
                documents.storeGenerated(action, DocumentType.TRAINING_AGREEMENT, null, null,
                        "convention-" + action.getContractNumber() + "-" + client.siret() + ".pdf",
                        TrainingAgreementPdf.render(action, new TrainingAgreementPdf.Parties(client, enrolled, trainerById, rules)))).toList());
        for (Organisation subcontractor : organisations.findAllById(action.getSubcontractorIds())) {
            produced.add(documents.storeGenerated(action, DocumentType.SUBCONTRACTING_CONTRACT_DRAFT, null, null,
                    "contrat-sous-traitance-" + action.getContractNumber() + "-" + subcontractor.getSiret() + ".pdf",
                    SubcontractingContractPdf.render(action, subcontractor, action.getTrainers().stream()
                            .filter(t -> trainerById.containsKey(t.trainerId()) && subcontractor.getId().equals(trainerById.get(t.trainerId()).getOrganisationId()))
                            .map(TrainerAssignment::hours).reduce(BigDecimal.ZERO, BigDecimal::add))));
        }
        if (action.getFunder().getScheme() == fr.formaflow.funder.FundingScheme.PORTAGE) {
            produced.add(documents.storeGenerated(action, DocumentType.PORTAGE_CONTRACT_DRAFT, null, null, PortageContractPdf.filename(action),
                    PortageContractPdf.render(action, rules == null ? BigDecimal.ZERO : rules.serviceFeePercent())));
        }
        for (TrainerAssignment assignment : action.getTrainers()) {
            Trainer trainer = trainerById.get(assignment.trainerId());
            produced.add(documents.storeGenerated(action, DocumentType.TRAINER_CONTRACT_DRAFT, null, null,
                    "contrat-formateur-" + action.getContractNumber() + "-" + trainer.getLastName().toLowerCase() + "-" + trainer.getId() + ".pdf",
                    TrainerContractPdf.render(action, trainer, assignment.hours())));
        }
        return produced;
    }

    /** The purchase order the funder has just issued (Formiris), for the organisation to stamp, sign and return. */
    public Document purchaseOrder(TrainingAction action) {
        return documents.storeGenerated(action, DocumentType.PURCHASE_ORDER, null, null, PurchaseOrderPdf.filename(action),
                PurchaseOrderPdf.render(action));
    }

    /** Once the funder has validated the trainee list: per client, the amendment annexing it to the signed agreement. */
    public List<Document> traineeAnnex(TrainingAction action, FunderRules rules) {
        List<Trainee> enrolled = trainees.of(action.getId());
        if (enrolled.isEmpty()) {
            return List.of();
        }
        Map<Long, Trainer> trainerById = trainersOf(action);
        return action.getClients().stream().map((ClientCompany client) -> documents.storeGenerated(action,
                DocumentType.TRAINING_AGREEMENT_AMENDMENT, null, null, "avenant-stagiaires-" + action.getContractNumber() + "-" + client.siret() + ".pdf",
                TrainingAgreementPdf.amendment(action, new TrainingAgreementPdf.Parties(client, enrolled, trainerById, rules)))).toList();
    }

    /** The follow-up surveys of every trainee, 6 months and 1 year after their exit, once the follow-up is over. */
    public Document followUpReport(TrainingAction action) {
        List<Trainee> all = trainees.of(action.getId());
        Map<Long, List<FollowUpSurvey>> answers = all.stream().collect(Collectors.toMap(Trainee::getId,
                t -> surveys.findByTraineeId(t.getId())));
        byte[] sixMonths = SurveyReportPdf.render(action, "6 mois après la sortie", all.stream().map(t -> row(t, answers.get(t.getId()),
                "SIX_MONTHS")).toList());
        byte[] oneYear = SurveyReportPdf.render(action, "1 an après la sortie", all.stream().map(t -> row(t, answers.get(t.getId()),
                "ONE_YEAR")).toList());
        documents.storeGenerated(action, DocumentType.FOLLOW_UP_REPORT, null, null,
                "bilan-6-mois-" + action.getContractNumber() + ".pdf", sixMonths);
        return documents.storeGenerated(action, DocumentType.FOLLOW_UP_REPORT, null, null,
                "bilan-1-an-" + action.getContractNumber() + ".pdf", oneYear);
    }

    private static SurveyReportPdf.Row row(Trainee t, List<FollowUpSurvey> answers, String kind) {
        return answers.stream().filter(a -> a.getKind().equals(kind)).findFirst()
                .map(a -> new SurveyReportPdf.Row(t.fullName(), t.getExitDate(), a.getSituation(), a.getContract()))
                .orElse(new SurveyReportPdf.Row(t.fullName(), t.getExitDate(), null, null));
    }

    public List<Document> convocations(TrainingAction action) {
        return trainees.of(action.getId()).stream().map(t -> documents.storeGenerated(action, DocumentType.CONVOCATION, t.getId(), null,
                "convocation-" + action.getContractNumber() + "-" + t.getLastName().toLowerCase() + "-" + t.getId() + ".pdf",
                ConvocationPdf.render(action, t))).toList();
    }

    public List<Document> openingLists(TrainingAction action) {
        return lists(action, false);
    }

    /**
     * At a validated opening: the lists, and where the funder asks for them (funder-rules.dmn, « openingCertificate »)
     * the certificat administratif d'ouverture and the bordereau d'envoi listing the three (seed 003, §3.4).
     */
    public List<Document> opening(TrainingAction action, boolean certificate) {
        List<Document> produced = new java.util.ArrayList<>(lists(action, false));
        if (certificate) {
            List<Trainee> enrolled = trainees.of(action.getId());
            produced.add(documents.storeGenerated(action, DocumentType.OPENING_CERTIFICATE, null, null,
                    "certificat-ouverture-" + action.getContractNumber() + ".pdf",
                    OpeningCertificatePdf.opening(action, enrolled.size(), (int) enrolled.stream().filter(Trainee::isPaid).count())));
            produced.add(sendingSlip(action, List.of(DocumentType.TRAINEE_LIST_OPENING, DocumentType.TRAINER_LIST_OPENING,
                    DocumentType.OPENING_CERTIFICATE)));
        }
        return produced;
    }

    /**
     * « Ouverture : Non » validated by the funder: the certificat administratif de non-ouverture and the bordereau d'envoi
     * (seed 003, §3.4), where the funder asks for them; nothing else, no list and no invoice.
     */
    public List<Document> nonOpening(TrainingAction action, boolean certificate) {
        if (!certificate) {
            return List.of();
        }
        return List.of(documents.storeGenerated(action, DocumentType.NON_OPENING_CERTIFICATE, null, null,
                        "certificat-non-ouverture-" + action.getContractNumber() + ".pdf", OpeningCertificatePdf.nonOpening(action)),
                sendingSlip(action, List.of(DocumentType.NON_OPENING_CERTIFICATE)));
    }

    private Document sendingSlip(TrainingAction action, List<DocumentType> enclosed) {
        return documents.storeGenerated(action, DocumentType.SENDING_SLIP, null, null,
                "bordereau-envoi-" + action.getContractNumber() + ".pdf", OpeningCertificatePdf.sendingSlip(action,
                        enclosed.stream().map(type -> type.label().replace(" à signer", "")).toList()));
    }

    public List<Document> closure(TrainingAction action) {
        List<Document> produced = new java.util.ArrayList<>(lists(action, true));
        produced.add(documents.storeGenerated(action, DocumentType.EXIT_SURVEY_REPORT, null, null,
                "bilan-sortie-" + action.getContractNumber() + ".pdf", SurveyReportPdf.render(action, "à la sortie",
                        trainees.of(action.getId()).stream().map(t -> new SurveyReportPdf.Row(t.fullName(), t.getExitDate(),
                                t.getExitSituation(), t.getExitContract())).toList())));
        Map<Long, BigDecimal> completed = attendance.confirmedHourLines(action.getId()).stream()
                .collect(Collectors.toMap(HourLine::traineeId, l -> l.centreCompleted().add(l.companyCompleted()), BigDecimal::add));
        String employer = action.getClients().size() == 1 ? action.getClients().get(0).name() : null;
        for (Trainee t : trainees.of(action.getId())) {
            BigDecimal hours = completed.getOrDefault(t.getId(), BigDecimal.ZERO);
            String name = action.getContractNumber() + "-" + t.getLastName().toLowerCase() + "-" + t.getId() + ".pdf";
            produced.add(documents.storeGenerated(action, DocumentType.COMPLETION_CERTIFICATE, t.getId(), null, "certificat-realisation-" + name,
                    CertificatePdf.completion(action, t, hours, employer, clock.today())));
            produced.add(documents.storeGenerated(action, DocumentType.END_OF_TRAINING_CERTIFICATE, t.getId(), null, "attestation-fin-formation-" + name,
                    CertificatePdf.endOfTraining(action, t, hours, clock.today())));
        }
        return produced;
    }

    /** The month's sheet to be signed, pre-filled with the scheduled half-days. */
    public Document blankSheet(TrainingAction action, YearMonth month, boolean holidaysAllowed) {
        return documents.storeGenerated(action, DocumentType.ATTENDANCE_SHEET_BLANK, null, month.toString(),
                "emargement-" + action.getContractNumber() + "-" + month + ".pdf", AttendanceSheetPdf.render(action, month,
                        sheets.schedule(action, holidaysAllowed).of(month), attendance.traineesIn(action, month), List.of(), trainerNames(action)));
    }

    /** After the month's confirmation: its summary, and the filled sheet when attendance was recorded by half-day. */
    public List<Document> monthSummary(TrainingAction action, YearMonth month, boolean holidaysAllowed) {
        List<Document> produced = new java.util.ArrayList<>(List.of(documents.storeGenerated(action, DocumentType.MONTHLY_SUMMARY, null,
                month.toString(), "recapitulatif-" + action.getContractNumber() + "-" + month + ".pdf",
                MonthlySummaryPdf.render(action, month.toString(), summary.of(action)))));
        List<HalfDayAttendance> recorded = sheets.of(action, month);
        if (!recorded.isEmpty()) {
            produced.add(documents.storeGenerated(action, DocumentType.ATTENDANCE_SHEET_FILLED, null, month.toString(),
                    "emargement-renseigne-" + action.getContractNumber() + "-" + month + ".pdf", AttendanceSheetPdf.render(action, month,
                            sheets.schedule(action, holidaysAllowed).of(month), attendance.traineesIn(action, month), recorded, trainerNames(action),
                            new SignatureMarks(signatures.signedHalfDays(action, month)))));
        }
        return produced;
    }

    /** The printed names of the action's trainers by id, in the order of the dossier. */
    private Map<Long, String> trainerNames(TrainingAction action) {
        Map<Long, Trainer> byId = trainersOf(action);
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        action.getTrainers().stream().filter(t -> byId.containsKey(t.trainerId()))
                .forEach(t -> names.put(t.trainerId(), byId.get(t.trainerId()).fullName()));
        return names;
    }

    private Map<Long, Trainer> trainersOf(TrainingAction action) {
        return trainers.findAllById(action.getTrainers().stream().map(TrainerAssignment::trainerId).toList()).stream()
                .collect(Collectors.toMap(Trainer::getId, Function.identity()));
    }

    private List<Document> lists(TrainingAction action, boolean atClosure) {
        String moment = atClosure ? "cloture" : "ouverture";
        Map<Long, Trainer> byId = trainersOf(action);
        return List.of(
                documents.storeGenerated(action, atClosure ? DocumentType.TRAINEE_LIST_CLOSURE : DocumentType.TRAINEE_LIST_OPENING, null, null,
                        "liste-stagiaires-" + moment + "-" + action.getContractNumber() + ".pdf",
                        TraineeListPdf.render(action, trainees.of(action.getId()), atClosure)),
                documents.storeGenerated(action, atClosure ? DocumentType.TRAINER_LIST_CLOSURE : DocumentType.TRAINER_LIST_OPENING, null, null,
                        "liste-formateurs-" + moment + "-" + action.getContractNumber() + ".pdf",
                        TrainerListPdf.render(action, byId, atClosure)));
    }
}
