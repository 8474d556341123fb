package fr.formaflow.security;

import fr.formaflow.funder.FunderRepository;
import fr.formaflow.organisation.OrganisationRepository;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and on behalf of which organisations or funders do I act. */
@RestController
public class MeController {

    public record Me(String userId, String firstName, String lastName, String email,
                     List<String> organisations, List<String> funders, boolean operator) {
    }

    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final OrganisationRepository organisations;
    private final FunderRepository funders;

    public MeController(CurrentUser currentUser, IdentityService identityService, OrganisationRepository organisations, FunderRepository funders) {
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.organisations = organisations;
        this.funders = funders;
    }

    @GetMapping("/api/me")
    public Me me() {
        User user = identityService.createUserQuery().userId(currentUser.id()).singleResult();
        List<String> groups = currentUser.groups();
        return new Me(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
                organisations.findByGroupIdIn(groups).stream().map(o -> o.getName()).toList(),
                funders.findByValidatorGroupIdIn(groups).stream().map(f -> f.getName()).toList(),
                currentUser.isOperator());
    }
}
