package fr.formaflow.documents;

import fr.formaflow.dossier.ClientCompany;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.Siret;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * « Contrat de sous-traitance » of a portage dossier (seed 000, « Signer et verser le contrat de sous-traitance »): the
 * platform, the training organisation that contracts with the clients and invoices them or their OPCO, entrusts the
 * action to the organisation, its subcontractor. Generated for the organisation to sign and upload back: the action is
 * contracted only once its signed copy is on file. Plain Java.
 */
public final class PortageContractPdf {

    private static final String SIGNATURE_BOX = "Nom, qualité, date,\ncachet et signature :\n \n \n \n ";

    private PortageContractPdf() {
    }

    public static String filename(TrainingAction a) {
        return "contrat-sous-traitance-plateforme-" + a.getContractNumber() + ".pdf";
    }

    /** feePercent: the platform's service fee, a percentage of the training amount excluding VAT (funder-rules.dmn). */
    public static byte[] render(TrainingAction a, BigDecimal feePercent) {
        Funder platform = a.getFunder();
        Organisation o = a.getOrganisation();
        long price = cents(a.getPriceCentreCents()) + cents(a.getPriceCompanyCents());
        String clients = a.getClients().stream().map(ClientCompany::name).collect(Collectors.joining(", "));
        PdfDocument pdf = new PdfDocument("Contrat de sous-traitance — plateforme " + platform.getName() + " — contrat n° " + a.getContractNumber(),
                        "Contrat de sous-traitance")
                .header(Letterhead.platform(platform), Letterhead.organisation(o))
                .title("Contrat de sous-traitance de formation en portage")
                .heading("Entre les soussignés")
                .paragraph(platform.getName() + ", organisme de formation (plateforme de portage)"
                        + (Siret.isValid(platform.getSiret()) ? ", SIRET " + Siret.of(platform.getSiret()).formatted() : "")
                        + (platform.getNda() == null ? "" : ", déclaration d'activité n° " + platform.getNda())
                        + ", ci-après la plateforme, donneur d'ordre,")
                .paragraph("et " + o.getName() + ", SIRET " + Siret.of(o.getSiret()).formatted() + ", déclaration d'activité n° " + o.getNda()
                        + (o.getStreet() == null ? "" : ", " + o.fullAddress()) + ", ci-après l'organisme, sous-traitant.")
                .heading("Article 1 — Objet")
                .paragraph("La plateforme, qui contracte avec " + (clients.isEmpty() ? "le client" : "le ou les clients (" + clients + ")")
                        + " par la convention de formation et leur facture la formation, confie à l'organisme la réalisation de l'action « "
                        + a.getTitle() + " » (contrat n° " + a.getContractNumber() + "), du " + French.date(Letterhead.start(a)) + " au "
                        + French.date(Letterhead.end(a)) + ", " + French.hours(a.getHoursCentre()) + " en centre et "
                        + French.hours(a.getHoursCompany()) + " en entreprise, à " + a.getLocation() + ".")
                .heading("Article 2 — Prix")
                .paragraph("Le prix de l'action est de " + French.euros(price) + " HT. L'organisme facture à la plateforme le montant de la "
                        + "formation réalisée ; la plateforme facture les clients ou leur OPCO et facture à l'organisme ses frais de prestation, "
                        + "soit " + French.number(feePercent) + " % HT du montant de la formation.")
                .heading("Article 3 — Obligations de l'organisme")
                .paragraph("L'organisme réalise l'action conformément au programme et à la convention de formation ; il fait émarger les "
                        + "stagiaires par demi-journée, saisit leurs heures, fait remplir les évaluations et verse dans Formaflow les pièces "
                        + "demandées (contrats et chartes des formateurs, CV, pièces d'identité, documents de clôture).")
                .heading("Article 4 — Règlement")
                .paragraph("La plateforme règle la facture de l'organisme à réception de tous les règlements : ceux des clients et/ou de "
                        + "leur OPCO, et celui des frais de prestation.")
                .heading("Article 5 — Responsabilité")
                .paragraph("La plateforme reste l'interlocuteur des clients et de leurs OPCO ; l'organisme répond envers elle de la réalisation "
                        + "de l'action.")
                .heading("Signature")
                .paragraph("Téléchargez ce contrat, signez-le et versez-le dans la tâche « Contractualiser l'action » (pièce « "
                        + DocumentType.PORTAGE_CONTRACT.label() + " ») : la contractualisation ne peut pas être transmise sans lui.")
                .space(10)
                .paragraph("Fait en deux exemplaires, le ……………………")
                .table(List.of(new PdfDocument.Column("Pour la plateforme", 1, false), new PdfDocument.Column("Pour l'organisme (sous-traitant)", 1, false)),
                        List.of(List.of(platform.getName(), o.getName()), List.of(SIGNATURE_BOX, SIGNATURE_BOX)));
        if (platform.ndaMention() != null) {
            pdf.small(platform.ndaMention());
        }
        Letterhead.ndaMention(pdf, o);
        return pdf.toBytes();
    }

    private static long cents(Long value) {
        return value == null ? 0 : value;
    }
}
