package fr.formaflow.organisation;

import fr.formaflow.account.Accounts;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.security.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and on behalf of which organisations or funders do I act. */
@RestController
public class MeController {

    public record Me(String userId, String firstName, String lastName, String email,
                     List<String> organisations, List<String> funders, boolean operator) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record EmailChange(String currentPassword, String email) {
    }

    private final CurrentUser currentUser;
    private final UserDirectory directory;
    private final OrganisationRepository organisations;
    private final FunderRepository funders;

    private final Accounts accounts;

    public MeController(CurrentUser currentUser, UserDirectory directory, OrganisationRepository organisations, FunderRepository funders,
                        Accounts accounts) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.directory = directory;
        this.organisations = organisations;
        this.funders = funders;
    }

    @GetMapping("/api/me")
    public Me me() {
        UserDirectory.Person user = directory.find(currentUser.id()).orElseThrow();
        List<String> groups = currentUser.groups();
        return new Me(user.id(), user.firstName(), user.lastName(), user.email(),
                organisations.findByGroupIdIn(groups).stream().map(o -> o.getName()).toList(),
                funders.findValidatedBy(groups).stream().map(f -> f.getName()).toList(),
                currentUser.isOperator());
    }

    @PutMapping("/api/me/password")
    @Operation(summary = "Changer mon mot de passe (le mot de passe actuel est demandé)")
    public void changePassword(@RequestBody PasswordChange change) {
        accounts.changePassword(currentUser.id(), change.currentPassword(), change.newPassword());
    }

    @PutMapping("/api/me/email")
    @Operation(summary = "Changer mon adresse électronique (le mot de passe actuel est demandé)")
    public Me changeEmail(@RequestBody EmailChange change) {
        accounts.changeEmail(currentUser.id(), change.currentPassword(), change.email());
        return me();
    }
}
