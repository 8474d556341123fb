package fr.formaflow.documents;

import fr.formaflow.attendance.SessionAttendance;
import fr.formaflow.attendance.SessionAttendee;
import fr.formaflow.dossier.Prestation;
import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The attendance certificates of one session of a Formiris prestation (seed 001, « attestations de présence »): a first
 * page listing every teacher present with their pedagogical unit and hours, then one certificate per teacher, each
 * signed and stamped by the organisation. Plain Java.
 */
public final class SessionAttendancePdf {

    private SessionAttendancePdf() {
    }

    public static String filename(TrainingAction a, PrestationSession s) {
        return "attestations-de-presence-" + a.getContractNumber() + "-session-" + s.getStartDate() + ".pdf";
    }

    public static byte[] render(TrainingAction a, Prestation p, PrestationSession s, SessionAttendance attendance, LocalDate signedOn) {
        String session = "session " + s.describe();
        PdfDocument pdf = Letterhead.start(a, "Attestations de présence — " + session + " — contrat n° " + a.getContractNumber(),
                        "Attestations de présence")
                .title("Attestations de présence")
                .paragraph("Prestation « " + p.getTitle() + " » — contrat n° " + a.getContractNumber()
                        + (a.getPurchaseOrderNumber() == null ? "" : " — bon de commande n° " + a.getPurchaseOrderNumber()) + ".")
                .paragraph("Session " + s.describe() + " — durée de la session : " + French.hours(s.getHours()) + ".");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (SessionAttendee t : attendance.getAttendees()) {
            rows.add(List.of(t.lastName() + " " + t.firstName(), t.teacherNumber(), t.unitCode(), French.hours(t.hours())));
            total = total.add(t.hours());
        }
        pdf.table(List.of(new PdfDocument.Column("Enseignant", 3, false), new PdfDocument.Column("N° d'enseignant", 1.4f, false),
                        new PdfDocument.Column("Unité pédagogique", 1.4f, false), new PdfDocument.Column("Heures de présence", 1.4f, true)), rows)
                .totals(List.<String[]>of(new String[] {"Enseignants présents", Integer.toString(rows.size())},
                        new String[] {"Heures de présence", French.hours(total)}))
                .small("Déposées par " + attendance.getRecordedBy() + " le " + French.date(attendance.getRecordedAt().toLocalDate()) + ".");
        for (SessionAttendee t : attendance.getAttendees()) {
            pdf.pageBreak()
                    .title("Attestation de présence")
                    .paragraph(a.getOrganisation().getName() + " atteste que " + t.fullName() + ", enseignant(e) n° " + t.teacherNumber()
                            + " de l'unité pédagogique " + t.unitCode() + ", a suivi la prestation « " + p.getTitle() + " », " + session
                            + ", pour une durée de présence de " + French.hours(t.hours()) + " sur " + French.hours(s.getHours()) + ".")
                    .paragraph("Fait à " + a.getOrganisation().getCity() + ", le " + French.date(signedOn) + ".");
            CertificatePdf.signatureAndStamp(pdf, a, "Cachet de l'organisme de formation et signature de son responsable");
            Letterhead.ndaMention(pdf, a.getOrganisation());
        }
        return pdf.toBytes();
    }
}
