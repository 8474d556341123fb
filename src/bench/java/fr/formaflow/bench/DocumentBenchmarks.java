package fr.formaflow.bench;

import fr.formaflow.attendance.Schedule;
import fr.formaflow.documents.AttendanceSheetPdf;
import fr.formaflow.documents.CertificatePdf;
import fr.formaflow.documents.ConvocationPdf;
import fr.formaflow.documents.TraineeListPdf;
import fr.formaflow.documents.TrainerListPdf;
import fr.formaflow.documents.TrainingAgreementPdf;
import fr.formaflow.invoicing.InvoiceDocument;
import fr.formaflow.invoicing.InvoicePdf;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Generation time of each document type, for a dossier of 30 trainees. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DocumentBenchmarks {

    SampleDossier dossier;
    List<Schedule.HalfDay> january;
    InvoiceDocument invoice;

    @Setup
    public void setUp() {
        dossier = new SampleDossier(30);
        january = new Schedule(dossier.action.getPeriods(), false).of(YearMonth.of(2026, 1));
        InvoiceDocument.Party seller = new InvoiceDocument.Party("Scènes et Formations", "42110064500017", null, "76340123434",
                dossier.action.getOrganisation().ndaMention(), "2 rue Victor Hugo", "34800", "Clermont-l'Hérault", "contact@scenes-formations.fr");
        InvoiceDocument.Party buyer = new InvoiceDocument.Party("Région Occitanie", "23003502400010", null, null, null,
                "201 avenue de la Pompignane", "34064", "Montpellier", null);
        invoice = new InvoiceDocument("F2026-00001", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), false, "Facture — Acompte mensuel",
                seller, buyer, "2026QCA0001", "Accessoiriste de spectacle", "janvier 2026",
                List.of(new InvoiceDocument.Line("Heures de formation en centre — janvier 2026", new BigDecimal("2100"), "h",
                        new BigDecimal("7.00"), new BigDecimal("14700.00"))),
                new BigDecimal("14700.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("14700.00"), true, List.of(),
                "Paiement à 30 jours par virement ; pénalités de retard et indemnité forfaitaire de 40 €.", null);
    }

    private static final fr.formaflow.funder.FunderRules RULES = new fr.formaflow.funder.FunderRules(false,
            java.util.Set.of(fr.formaflow.funder.PaymentMode.MONTHLY), List.of(new BigDecimal("30"), new BigDecimal("60"), new BigDecimal("80")),
            15, 10, false, java.util.Set.of(), "", false, BigDecimal.ZERO, false, false, fr.formaflow.funder.FunderRules.Advance.NONE);

    @Benchmark
    public byte[] trainingAgreement() {
        return TrainingAgreementPdf.render(dossier.action, new TrainingAgreementPdf.Parties(dossier.action.getClients().get(0), dossier.trainees,
                java.util.Map.of(), RULES));
    }

    @Benchmark
    public byte[] convocation() {
        return ConvocationPdf.render(dossier.action, dossier.trainees.get(0));
    }

    @Benchmark
    public byte[] traineeList() {
        return TraineeListPdf.render(dossier.action, dossier.trainees, false);
    }

    @Benchmark
    public byte[] trainerList() {
        return TrainerListPdf.render(dossier.action, dossier.trainers, false);
    }

    @Benchmark
    public byte[] attendanceSheetOfAMonth() {
        return AttendanceSheetPdf.render(dossier.action, YearMonth.of(2026, 1), january, dossier.trainees, List.of(), java.util.Map.of());
    }

    @Benchmark
    public byte[] completionCertificate() {
        return CertificatePdf.completion(dossier.action, dossier.trainees.get(0), new BigDecimal("210"), "Théâtre des Treize Vents",
                LocalDate.of(2026, 3, 2));
    }

    @Benchmark
    public byte[] endOfTrainingCertificate() {
        return CertificatePdf.endOfTraining(dossier.action, dossier.trainees.get(0), new BigDecimal("210"), LocalDate.of(2026, 3, 2));
    }

    @Benchmark
    public byte[] invoiceFacturX() {
        return InvoicePdf.render(invoice);
    }
}
