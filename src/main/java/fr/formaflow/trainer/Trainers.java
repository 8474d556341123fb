package fr.formaflow.trainer;

import fr.formaflow.platform.InsertIfAbsent;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organisation's trainers, one per name: two users saving the same new trainer at once get the same one. */
@Service
public class Trainers {

    private final TrainerRepository repository;
    private final InsertIfAbsent insertIfAbsent;

    public Trainers(TrainerRepository repository, InsertIfAbsent insertIfAbsent) {
        this.repository = repository;
        this.insertIfAbsent = insertIfAbsent;
    }

    @Transactional
    public Trainer findOrCreate(Long organisationId, String lastName, String firstName) {
        Trainer named = new Trainer(organisationId, lastName, firstName);
        return repository.findByOrganisationIdAndLastNameAndFirstName(organisationId, named.getLastName(), named.getFirstName())
                .orElseGet(() -> {
                    insertIfAbsent.insert("trainer", Map.of("organisation_id", organisationId,
                            "last_name", named.getLastName(), "first_name", named.getFirstName()), "organisation_id", "last_name", "first_name");
                    return repository.findByOrganisationIdAndLastNameAndFirstName(organisationId, named.getLastName(), named.getFirstName())
                            .orElseThrow();
                });
    }
}
