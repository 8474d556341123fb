package fr.formaflow.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.List;

/**
 * What a catalogue entry says about a session, as the organisation writes it (the draft revision) and as the
 * public sees it once validated (the published snapshot). The funder's validator assigns the Formacode.
 */
@Embeddable
public record OfferContent(
        String title,
        String objectives,
        String programme,
        @Convert(converter = OfferModulesConverter.class) @Column(name = "modules") List<OfferModule> modules,
        String formacode,
        @Column(name = "start_date") LocalDate startDate,
        @Column(name = "end_date") LocalDate endDate,
        String city,
        String postcode,
        Integer placesAvailable,
        String fundingComment,
        LocalDate fundingVoteDate,
        String contactName,
        String contactPhone,
        String contactEmail) {

    public OfferContent {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public OfferContent withFormacode(String code) {
        return new OfferContent(title, objectives, programme, modules, code, startDate, endDate, city, postcode, placesAvailable,
                fundingComment, fundingVoteDate, contactName, contactPhone, contactEmail);
    }

    public boolean modular() {
        return modules.size() > 1;
    }
}
