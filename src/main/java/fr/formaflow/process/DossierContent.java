package fr.formaflow.process;

import fr.formaflow.attendance.AttendanceService;
import fr.formaflow.attendance.HourLine;
import fr.formaflow.attendance.MonthlyDeclaration;
import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.MarketReferences;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.AdvanceKind;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation has entered in a dossier, as a validator reads it before deciding: the programme, periods,
 * clients, trainers, prices, trainees, months' hours, invoices, closure. Each value is one French line under a label,
 * so that two versions compare field by field (the rejected one is kept with the rejection: {@link TaskWorkspace}).
 */
@Component
@Transactional(readOnly = true)
public class DossierContent {

    public record Entry(String label, String value) { }

    public record Section(String title, List<Entry> entries) { }

    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final AttendanceService attendance;
    private final InvoiceService invoices;

    public DossierContent(TraineeService trainees, TrainerRepository trainers, AttendanceService attendance, InvoiceService invoices) {
        this.trainees = trainees;
        this.trainers = trainers;
        this.attendance = attendance;
        this.invoices = invoices;
    }

    public List<Section> of(TrainingAction a) {
        List<Section> sections = new ArrayList<>();
        Section action = new Section("L'action", new ArrayList<>());
        add(action, "Intitulé", a.getTitle());
        add(action, "Objectifs", a.getObjectives());
        add(action, "Programme / contenu", a.getContent());
        add(action, "Formacode", a.getFormacode());
        add(action, "Nature", a.getNature() == null ? null : a.getNature().label());
        add(action, "Dates prévues", a.getPlannedStart() == null ? null
                : "du " + French.date(a.getPlannedStart()) + " au " + French.date(a.getPlannedEnd()));
        add(action, "Durée en centre", hours(a.getHoursCentre()));
        add(action, "Durée en entreprise", hours(a.getHoursCompany()));
        add(action, "Lieu", a.getLocation());
        add(action, "Places", a.getTotalTrainees() == null ? null : a.getTotalTrainees() + " stagiaires dont " + a.getPaidTrainees() + " rémunérés");
        add(action, "Prix en centre", euros(a.getPriceCentreCents()));
        add(action, "Prix en entreprise", euros(a.getPriceCompanyCents()));
        add(action, "Coût horaire en centre", euros(a.getUnitCostCentreCents()));
        add(action, "Coût horaire en entreprise", euros(a.getUnitCostCompanyCents()));
        add(action, "Fréquence de paiement", a.getPaymentMode() == null ? null : a.getPaymentMode().label());
        add(action, "Avance", a.getAdvanceKind() == AdvanceKind.NONE ? null : a.getAdvanceKind().label() + " de "
                + French.percent(a.getAdvancePercent()));
        add(action, "Ouverture de l'action", a.isNotOpened() ? "Non — " + a.getNotOpenedReason() : null);
        add(action, "Début réel", date(a.getRealStart()));
        add(action, "Fin réelle", date(a.getRealEnd()));
        add(action, "Bilan pédagogique", a.getPedagogicalReport());
        sections.add(action);

        MarketReferences refs = a.getMarketReferences();
        Section market = new Section("Références du marché (Région)", new ArrayList<>());
        add(market, "Appel à projet", refs.callForProjects());
        add(market, "Numéro d'opération Safir", refs.operationNumber());
        add(market, "Numéro de marché", refs.marketNumber());
        add(market, "Instance décisionnaire", refs.decidingBody());
        add(market, "Date de vote", date(refs.voteDate()));
        add(market, "Secteur d'activité", refs.sector());
        add(market, "Numéro d'engagement juridique", refs.commitmentNumber());
        add(market, "Code service (Chorus Pro)", refs.serviceCode());
        addIfAny(sections, market);

        Section periods = new Section("Périodes", new ArrayList<>());
        int n = 0;
        for (Period period : a.getPeriods()) {
            String place = period.place().label();
            add(periods, "Période " + ++n, Character.toUpperCase(place.charAt(0)) + place.substring(1) + " du " + French.date(period.start()) + " au " + French.date(period.end()));
        }
        addIfAny(sections, periods);

        Section clients = new Section("Clients", new ArrayList<>());
        n = 0;
        for (ClientCompany client : a.getClients()) {
            add(clients, "Client " + ++n, join(client.name(), client.siret() == null ? null : "SIRET " + client.siret(), client.address(),
                    client.email(), client.opco() == null ? null : "OPCO " + client.opco()));
        }
        addIfAny(sections, clients);

        Section trainerSection = new Section("Formateurs", new ArrayList<>());
        Map<Long, String> trainerNames = trainerNames(a);
        for (TrainerAssignment assignment : a.getTrainers()) {
            add(trainerSection, trainerNames.getOrDefault(assignment.trainerId(), "Formateur n° " + assignment.trainerId()),
                    hours(assignment.hours()));
        }
        addIfAny(sections, trainerSection);

        List<Trainee> enrolled = trainees.of(a.getId());
        Map<Long, String> names = enrolled.stream().collect(Collectors.toMap(Trainee::getId, Trainee::fullName));
        Section traineeSection = new Section("Stagiaires", new ArrayList<>());
        for (Trainee t : enrolled) {
            add(traineeSection, t.fullName(), join("né(e) le " + date(t.getBirthDate()), "entrée le " + date(t.getEntryDate()),
                    t.isPaid() ? "rémunéré(e)" + (t.getRemunerationBody() == null ? "" : " par " + t.getRemunerationBody()) : "non rémunéré(e)",
                    t.getExitDate() == null ? null : "sortie le " + date(t.getExitDate()) + (t.getExitType() == null ? "" : " (" + t.getExitType() + ")"),
                    t.getEvaluationResult() == null ? null : "évaluation : " + t.getEvaluationResult(),
                    t.getExitSituation() == null ? null : "situation à la sortie : " + t.getExitSituation()));
        }
        addIfAny(sections, traineeSection);

        // an individualised action: each trainee's « parcours individualisé » (seed 003 §3.2)
        Section pathSection = new Section("Parcours individualisés", new ArrayList<>());
        for (Trainee t : a.isCollective() ? List.<Trainee>of() : enrolled) {
            fr.formaflow.trainee.IndividualPath p = t.getPath();
            add(pathSection, t.fullName(), join(p.professionalProject() == null ? null : "projet : " + p.professionalProject(),
                    t.getPathHoursCentre() == null ? null : hours(t.getPathHoursCentre()) + " en centre, " + hours(t.getPathHoursCompany())
                            + " en entreprise",
                    p.start() == null ? null : "du " + date(p.start()) + " au " + date(p.end()),
                    p.companyPeriodCount() == null ? null : p.companyPeriodCount() + " période(s) en entreprise",
                    p.periods().isEmpty() ? null : "périodes : " + p.periods().stream().map(period -> (period.place() == fr.formaflow.dossier.Place.CENTRE
                            ? "centre" : "entreprise") + " du " + date(period.start()) + " au " + date(period.end())).collect(Collectors.joining(", ")),
                    p.generalModules() == null ? null : "modules généraux : " + p.generalModules(),
                    p.professionalModules() == null ? null : "modules professionnels : " + p.professionalModules(),
                    p.companyObjectives() == null ? null : "objectifs en entreprise : " + p.companyObjectives(),
                    t.getPathObjectives() == null ? null : "objectifs de formation : " + t.getPathObjectives(),
                    t.isVaePlanned() ? "VAE envisagée" : null));
        }
        addIfAny(sections, pathSection);

        for (MonthlyDeclaration declaration : attendance.declarations(a.getId())) {
            YearMonth month = declaration.yearMonth();
            Section hours = new Section("Heures de " + French.month(month) + (declaration.isConfirmed() ? " (confirmées)" : " (non confirmées)"),
                    new ArrayList<>());
            for (HourLine line : attendance.hourLines(a.getId(), month)) {
                add(hours, French.month(month) + " — " + names.getOrDefault(line.traineeId(), "Stagiaire n° " + line.traineeId()),
                        "centre : " + French.hours(line.centreCompleted()) + " réalisées, " + French.hours(line.centreJustified()) + " justifiées, "
                                + French.hours(line.centreUnjustified()) + " non justifiées ; entreprise : " + French.hours(line.companyCompleted())
                                + " réalisées, " + French.hours(line.companyJustified()) + " justifiées, "
                                + French.hours(line.companyUnjustified()) + " non justifiées");
            }
            addIfAny(sections, hours);
        }

        Section invoiceSection = new Section("Factures", new ArrayList<>());
        for (Invoice invoice : invoices.of(a.getId())) {
            add(invoiceSection, invoice.getNumber() == null ? "Facture en préparation (" + invoice.getMonths() + ")" : "Facture " + invoice.getNumber(),
                    join(invoice.getKind().label(), invoice.getStatus().label(), invoice.getMonths(),
                            French.euros(invoice.getNetCents()) + " HT, " + French.euros(invoice.getGrossCents()) + " TTC"));
        }
        addIfAny(sections, invoiceSection);
        return sections;
    }

    /** The dossier's trainers' names (« Yves ROCHER »), by id. */
    public Map<Long, String> trainerNames(TrainingAction action) {
        return trainers.findAllById(action.getTrainers().stream().map(TrainerAssignment::trainerId).toList()).stream()
                .collect(Collectors.toMap(Trainer::getId, Trainer::fullName));
    }

    /** The same content as one flat map, label to value, as kept with a rejection. */
    public static Map<String, String> flat(List<Section> sections) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Section section : sections) {
            for (Entry entry : section.entries()) {
                flat.put(section.title().replaceAll(" \\((non )?confirmées\\)$", "") + " › " + entry.label(), entry.value());
            }
        }
        return flat;
    }

    private static void add(Section section, String label, String value) {
        if (value != null && !value.isBlank()) {
            section.entries().add(new Entry(label, value));
        }
    }

    private static void addIfAny(List<Section> sections, Section section) {
        if (!section.entries().isEmpty()) {
            sections.add(section);
        }
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.joining(" — "));
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? null : French.hours(hours);
    }

    private static String euros(Long cents) {
        return cents == null ? null : French.euros(cents);
    }

    private static String date(LocalDate date) {
        return date == null ? null : French.date(date);
    }
}
