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
                .paragraph("Nous vous attendons le " + French.date(t.getEntryDate()) + " à 9 h 00, à " + a.getLocation()
                        + ". La formation se déroule jusqu'au " + French.date(a.getPlannedEnd()) + " : " + French.hours(a.getHoursCentre())
                        + " en centre et " + French.hours(a.getHoursCompany()) + " en entreprise.")
                .paragraph("Votre présence est relevée chaque demi-journée sur une feuille d'émargement que vous signez. En cas d'absence, "
                        + "prévenez-nous et fournissez un justificatif.")
                .paragraph("Nous restons à votre disposition : " + a.getOrganisation().getContactName() + ", " + a.getOrganisation().getEmail()
                        + ", " + a.getOrganisation().getPhone() + ".")
                .paragraph("Veuillez agréer l'expression de nos salutations distinguées.");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }
}
