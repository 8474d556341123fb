package fr.formaflow.reports;

import fr.formaflow.documents.Letterhead;
import fr.formaflow.dossier.DossierAccess;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a report may cover for the current user, with the dossiers' own rule (DossierAccess): an organisation its own
 * dossiers, a funder's validator its funder's, an operator every dossier (or one organisation's, by SIRET).
 */
@Service
@Transactional(readOnly = true)
public class ReportScope {

    static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

    private final CurrentUser currentUser;
    private final DossierAccess access;
    private final OrganisationRepository organisations;
    private final FunderRepository funders;

    public ReportScope(CurrentUser currentUser, DossierAccess access, OrganisationRepository organisations, FunderRepository funders) {
        this.currentUser = currentUser;
        this.access = access;
        this.organisations = organisations;
        this.funders = funders;
    }

    static int checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BusinessRuleException("L'année doit être comprise entre " + FIRST_YEAR + " et " + LAST_YEAR + " (reçu : " + year + ").");
        }
        return year;
    }

    /** The dossiers of this programming year the user may see, optionally of one organisation only. */
    public List<TrainingAction> actions(int year, String siret) {
        checkYear(year);
        return access.visibleDossiers().stream().filter(a -> a.getProgrammingYear() == year)
                .filter(a -> siret == null || siret.isBlank() || a.getOrganisation().getSiret().equals(siret))
                .sorted(java.util.Comparator.comparing(TrainingAction::getContractNumber)).toList();
    }

    /** The organisation whose BPF the user may see: their own (one of theirs, by SIRET), or any for an operator. */
    public Organisation organisationForBpf(String siret) {
        currentUser.id();
        if (currentUser.isOperator()) {
            if (siret == null || siret.isBlank()) {
                throw new BusinessRuleException("Indiquez le SIRET de l'organisme (paramètre « siret »).");
            }
            return organisations.findBySiret(siret).orElseThrow(() -> new NotFoundException("Aucun organisme n'a le SIRET " + siret + "."));
        }
        List<Organisation> own = organisations.findByGroupIdIn(currentUser.groups());
        if (own.isEmpty()) {
            throw new AccessDeniedException("Le bilan pédagogique et financier n'est disponible que pour l'organisme de formation.");
        }
        if (siret == null || siret.isBlank()) {
            return own.get(0);
        }
        return own.stream().filter(o -> o.getSiret().equals(siret)).findFirst()
                .orElseThrow(() -> new NotFoundException("Aucun organisme n'a le SIRET " + siret + "."));
    }

    /** The left block of a report's PDF: the user's organisation, or Formaflow for funders and operators. */
    public List<String> issuer() {
        List<Organisation> own = organisations.findByGroupIdIn(currentUser.groups());
        return own.size() == 1 ? Letterhead.organisation(own.get(0)) : List.of("Formaflow", "Éditions");
    }

    /** The right block: the user's funder, or nothing. */
    public List<String> recipient() {
        List<Funder> own = funders.findValidatedBy(currentUser.groups());
        return own.size() == 1 ? Letterhead.funder(own.get(0)) : List.of();
    }

    public String describe(int year, String siret) {
        return "Année de programmation " + year + (siret == null || siret.isBlank() ? "" : " — SIRET " + siret);
    }
}
