package fr.formaflow.documents;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.French;
import fr.formaflow.trainee.Trainee;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The two closure documents of each trainee: the certificat de réalisation (Ministry of Labour model: trainee,
 * employer, title, nature, dates, hours completed, the provider's declaration) and the attestation de fin de formation
 * (L6353-1: objectives, nature, duration and results of the evaluation).
 */
public final class CertificatePdf {

    /** The model's sentence for actions co-funded by European funds, with the 10 years of the ESF's rules. */
    static final String ESF_RETENTION = "En cas de cofinancement des fonds européens, la durée de conservation est étendue conformément aux "
            + "obligations conventionnelles spécifiques : cette action étant cofinancée par le Fonds social européen (FSE+), les pièces "
            + "justificatives sont conservées pendant 10 ans à compter de la fin de l'année du dernier paiement.";

    private CertificatePdf() {
    }

    public static byte[] completion(TrainingAction a, Trainee t, BigDecimal hoursCompleted, String employer, LocalDate signedOn) {
        PdfDocument pdf = Letterhead.start(a, "Certificat de réalisation — " + t.fullName() + " — contrat n° " + a.getContractNumber(),
                        "Certificat de réalisation")
                .title("Certificat de réalisation")
                .paragraph("Je soussigné(e) " + a.getOrganisation().getContactName() + ", représentant légal du dispensateur de l'action "
                        + "concourant au développement des compétences " + a.getOrganisation().getName() + ",")
                .paragraph("atteste que : " + t.getFirstName() + " " + t.getLastName() + status(t, employer) + ",")
                .paragraph("a suivi l'action « " + a.getTitle() + " »")
                .paragraph("Nature de l'action concourant au développement des compétences : " + a.getNature().label() + ".")
                .paragraph("qui s'est déroulée du " + French.date(t.getEntryDate()) + " au " + French.date(t.getExitDate() == null
                        ? a.getRealEnd() : t.getExitDate()) + ", pour une durée réalisée de " + French.hours(hoursCompleted) + ".")
                .paragraph("Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à conserver "
                        + "l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une durée de 3 ans à "
                        + "compter de la fin de l'année du dernier paiement." + (a.isEsfCofunded() ? " " + ESF_RETENTION : ""))
                .space(8)
                .paragraph("Fait à " + a.getOrganisation().getCity() + ", le " + French.date(signedOn) + ".");
        signatureAndStamp(pdf, a, "Cachet et signature du responsable du dispensateur de l'action");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }

    public static byte[] endOfTraining(TrainingAction a, Trainee t, BigDecimal hoursCompleted, LocalDate signedOn) {
        PdfDocument pdf = Letterhead.start(a, "Attestation de fin de formation — " + t.fullName() + " — contrat n° " + a.getContractNumber(),
                        "Attestation de fin de formation")
                .title("Attestation de fin de formation")
                .small("Article L6353-1 du Code du travail")
                .paragraph(a.getOrganisation().getName() + " atteste que " + t.getFirstName() + " " + t.getLastName() + " a suivi la formation « "
                        + a.getTitle() + " » (" + a.getNature().label() + ").")
                .table(List.of(new PdfDocument.Column("", 1.2f, false), new PdfDocument.Column("", 3, false)), List.of(
                        List.of("Objectifs", a.getObjectives()),
                        List.of("Dates", "du " + French.date(t.getEntryDate()) + " au " + French.date(t.getExitDate() == null ? a.getRealEnd() : t.getExitDate())),
                        List.of("Durée suivie", French.hours(hoursCompleted)),
                        List.of("Résultats de l'évaluation", result(t.getEvaluationResult()))))
                .paragraph("Fait à " + a.getOrganisation().getCity() + ", le " + French.date(signedOn) + ".");
        signatureAndStamp(pdf, a, "Cachet de l'organisme de formation et signature de son responsable");
        Letterhead.ndaMention(pdf, a.getOrganisation());
        return pdf.toBytes();
    }

    /** The signatory's name and quality, then room for the signature and the organisation's stamp. */
    static void signatureAndStamp(PdfDocument pdf, TrainingAction a, String label) {
        pdf.table(List.of(new PdfDocument.Column(label, 1, false)), List.of(List.of(a.getOrganisation().getContactName() + ", pour "
                + a.getOrganisation().getName() + "\nSignature :\n \n \nCachet :\n \n \n ")));
    }

    /** A job seeker is no employee of the client: the certificate says which the trainee is. */
    static String status(Trainee t, String employer) {
        if (t.getUnemploymentDuration() != null && !"NONE".equals(t.getUnemploymentDuration())) {
            return ", demandeur(se) d'emploi";
        }
        return employer == null ? "" : ", salarié(e) de l'entreprise " + employer;
    }

    private static String result(String code) {
        if (code == null) {
            return "non évalué";
        }
        return switch (code) {
            case "ACQUIRED" -> "Acquis";
            case "PARTIAL" -> "Partiellement acquis";
            case "NOT_ACQUIRED" -> "Non acquis";
            default -> code;
        };
    }
}
