package fr.formaflow.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationListingRepository extends JpaRepository<OrganisationListing, Long> {
}
