package fr.formaflow.documents;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.Period;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.util.List;

/** Convention de formation: the mandatory contents of Code du travail D6353-1, for the client to sign. */
public final class TrainingAgreementPdf {

    private TrainingAgreementPdf() {
    }

    public static byte[] render(TrainingAction a, ClientCompany client, int traineeCount) {
        PdfDocument pdf = Letterhead.start(a, "Convention de formation — contrat n° " + a.getContractNumber(), "Convention de formation")
                .title("Convention de formation professionnelle")
                .small("Articles L6353-1 à L6353-2 et D6353-1 du Code du travail")
                .heading("Entre les soussignés")
                .paragraph(a.getOrganisation().getName() + ", organisme de formation, SIRET " + a.getOrganisation().getSiret()
                        + ", déclaration d'activité n° " + a.getOrganisation().getNda() + ", " + a.getOrganisation().fullAddress()
                        + ", ci-après l'organisme de formation,")
                .paragraph("et " + client.name() + ", SIRET " + client.siret() + (client.address() == null ? "" : ", " + client.address())
                        + ", ci-après le client.")
                .heading("Article 1 — Objet, intitulé et nature de l'action")
                .paragraph("L'organisme de formation réalise l'action « " + a.getTitle() + " » (" + a.getNature().label() + ", Formacode "
                        + a.getFormacode() + ").")
                .heading("Article 2 — Objectifs et contenu (programme)")
                .paragraph(a.getObjectives())
                .paragraph(a.getContent())
                .heading("Article 3 — Durée, dates et lieu")
                .paragraph("Durée : " + French.hours(a.getHoursCentre()) + " en centre et " + French.hours(a.getHoursCompany())
                        + " en entreprise, du " + French.date(a.getPlannedStart()) + " au " + French.date(a.getPlannedEnd()) + ", à "
                        + a.getLocation() + ". Périodes :");
        pdf.table(List.of(new PdfDocument.Column("Lieu", 2, false), new PdfDocument.Column("Du", 1, false),
                new PdfDocument.Column("Au", 1, false)), a.getPeriods().stream().map(TrainingAgreementPdf::period).toList());
        pdf.heading("Article 4 — Stagiaires")
                .paragraph("Effectif prévu : " + a.getTotalTrainees() + " stagiaires" + (traineeCount > 0 ? " (" + traineeCount + " inscrits)" : "")
                        + ". La liste nominative est annexée à la présente convention.")
                .heading("Article 5 — Moyens pédagogiques, techniques et d'encadrement")
                .paragraph("Les formateurs et leurs qualifications figurent dans la liste des formateurs de l'action. Chaque demi-journée "
                        + "fait l'objet d'une feuille d'émargement signée par les stagiaires et le formateur.")
                .heading("Article 6 — Suivi, évaluation et sanction")
                .paragraph("Assiduité suivie par demi-journée ; évaluation des acquis en fin de formation ; remise d'une attestation de fin "
                        + "de formation et d'un certificat de réalisation à chaque stagiaire.")
                .heading("Article 7 — Prix et modalités de paiement")
                .paragraph("Prix total : " + French.euros(a.totalPriceCents()) + " HT (" + French.euros(a.getPriceCentreCents()) + " en centre, "
                        + French.euros(a.getPriceCompanyCents()) + " en entreprise), financé par " + a.getFunder().getName()
                        + ", payé sur factures selon les heures réalisées, conformément aux règles du financeur.")
                .heading("Article 8 — Dédit et abandon")
                .paragraph("En cas de renoncement par le client moins de 10 jours avant le début de l'action, ou d'abandon en cours de "
                        + "formation, seules les heures réellement suivies sont dues. Les sommes versées à titre de dédit ne peuvent être "
                        + "imputées sur la participation au développement de la formation professionnelle continue.")
                .heading("Article 9 — Différends")
                .paragraph("À défaut de règlement amiable, le tribunal compétent est celui du siège de l'organisme de formation.")
                .space(10)
                .paragraph("Fait en deux exemplaires. Pour l'organisme de formation :                    Pour le client (date, cachet, signature) :");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }

    private static List<String> period(Period p) {
        return List.of(p.place() == fr.formaflow.dossier.Place.CENTRE ? "En centre" : "En entreprise", French.date(p.start()), French.date(p.end()));
    }
}
