package fr.formaflow.apprenticeship;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Apprenticeship contracts: the OPCO's web service (simulated) and the CFA's list, detail and reimbursement requests. */
@RestController
public class ApprenticeshipController {

    public record ContractLine(long id, String opcoActionNumber, String contractNumber, String apprentice, String employer,
                               String cfa, String state, String stateLabel, LocalDateTime stateSince) {
    }

    public record StateLine(String state, String label, LocalDateTime at, String by, String comment) {
    }

    public record InstalmentLine(int number, String label, LocalDate payableFrom, long amountCents, boolean certificateRequired,
                                 String status) {
    }

    public record RequestLine(long id, String receiptNumber, int instalment, String instalmentLabel, long amountCents,
                              long equipmentCents, String invoiceReference, boolean certificate, String status, String statusLabel,
                              LocalDateTime submittedAt, LocalDateTime decidedAt, String rejectionReason, String receiptUrl) {
    }

    public record ContractDetail(ContractLine contract, String diploma, String employerSiret, LocalDate signedOn, LocalDate startDate,
                                 LocalDate endDate, long budgetCents, long teachingCostCents, long opcoCents, long employerCents,
                                 long equipmentCents, String rhythm, List<String> missingItems, List<StateLine> states,
                                 List<InstalmentLine> schedule, Integer nextInstalment, List<RequestLine> requests) {
    }

    public record Cancellation(String reason) {
    }

    private final ApprenticeshipContracts contracts;
    private final ReimbursementRequests reimbursements;
    private final MissingContracts missing;

    public ApprenticeshipController(ApprenticeshipContracts contracts, ReimbursementRequests reimbursements, MissingContracts missing) {
        this.contracts = contracts;
        this.reimbursements = reimbursements;
        this.missing = missing;
    }

    @PostMapping("/api/apprenticeship-contracts/missing-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Signaler à l'OPCO un contrat d'apprentissage que le CFA ne trouve pas (CFA)")
    public MissingContracts.Report reportMissing(@RequestBody MissingContracts.MissingContract request) {
        return missing.report(request);
    }

    @PostMapping("/api/opco/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Webservice de l'OPCO : un contrat d'apprentissage saisi par l'adhérent arrive (état « reçu »)")
    public ContractDetail receive(@RequestBody ApprenticeshipContracts.NewContract contract) {
        return detail(contracts.receive(contract));
    }

    @PostMapping("/api/opco/contracts/{id}/cancellation")
    @Transactional
    @Operation(summary = "Webservice de l'OPCO : l'adhérent annule le contrat (état « annulé »)")
    public ContractDetail cancel(@PathVariable long id, @RequestBody Cancellation cancellation) {
        contracts.cancel(id, cancellation.reason());
        return detail(contracts.get(id));
    }

    @GetMapping("/api/apprenticeship-contracts")
    @Transactional(readOnly = true)
    @Operation(summary = "Les contrats du CFA (et de ses organismes déléguants), par apprenti, employeur, numéro ou état")
    public List<ContractLine> search(@RequestParam(required = false) String q, @RequestParam(required = false) ContractState state) {
        return contracts.search(q, state).stream().map(ApprenticeshipController::line).toList();
    }

    @GetMapping("/api/apprenticeship-contracts/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "Un contrat : budget à facturer à l'OPCO et à l'employeur, états datés, échéancier, demandes")
    public ContractDetail get(@PathVariable long id) {
        return detail(contracts.visible(id));
    }

    @PostMapping(path = "/api/apprenticeship-contracts/{id}/reimbursement-requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Demander le prochain versement : facture, certificat de réalisation (sauf première avance), frais divers ; "
            + "renvoie le récépissé")
    public RequestLine requestReimbursement(@PathVariable long id, @RequestParam String invoiceReference,
                                            @RequestParam(required = false) String equipmentEuros,
                                            @RequestParam(required = false) MultipartFile invoice,
                                            @RequestParam(required = false) MultipartFile certificate) throws IOException {
        ReimbursementRequest request = reimbursements.requestReimbursement(id, invoiceReference, equipmentEuros, attachment(invoice), attachment(certificate));
        return line(id, request);
    }

    @GetMapping("/api/apprenticeship-contracts/{id}/reimbursement-requests/{requestId}/receipt.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Télécharger le récépissé d'une demande de remboursement")
    public ResponseEntity<byte[]> receipt(@PathVariable long id, @PathVariable long requestId) {
        ReimbursementRequest request = reimbursements.request(contracts.visible(id), requestId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recepisse-" + request.getReceiptNumber() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(request.getReceiptPdf());
    }

    private ContractDetail detail(ApprenticeshipContract c) {
        List<ReimbursementRequest> requests = reimbursements.requests(c);
        List<InstalmentLine> schedule = c.schedule().stream().map(i -> new InstalmentLine(i.number(), i.label(), i.payableFrom(), i.amountCents(),
                i.certificateRequired(), requests.stream().filter(r -> r.getInstalment() == i.number())
                .reduce((a, b) -> b).map(r -> r.getStatus().label()).orElse("À demander"))).toList();
        PaymentRhythm.Split split = c.split();
        return new ContractDetail(line(c), c.getDiploma(), c.getEmployerSiret(), c.getSignedOn(), c.getStartDate(), c.getEndDate(),
                c.getBudgetCents(), c.getTeachingCostCents(), split.opcoCents(), split.employerCents(), c.getEquipmentCents(),
                c.rhythm().label(), c.missingItems(),
                contracts.history(c).stream().map(s -> new StateLine(s.getState().name(), s.getState().label(), s.getChangedAt(),
                        s.getChangedBy(), s.getComment())).toList(),
                schedule, reimbursements.nextInstalment(c).map(PaymentRhythm.Instalment::number).orElse(null),
                requests.stream().map(r -> line(c.getId(), r)).toList());
    }

    private static ContractLine line(ApprenticeshipContract c) {
        return new ContractLine(c.getId(), c.getOpcoActionNumber(), c.getContractNumber(), c.apprentice(), c.getEmployerName(),
                c.getCfa().getName(), c.getState().name(), c.getState().label(), c.getStateSince());
    }

    private static RequestLine line(long contractId, ReimbursementRequest r) {
        return new RequestLine(r.getId(), r.getReceiptNumber(), r.getInstalment(), r.getInstalmentLabel(), r.getAmountCents(),
                r.getEquipmentCents(), r.getInvoiceReference(), r.hasCertificate(), r.getStatus().name(), r.getStatus().label(),
                r.getSubmittedAt(), r.getDecidedAt(), r.getRejectionReason(),
                "/api/apprenticeship-contracts/" + contractId + "/reimbursement-requests/" + r.getId() + "/receipt.pdf");
    }

    private static ReimbursementRequests.Attachment attachment(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null
                : new ReimbursementRequests.Attachment(Optional.ofNullable(file.getOriginalFilename()).orElse("piece"), file.getBytes());
    }
}
