package fr.formaflow.catalogue;

import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public catalogue as an LHÉO feed for France Travail's offer list and the relay structures: exactly the sessions
 * the public search lists that day ({@link PublicOfferSearch#eachListed}), each with its organisation's record and
 * « potentiel de formation », written as they are read.
 */
@Service
@Transactional(readOnly = true)
public class LheoExport {

    private final PublicOfferSearch search;
    private final OrganisationRepository organisations;
    private final OrganisationListingRepository listings;

    public LheoExport(PublicOfferSearch search, OrganisationRepository organisations, OrganisationListingRepository listings) {
        this.search = search;
        this.organisations = organisations;
        this.listings = listings;
    }

    /** Every listed session, or those of the organisation with this SIRET (none if no organisation has it). */
    public void write(String siret, LocalDate today, OutputStream out) {
        LheoWriter lheo = new LheoWriter(out);
        Map<Long, LheoWriter.Responsible> responsible = new HashMap<>();
        if (siret == null) {
            // the organisations with listed sessions, read before the sessions: at most one row per organisation
            List<OrganisationListing> current = listings.findAll().stream().filter(l -> !l.isWithdrawn()).toList();
            Map<Long, OrganisationListing> byOrganisation = new HashMap<>();
            current.forEach(l -> byOrganisation.put(l.getOrganisationId(), l));
            organisations.findAllById(byOrganisation.keySet())
                    .forEach(o -> responsible.put(o.getId(), responsible(o, byOrganisation.get(o.getId()))));
            search.eachListed(null, today, listed -> lheo.formation(listed.session(),
                    responsible.computeIfAbsent(listed.organisationId(), this::responsible)));
        } else {
            organisations.findBySiret(siret).ifPresent(organisation -> {
                LheoWriter.Responsible one = responsible(organisation.getId());
                search.eachListed(organisation.getId(), today, listed -> lheo.formation(listed.session(), one));
            });
        }
        lheo.finish();
    }

    private LheoWriter.Responsible responsible(long organisationId) {
        Organisation organisation = organisations.findById(organisationId).orElseThrow();
        return responsible(organisation, listings.findById(organisationId).orElse(null));
    }

    private static LheoWriter.Responsible responsible(Organisation organisation, OrganisationListing listing) {
        return new LheoWriter.Responsible(organisation.getSiret(), organisation.getNda(), organisation.getName(), organisation.getStreet(),
                organisation.getPostcode(), organisation.getCity(), organisation.getPhone(), organisation.getEmail(),
                organisation.getContactName(), organisation.getContactEmail(),
                listing == null ? TrainingPotential.empty() : listing.getPotential());
    }
}
