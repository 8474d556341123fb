package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.util.List;

/** Convocation: the invitation sent to each trainee. */
public final class ConvocationPdf {

    private ConvocationPdf() {
    }

    public static byte[] render(TrainingAction a, Trainee t) {
        PdfDocument pdf = new PdfDocument("Convocation — " + t.fullName() + " — contrat n° " + a.getContractNumber(), "Convocation")
                .header(Letterhead.organisation(a.getOrganisation()), List.of(
                        ("M".equals(t.getCivility()) ? "Monsieur " : "Madame ") + t.getFirstName() + " " + t.getLastName(),
                        t.getAddress(), t.getPostcode() + " " + t.getCity()))
                .title("Convocation à la formation")
                .paragraph(("M".equals(t.getCivility()) ? "Monsieur" : "Madame") + ",")
                .paragraph("Vous êtes inscrit(e) à l'action de formation « " + a.getTitle() + " » financée par " + a.getFunder().getName() + ".")
                .paragraph("Nous vous attendons le " + French.date(t.getEntryDate()) + " à 9 h 00, à l'adresse suivante : " + Letterhead.venue(a)
                        + ". La formation se déroule jusqu'au " + French.date(a.getPlannedEnd()) + " : " + French.hours(a.getHoursCentre())
                        + " en centre et " + French.hours(a.getHoursCompany()) + " en entreprise.")
                .paragraph("Horaires : " + HalfDayTimes.DAILY + ". En entreprise, vous suivez les horaires de l'entreprise d'accueil.")
                .heading("Programme")
                .paragraph("Objectifs : " + a.getObjectives())
                .paragraph(a.getContent())
                .heading("Règlement intérieur")
                .paragraph("Le règlement intérieur de l'organisme de formation (article L6353-8 du Code du travail) est joint à la présente "
                        + "convocation ; il vous est également remis le premier jour, et envoyé sur simple demande à "
                        + a.getOrganisation().getEmail() + ". Il précise les règles d'hygiène et de sécurité, la "
                        + "discipline et vos droits en cas de sanction.")
                .paragraph("Votre présence est relevée chaque demi-journée sur une feuille d'émargement que vous signez. En cas d'absence, "
                        + "prévenez-nous et fournissez un justificatif.")
                .paragraph("Nous restons à votre disposition : " + a.getOrganisation().getContactName() + ", " + a.getOrganisation().getEmail()
                        + ", " + a.getOrganisation().getPhone() + ".")
                .paragraph("Veuillez agréer l'expression de nos salutations distinguées.");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }
}
