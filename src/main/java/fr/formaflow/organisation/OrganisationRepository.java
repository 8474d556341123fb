package fr.formaflow.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findBySiret(String siret);

    List<Organisation> findByGroupIdIn(List<String> groupIds);

    /** The ids of the organisations whose name matches a lower-case LIKE pattern (escape character: backslash). */
    @org.springframework.data.jpa.repository.Query("select o.id from Organisation o where lower(o.name) like :pattern escape '\\'")
    List<Long> idsNamedLike(String pattern);
}
