package fr.formaflow.catalogue;

import static fr.formaflow.platform.QueryParameters.blankToNull;
import static fr.formaflow.platform.QueryParameters.integer;
import static fr.formaflow.platform.QueryParameters.shorten;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public, read-only training-offer catalogue, as a search and as an LHÉO feed: no login. */
@RestController
public class PublicCatalogueController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final PublicOfferSearch search;
    private final LheoExport lheo;
    private final Clock clock;

    public PublicCatalogueController(PublicOfferSearch search, LheoExport lheo, Clock clock) {
        this.search = search;
        this.lheo = lheo;
        this.clock = clock;
    }

    @GetMapping("/public/offers")
    @Operation(summary = "Catalogue public : sessions publiées, par Formacode, lieu, dates et places disponibles")
    public PublicOfferSearch.Page offers(@RequestParam(required = false) String formacode, @RequestParam(required = false) String place,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String freePlaces, @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size) {
        List<String> problems = new ArrayList<>();
        String code = blankToNull(formacode);
        if (code != null && !code.matches("\\d{5}")) {
            problems.add("Le Formacode « " + shorten(code, 40) + " » doit comporter 5 chiffres.");
        }
        String where = blankToNull(place);
        if (where != null && (where.length() > 100 || !where.matches("[\\p{L}0-9 '’-]+"))) {
            problems.add("Le lieu « " + shorten(where, 40) + " » doit être un nom de ville ou le début d'un code postal.");
        }
        PublicOfferSearch.Criteria criteria = new PublicOfferSearch.Criteria(code, where, date(from, "from", problems),
                date(to, "to", problems), integer(freePlaces, "freePlaces", 0, 100_000, null, problems),
                integer(page, "page", 0, MAX_PAGE, 0, problems), integer(size, "size", 1, MAX_PAGE_SIZE, 20, problems));
        BusinessRuleException.throwIfAny("La recherche n'est pas valide.", problems);
        return search.search(criteria, clock.today());
    }

    /**
     * The same sessions as an LHÉO 2.3 file for France Travail and the relay structures (no login, like the search). The
     * content type is set here, not in the mapping, so that a refused request still gets its French JSON error.
     */
    @GetMapping("/public/catalogue/lheo.xml")
    @Operation(summary = "Catalogue public au format LHÉO 2.3 (XML) : sessions publiées, de tous les organismes ou d'un organisme (SIRET)")
    public void lheo(@RequestParam(required = false) String organisation, HttpServletResponse response) throws IOException {
        String siret = blankToNull(organisation);
        if (siret != null && !siret.matches("\\d{14}")) {
            throw new BusinessRuleException("Le SIRET « " + shorten(siret, 40) + " » doit comporter 14 chiffres.");
        }
        LocalDate today = clock.today();
        String filename = "catalogue-lheo" + (siret == null ? "" : "-" + siret) + "-" + FILE_DATE.format(today) + ".xml";
        response.setContentType("application/xml; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        lheo.write(siret, today, response.getOutputStream());
    }

    private static LocalDate date(String value, String name, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 1900 && date.getYear() <= 2200) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below, like a date out of range
        }
        problems.add("Le paramètre « " + name + " » doit être une date de la forme 2026-03-02, entre 1900 et 2200.");
        return null;
    }
}
