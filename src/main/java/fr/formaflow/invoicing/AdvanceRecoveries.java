package fr.formaflow.invoicing;

import fr.formaflow.documents.AdvanceRecoveryPdf;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.NumberSequences;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Région's order to pay back the rest of the advance the balance could not take back: issued when the funder
 * accepts the balance, numbered in the funder's gap-free yearly series (R2026-00001), rendered as a PDF.
 */
@Service
@Transactional
public class AdvanceRecoveries {

    private final AdvanceRecoveryRepository recoveries;
    private final InvoiceRepository invoices;
    private final NumberSequences sequences;

    public AdvanceRecoveries(AdvanceRecoveryRepository recoveries, InvoiceRepository invoices, NumberSequences sequences) {
        this.recoveries = recoveries;
        this.invoices = invoices;
        this.sequences = sequences;
    }

    public Optional<AdvanceRecovery> of(long actionId) {
        return recoveries.findByActionId(actionId);
    }

    public AdvanceRecovery require(TrainingAction action) {
        return of(action.getId()).orElseThrow(() -> new NotFoundException(
                "Ce dossier n'a pas d'ordre de reversement : le solde a repris la totalité de l'avance, ou n'est pas encore accepté."));
    }

    /** Once the balance is accepted: the order for what is left of the advance, if anything is; issued once per action. */
    Optional<AdvanceRecovery> issueIfDue(TrainingAction action, Invoice balance, LocalDateTime now) {
        if (balance.getKind() != InvoiceKind.BALANCE || of(action.getId()).isPresent()) {
            return of(action.getId());
        }
        List<Invoice> counted = invoices.findByActionIdOrderByCreatedAtAscIdAsc(action.getId()).stream().filter(Invoice::counts).toList();
        long advance = counted.stream().mapToLong(Invoice::getAdvanceCents).sum();
        long repaid = counted.stream().mapToLong(Invoice::getAdvanceRepaidCents).sum();
        return AdvanceRecoveryRules.due(advance, repaid, action.getOrganisation().vatRate())
                .map(amounts -> recoveries.save(new AdvanceRecovery(action.getId(), balance.getId(), nextNumber(action, now), amounts, now)));
    }

    public byte[] pdf(TrainingAction action, AdvanceRecovery recovery) {
        String balanceNumber = invoices.findById(recovery.getBalanceInvoiceId()).map(Invoice::getNumber).orElse(null);
        return AdvanceRecoveryPdf.render(action, new AdvanceRecoveryPdf.Order(recovery.getNumber(), recovery.getIssuedAt().toLocalDate(),
                balanceNumber, recovery.getAdvanceCents(), recovery.getRepaidCents(), recovery.getNetCents(), recovery.getVatCents(),
                recovery.getGrossCents()));
    }

    private String nextNumber(TrainingAction action, LocalDateTime now) {
        long next = sequences.next("advance-recovery:" + action.getFunder().getId() + ":" + now.getYear());
        return String.format("R%d-%05d", now.getYear(), next);
    }
}
