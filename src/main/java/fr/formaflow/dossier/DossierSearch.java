package fr.formaflow.dossier;

import static fr.formaflow.platform.QueryParameters.blankToNull;
import static fr.formaflow.platform.QueryParameters.integer;
import static fr.formaflow.platform.QueryParameters.shorten;

import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.InvalidRequestException;
import fr.formaflow.security.CurrentUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search among the dossiers a user may see, one page at a time, newest first: the same visibility as the
 * list (operators see every dossier; the others those of their organisations and those their validator groups handle).
 */
@Service
public class DossierSearch {

    public static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    static final int MAX_TEXT = 100;
    /** Stands for "no organisation" or "no funder" in the queries: no row has this id. */
    private static final List<Long> NONE = List.of(-1L);

    /** The search as typed: every parameter may be absent. */
    public record Criteria(String q, String phase, String year, String page, String size) {
    }

    public record Result(List<TrainingAction> dossiers, long total, int page, int size) {
    }

    private final TrainingActionRepository actions;
    private final OrganisationRepository organisations;
    private final CurrentUser currentUser;

    public DossierSearch(TrainingActionRepository actions, OrganisationRepository organisations, CurrentUser currentUser) {
        this.actions = actions;
        this.organisations = organisations;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Result search(Criteria criteria) {
        List<String> problems = new ArrayList<>();
        String text = text(criteria.q(), problems);
        DossierPhase phase = phase(criteria.phase(), problems);
        Integer year = integer(criteria.year(), "year", 2000, 2100, null, problems);
        int page = integer(criteria.page(), "page", 0, MAX_PAGE, 0, problems);
        int size = integer(criteria.size(), "size", 1, MAX_PAGE_SIZE, 20, problems);
        InvalidRequestException.throwIfAny("La recherche de dossiers n'est pas valide.", problems);

        String pattern = text == null ? null : "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        PageRequest request = PageRequest.of(page, size);
        String phaseName = phase == null ? null : phase.name();
        // the few organisations whose name matches, looked up first: the dossiers' query then uses an index on their ids
        List<Long> named = ids(pattern == null ? List.of() : organisations.idsNamedLike(pattern));
        Page<TrainingAction> found;
        if (currentUser.isOperator()) {
            found = actions.searchAll(pattern, named, phaseName, year, request);
        } else {
            List<String> groups = currentUser.groups();
            List<Long> organisationIds = ids(organisations.findByGroupIdIn(groups).stream().map(Organisation::getId).toList());
            found = actions.searchVisible(organisationIds, groups.isEmpty() ? List.of("") : groups, pattern, named, phaseName, year, request);
        }
        return new Result(found.getContent(), found.getTotalElements(), page, size);
    }

    private static List<Long> ids(List<Long> ids) {
        return ids.isEmpty() ? NONE : ids;
    }

    private static String text(String value, List<String> problems) {
        String text = blankToNull(value);
        if (text != null && text.length() > MAX_TEXT) {
            problems.add("Le texte recherché (« q ») ne doit pas dépasser " + MAX_TEXT + " caractères.");
            return null;
        }
        return text;
    }

    private static DossierPhase phase(String value, List<String> problems) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return DossierPhase.valueOf(text);
        } catch (IllegalArgumentException e) {
            problems.add("L'étape « " + shorten(text, 30) + " » n'existe pas ; valeurs possibles : "
                    + Arrays.stream(DossierPhase.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
            return null;
        }
    }

    /** The text is searched as typed: % and _ are not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
