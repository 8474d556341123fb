package fr.formaflow.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PublishedOfferRepository extends JpaRepository<PublishedOffer, Long> {

    /** An organisation's whole offer leaves (or returns to) the public catalogue with its record. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PublishedOffer p set p.organisationWithdrawn = :withdrawn where p.organisationId = :organisationId")
    int setOrganisationWithdrawn(@Param("organisationId") Long organisationId, @Param("withdrawn") boolean withdrawn);
}
