package fr.formaflow.funder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FunderRepository extends JpaRepository<Funder, Long> {

    Optional<Funder> findByCode(String code);

    List<Funder> findByValidatorGroupIdIn(List<String> groupIds);
}
