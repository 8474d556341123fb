package fr.formaflow.documents;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainer.Trainer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Convention de formation (Code du travail L6353-1, L6353-2, R6353-1 and D6353-1), for the client to sign: the
 * action, its trainers, its daily schedule, its price with VAT or the exemption, the funder's payment timetable, a
 * signature block, and the nominative annex of the trainees once their list exists. Once the funder has validated the
 * list, the annex is also issued as an amendment (avenant) to the agreement already signed.
 *
 * <p>In portage (seed 000) the platform is the training organisation that contracts with the client and invoices it
 * (or its OPCO); the organisation that runs the training works for the platform under a subcontracting contract. The
 * agreement is then between the platform and the client, names the organisation as the one that delivers the action,
 * and carries the platform's activity declaration; it has no third « financeur » party.
 */
public final class TrainingAgreementPdf {

    /** The exemption mention for an organisation not liable to VAT (CGI art. 261-4-4° a). */
    static final String VAT_EXEMPT = "TVA non applicable, art. 261-4-4° a du CGI";

    /** Everything the agreement states besides the action itself. */
    public record Parties(ClientCompany client, List<Trainee> trainees, Map<Long, Trainer> trainers, FunderRules rules) { }

    private TrainingAgreementPdf() {
    }

    /** Whether the action is in portage: the platform, not the organisation, contracts with the client. */
    static boolean portage(TrainingAction a) {
        return a.getFunder().getScheme() == FundingScheme.PORTAGE;
    }

    /** The training organisation that signs with the client: the organisation, or in portage the platform. */
    record Contractor(String name, String siret, String nda, String address, String city, String ndaMention, List<String> letterhead) {

        static Contractor of(TrainingAction a) {
            if (portage(a)) {
                Funder f = a.getFunder();
                return new Contractor(f.getName(), f.getSiret(), f.getNda() == null ? "non renseignée" : f.getNda(),
                        String.join(", ", f.getStreet() == null ? "" : f.getStreet(), (f.getPostcode() == null ? "" : f.getPostcode()) + " "
                                + (f.getCity() == null ? "" : f.getCity())).trim(), f.getCity(), f.ndaMention(), Letterhead.platform(f));
            }
            Organisation o = a.getOrganisation();
            return new Contractor(o.getName(), o.getSiret(), o.getNda(), o.fullAddress(), o.getCity(), o.ndaMention(), Letterhead.organisation(o));
        }
    }

    private static PdfDocument start(TrainingAction a, Contractor c, String reference, String title) {
        return portage(a) ? new PdfDocument(reference, title).header(c.letterhead(), Letterhead.deliveredBy(a.getOrganisation()))
                : Letterhead.start(a, reference, title);
    }

    public static byte[] render(TrainingAction a, Parties p) {
        Organisation o = a.getOrganisation();
        ClientCompany client = p.client();
        Contractor c = Contractor.of(a);
        PdfDocument pdf = start(a, c, "Convention de formation — contrat n° " + a.getContractNumber(), "Convention de formation")
                .title("Convention de formation professionnelle")
                .small("Articles L6353-1, L6353-2, R6353-1 et D6353-1 du Code du travail")
                .heading("Entre les soussignés");
        if (portage(a)) {
            pdf.paragraph(c.name() + ", organisme de formation (plateforme de portage), SIRET " + c.siret() + ", déclaration d'activité n° "
                            + c.nda() + ", " + c.address() + ", ci-après l'organisme de formation, qui contracte avec le client et lui "
                            + "facture la formation,")
                    .paragraph("et " + client.name() + ", SIRET " + client.siret() + (client.address() == null ? "" : ", " + client.address())
                            + ", ci-après le client.")
                    .paragraph("L'action est réalisée, pour le compte de l'organisme de formation et sous sa responsabilité, par " + o.getName()
                            + ", organisme de formation, SIRET " + o.getSiret() + ", déclaration d'activité n° " + o.getNda() + ", "
                            + o.fullAddress() + ", représenté par " + o.getContactName() + ", ci-après l'organisme réalisateur, dans le "
                            + "cadre d'un contrat de sous-traitance conclu avec " + c.name() + ".")
                    .heading("Article 1 — Objet, intitulé et nature de l'action")
                    .paragraph("L'organisme de formation fait réaliser par l'organisme réalisateur l'action « " + a.getTitle() + " » ("
                            + a.getNature().label() + ", Formacode " + a.getFormacode() + ").");
        } else {
            pdf.paragraph(o.getName() + ", organisme de formation, SIRET " + o.getSiret() + ", déclaration d'activité n° " + o.getNda()
                            + ", " + o.fullAddress() + ", représenté par " + o.getContactName() + ", ci-après l'organisme de formation,")
                    .paragraph("et " + client.name() + ", SIRET " + client.siret() + (client.address() == null ? "" : ", " + client.address())
                            + ", ci-après le client,")
                    .paragraph("l'action étant financée par " + a.getFunder().getName() + ", ci-après le financeur.")
                    .heading("Article 1 — Objet, intitulé et nature de l'action")
                    .paragraph("L'organisme de formation réalise l'action « " + a.getTitle() + " » (" + a.getNature().label() + ", Formacode "
                            + a.getFormacode() + ").");
        }
        pdf
                .heading("Article 2 — Objectifs et contenu (programme)")
                .paragraph(a.getObjectives())
                .paragraph(a.getContent())
                .heading("Article 3 — Durée, dates, horaires et lieu")
                .paragraph("Durée : " + French.hours(a.getHoursCentre()) + " en centre et " + French.hours(a.getHoursCompany())
                        + " en entreprise, du " + French.date(a.getPlannedStart()) + " au " + French.date(a.getPlannedEnd())
                        + ". Lieu : " + Letterhead.venue(a) + ".")
                .paragraph("Horaires quotidiens : " + HalfDayTimes.DAILY + ". Périodes :");
        pdf.table(List.of(new PdfDocument.Column("Lieu", 2, false), new PdfDocument.Column("Du", 1, false),
                new PdfDocument.Column("Au", 1, false), new PdfDocument.Column("Horaires", 2.4f, false)),
                a.getPeriods().stream().map(TrainingAgreementPdf::period).toList());
        pdf.heading("Article 4 — Stagiaires")
                .paragraph("Effectif prévu : " + a.getTotalTrainees() + " stagiaires" + (p.trainees().isEmpty() ? "" : " (" + p.trainees().size()
                        + " inscrits)") + ". " + (p.trainees().isEmpty()
                        ? "La liste nominative des stagiaires sera annexée à la présente convention par avenant, dès sa validation par le financeur."
                        : "La liste nominative des stagiaires figure en annexe de la présente convention."))
                .heading("Article 5 — Moyens pédagogiques, techniques et d'encadrement")
                .paragraph("L'action est animée par les formateurs suivants. Chaque demi-journée fait l'objet d'une feuille d'émargement "
                        + "signée par les stagiaires et le formateur.");
        trainers(pdf, a, p.trainers());
        pdf.heading("Article 6 — Suivi, évaluation et sanction")
                .paragraph("Assiduité suivie par demi-journée ; évaluation des acquis en fin de formation ; remise d'une attestation de fin "
                        + "de formation et d'un certificat de réalisation à chaque stagiaire.")
                .heading("Article 7 — Prix")
                .paragraph("Prix total : " + French.euros(a.totalPriceCents()) + " HT (" + French.euros(a.getPriceCentreCents()) + " en centre, "
                        + French.euros(a.getPriceCompanyCents()) + " en entreprise).");
        price(pdf, a.totalPriceCents(), o);
        pdf.heading("Article 8 — Modalités de paiement")
                .paragraph(portage(a)
                        ? c.name() + " facture le prix au client à la clôture de l'action, selon les heures réalisées et attestées par les "
                        + "feuilles d'émargement ; la part que l'OPCO du client" + (client.opco() == null || client.opco().isBlank() ? ""
                        : " (" + client.opco() + ")") + " accepte de prendre en charge lui est facturée directement (subrogation), sur son "
                        + "accord de prise en charge, que le client transmet à l'organisme de formation. Chaque facture est payable par "
                        + "virement à " + FunderRules.PAYMENT_DAYS + " jours de sa date d'émission. L'organisme réalisateur ne facture "
                        + "pas le client."
                        : "Le prix est payé par " + a.getFunder().getName() + " sur factures de l'organisme de formation, selon les heures "
                        + "réalisées et attestées par les feuilles d'émargement : " + (p.rules() == null
                        ? "le mode de paiement est choisi à l'ouverture de l'action parmi ceux du financeur. Chaque facture est payable par "
                        + "virement à " + FunderRules.PAYMENT_DAYS + " jours de sa date d'émission."
                        : p.rules().paymentTimetable()))
                .paragraph("En cas de retard de paiement : pénalités au taux d'intérêt de la Banque centrale européenne majoré de 10 points "
                        + "et indemnité forfaitaire de 40 € pour frais de recouvrement (articles L441-10 et D441-5 du Code de commerce).")
                .heading("Article 9 — Dédit et abandon")
                .paragraph("En cas de renoncement par le client moins de 10 jours avant le début de l'action, ou d'abandon en cours de "
                        + "formation, seules les heures réellement suivies sont dues. Les sommes versées à titre de dédit ne peuvent être "
                        + "imputées sur la participation au développement de la formation professionnelle continue.")
                .heading("Article 10 — Différends")
                .paragraph("À défaut de règlement amiable, le tribunal compétent est celui du siège de l'organisme de formation.");
        signatures(pdf, a, c, client);
        ndaMention(pdf, c);
        if (!p.trainees().isEmpty()) {
            pdf.pageBreak().title("Annexe — liste nominative des stagiaires").paragraph(Letterhead.action(a));
            annex(pdf, p.trainees());
        }
        return pdf.toBytes();
    }

    /** Avenant n° 1: the nominative list of trainees validated by the funder, annexed to the agreement already signed. */
    public static byte[] amendment(TrainingAction a, Parties p) {
        Contractor c = Contractor.of(a);
        PdfDocument pdf = start(a, c, "Avenant à la convention de formation — contrat n° " + a.getContractNumber(),
                        "Avenant à la convention de formation")
                .title("Avenant n° 1 à la convention de formation professionnelle")
                .small("Articles L6353-1, L6353-2 et R6353-1 du Code du travail")
                .paragraph("Entre " + c.name() + ", SIRET " + c.siret() + ", organisme de formation, et "
                        + p.client().name() + ", SIRET " + p.client().siret() + ", client, au titre de la convention de formation de l'action « "
                        + a.getTitle() + " » (contrat n° " + a.getContractNumber() + ")" + (portage(a) ? ", réalisée par "
                        + a.getOrganisation().getName() + " pour le compte de " + c.name() : "") + ".")
                .heading("Article unique — Liste nominative des stagiaires")
                .paragraph("La liste nominative des stagiaires, validée par " + a.getFunder().getName() + ", est annexée à la convention. "
                        + "Les autres clauses de la convention demeurent inchangées.");
        annex(pdf, p.trainees());
        signatures(pdf, a, c, p.client());
        ndaMention(pdf, c);
        return pdf.toBytes();
    }

    private static void annex(PdfDocument pdf, List<Trainee> trainees) {
        pdf.table(List.of(new PdfDocument.Column("Nom", 2, false), new PdfDocument.Column("Prénom", 2, false),
                        new PdfDocument.Column("Né(e) le", 1.3f, false), new PdfDocument.Column("Entrée", 1.3f, false)),
                trainees.stream().map(t -> List.of(t.getLastName(), t.getFirstName(), French.date(t.getBirthDate()),
                        French.date(t.getEntryDate()))).toList());
    }

    private static void trainers(PdfDocument pdf, TrainingAction a, Map<Long, Trainer> trainers) {
        List<List<String>> rows = new ArrayList<>();
        for (TrainerAssignment assignment : a.getTrainers()) {
            Trainer t = trainers.get(assignment.trainerId());
            if (t != null) {
                rows.add(List.of(t.getFirstName() + " " + t.getLastName(), t.getDomain() == null ? "" : t.getDomain(),
                        t.getExperience() == null ? "" : t.getExperience(), French.hours(assignment.hours())));
            }
        }
        pdf.table(List.of(new PdfDocument.Column("Formateur", 2, false), new PdfDocument.Column("Domaine", 2, false),
                new PdfDocument.Column("Qualifications et expérience", 3, false), new PdfDocument.Column("Heures", 1, true)), rows);
    }

    /** Without VAT liability the exemption mention; otherwise the VAT and the price including it, to the cent. */
    private static void price(PdfDocument pdf, long netCents, Organisation o) {
        BigDecimal rate = o.vatRate();
        if (rate.signum() == 0) {
            pdf.paragraph(VAT_EXEMPT + " : le prix total est également le montant à payer.");
            return;
        }
        long vatCents = BigDecimal.valueOf(netCents).multiply(rate).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        pdf.totals(List.of(new String[] {"Prix total HT", French.euros(netCents)},
                new String[] {"TVA (" + rate.stripTrailingZeros().toPlainString() + " %)", French.euros(vatCents)},
                new String[] {"Prix total TTC", French.euros(netCents + vatCents)}));
    }

    private static void ndaMention(PdfDocument pdf, Contractor c) {
        if (c.ndaMention() != null) {
            pdf.small(c.ndaMention());
        }
    }

    private static final String SIGNATURE_BOX = "Nom, qualité, date,\ncachet et signature :\n \n \n \n ";

    /** The parties that sign: the organisation, the client and the funder; in portage the platform and the client. */
    private static void signatures(PdfDocument pdf, TrainingAction a, Contractor c, ClientCompany client) {
        if (portage(a)) {
            pdf.space(10).paragraph("Fait en deux exemplaires, à " + c.city() + ", le ……………………")
                    .table(List.of(new PdfDocument.Column("Pour l'organisme de formation", 1, false), new PdfDocument.Column("Pour le client", 1, false)),
                            List.of(List.of(c.name(), client.name()), List.of(SIGNATURE_BOX, SIGNATURE_BOX)));
            return;
        }
        pdf.space(10).paragraph("Fait en trois exemplaires, à " + a.getOrganisation().getCity() + ", le ……………………")
                .table(List.of(new PdfDocument.Column("Pour l'organisme de formation", 1, false),
                                new PdfDocument.Column("Pour le client", 1, false), new PdfDocument.Column("Pour le financeur", 1, false)),
                        List.of(List.of(a.getOrganisation().getName(), client.name(), a.getFunder().getName()),
                                List.of(SIGNATURE_BOX, SIGNATURE_BOX, SIGNATURE_BOX)));
    }

    private static List<String> period(Period p) {
        return List.of(p.place() == fr.formaflow.dossier.Place.CENTRE ? "En centre" : "En entreprise", French.date(p.start()), French.date(p.end()),
                p.place() == fr.formaflow.dossier.Place.CENTRE ? HalfDayTimes.MORNING + " et " + HalfDayTimes.AFTERNOON
                        : "horaires de l'entreprise, dans la limite de 7 h par jour");
    }
}
