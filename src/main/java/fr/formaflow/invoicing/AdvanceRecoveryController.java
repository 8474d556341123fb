package fr.formaflow.invoicing;

import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Région's order to pay back the rest of the advance, for the organisation and the funder's validators. */
@RestController
@Tag(name = "Facturation", description = "Ordre de reversement de l'avance")
public class AdvanceRecoveryController {

    public record AdvanceRecoveryLine(long id, String number, LocalDateTime issuedAt, long advanceCents, long repaidCents, long netCents,
                                      long vatCents, long grossCents, long balanceInvoiceId, String pdf) {
    }

    private final AdvanceRecoveries recoveries;
    private final DossierService dossiers;
    private final DossierAccess access;

    public AdvanceRecoveryController(AdvanceRecoveries recoveries, DossierService dossiers, DossierAccess access) {
        this.recoveries = recoveries;
        this.dossiers = dossiers;
        this.access = access;
    }

    @GetMapping("/api/dossiers/{id}/advance-recovery")
    @Transactional(readOnly = true)
    @Operation(summary = "L'ordre de reversement de l'avance : ce que le solde n'a pas pu reprendre de l'avance, à reverser au financeur")
    public AdvanceRecoveryLine get(@PathVariable long id) {
        AdvanceRecovery r = recoveries.require(access.requireVisible(dossiers.get(id)));
        return new AdvanceRecoveryLine(r.getId(), r.getNumber(), r.getIssuedAt(), r.getAdvanceCents(), r.getRepaidCents(), r.getNetCents(),
                r.getVatCents(), r.getGrossCents(), r.getBalanceInvoiceId(), "/api/dossiers/" + id + "/advance-recovery.pdf");
    }

    @GetMapping("/api/dossiers/{id}/advance-recovery.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Télécharger l'ordre de reversement de l'avance (PDF)")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        TrainingAction action = access.requireVisible(dossiers.get(id));
        AdvanceRecovery r = recoveries.require(action);
        return InvoiceController.pdfAttachment("ordre-de-reversement-" + r.getNumber() + "-" + action.getContractNumber() + ".pdf",
                recoveries.pdf(action, r));
    }
}
