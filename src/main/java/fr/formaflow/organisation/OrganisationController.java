package fr.formaflow.organisation;

import fr.formaflow.account.Accounts;
import fr.formaflow.platform.Clock;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Mon organisme": its record, its users and, for a CFA, the organisations that delegated their dossiers to it. */
@RestController
@RequestMapping("/api/organisation")
public class OrganisationController {

    public record OrganisationView(String siret, String name, String nda, boolean cfa, OrganisationAdmin.Contact contact,
                                   boolean admin, List<OrganisationAdmin.Member> users, List<DelegationLine> delegatingOrganisations) {
    }

    public record DelegationLine(String siret, String name, LocalDateTime since, String addedBy) {
    }

    public record NewMember(String email, String firstName, String lastName, boolean admin) {
    }

    public record DelegationRequest(String siret) {
    }

    private final OrganisationAdmin admin;
    private final Delegations delegations;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OrganisationController(OrganisationAdmin admin, Delegations delegations, CurrentUser currentUser, Clock clock) {
        this.admin = admin;
        this.delegations = delegations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Mon organisme : fiche, utilisateurs et organismes déléguants")
    public OrganisationView get() {
        return view(admin.mine());
    }

    @PutMapping("/contact")
    @Operation(summary = "Modifier la fiche contact (administrateur de l'organisme)")
    public OrganisationView updateContact(@RequestBody OrganisationAdmin.Contact contact) {
        return view(admin.updateContact(contact));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un utilisateur : il reçoit par e-mail le lien pour choisir son mot de passe")
    public OrganisationView addUser(@RequestBody NewMember member) {
        admin.addUser(new Accounts.NewUser(member.email(), member.firstName(), member.lastName()), member.admin());
        return view(admin.mine());
    }

    @DeleteMapping("/users/{userId}")
    @Operation(summary = "Retirer un utilisateur de l'organisme")
    public OrganisationView removeUser(@PathVariable String userId) {
        admin.removeUser(userId);
        return view(admin.mine());
    }

    @PostMapping("/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "CFA : ajouter un organisme déléguant, dont il gère ensuite les dossiers")
    public OrganisationView addDelegation(@RequestBody DelegationRequest request) {
        delegations.add(admin.requireAdmin(), request.siret(), currentUser.id(), clock.now());
        return view(admin.mine());
    }

    private OrganisationView view(Organisation o) {
        return new OrganisationView(o.getSiret(), o.getName(), o.getNda(), o.isCfa(),
                new OrganisationAdmin.Contact(o.getStreet(), o.getPostcode(), o.getCity(), o.getPhone(), o.getEmail(), o.getContactName()),
                admin.isAdmin(o), admin.members(o),
                delegations.of(o).stream().map(d -> new DelegationLine(d.getDelegating().getSiret(), d.getDelegating().getName(),
                        d.getCreatedAt(), d.getCreatedBy())).toList());
    }
}
