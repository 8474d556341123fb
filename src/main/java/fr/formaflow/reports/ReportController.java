package fr.formaflow.reports;

import fr.formaflow.organisation.Organisation;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The "Éditions" and the BPF, as CSV (spreadsheet) or PDF, over what the user may see. */
@RestController
@Tag(name = "Éditions", description = "Listes et bilans en CSV ou PDF ; bilan pédagogique et financier")
public class ReportController {

    public record ReportLine(String name, String title, String csv, String pdf) {
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReportScope scope;
    private final Editions editions;
    private final Bpfs bpfs;
    private final Clock clock;

    public ReportController(ReportScope scope, Editions editions, Bpfs bpfs, Clock clock) {
        this.scope = scope;
        this.editions = editions;
        this.bpfs = bpfs;
        this.clock = clock;
    }

    @GetMapping("/api/reports")
    @Operation(summary = "Les éditions disponibles et leurs liens")
    public List<ReportLine> list() {
        return Arrays.stream(Report.values()).map(r -> new ReportLine(r.slug(), r.title(),
                "/api/reports/" + r.slug() + ".csv", "/api/reports/" + r.slug() + ".pdf")).toList();
    }

    @GetMapping("/api/reports/{report}.csv")
    @Transactional(readOnly = true)
    @Operation(summary = "Une édition en CSV (UTF-8 avec BOM, « ; », virgule décimale) ; year : année de programmation "
            + "(année civile pour le BPF) ; siret : un organisme")
    public ResponseEntity<byte[]> csv(@PathVariable String report, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String siret) {
        Report which = Report.of(report);
        return file(which, year, "csv", CSV, ReportCsv.write(table(which, year(year), siret)));
    }

    @GetMapping("/api/reports/{report}.pdf")
    @Transactional(readOnly = true)
    @Operation(summary = "Une édition en PDF")
    public ResponseEntity<byte[]> pdf(@PathVariable String report, @RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) String siret) {
        Report which = Report.of(report);
        if (which == Report.BPF) {
            Organisation organisation = scope.organisationForBpf(siret);
            return file(which, year, "pdf", MediaType.APPLICATION_PDF, BpfPdf.render(bpf(organisation, year(year)),
                    fr.formaflow.documents.Letterhead.organisation(organisation), French.date(clock.today())));
        }
        ReportTable table = table(which, year(year), siret);
        return file(which, year, "pdf", MediaType.APPLICATION_PDF,
                ReportPdf.render(table, scope.issuer(), scope.recipient(), French.date(clock.today())));
    }

    ReportTable table(Report report, int year, String siret) {
        if (report == Report.BPF) {
            Organisation organisation = scope.organisationForBpf(siret);
            return bpf(organisation, year).table("Exercice " + year + " — " + organisation.getName() + " (SIRET "
                    + organisation.getSiret() + ")");
        }
        return editions.table(report, scope.describe(year, siret), scope.actions(year, siret));
    }

    private Bpf bpf(Organisation organisation, int year) {
        ReportScope.checkYear(year);
        return bpfs.of(organisation, year);
    }

    private int year(Integer year) {
        return year == null ? clock.today().getYear() : year;
    }

    private ResponseEntity<byte[]> file(Report report, Integer year, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.slug() + (year == null ? "" : "-" + year)
                        + "." + extension + "\"")
                .contentType(type).body(body);
    }
}
