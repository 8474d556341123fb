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
                                   InvoicingIdentity invoicing, boolean admin, List<OrganisationAdmin.Member> users, List<DelegationLine> delegatingOrganisations) {
    }

    public record DelegationLine(String siret, String name, LocalDateTime since, String addedBy) {
    }

    public record NewMember(String email, String firstName, String lastName, boolean admin) {
    }

    public record DelegationRequest(String siret) {
    }

    /** One delegation seen from this organisation: the other organisation, where it stands, who asked, decided and ended. */
    public record DelegationState(String siret, String name, String status, String statusLabel, LocalDateTime requestedAt, String requestedBy,
                                  LocalDateTime decidedAt, String decidedBy) {
    }

    /** "Mes délégations": the organisations this CFA manages or asked to manage, and the CFAs managing (or asking to manage) its dossiers. */
    public record DelegationsView(List<DelegationState> asDelegate, List<DelegationState> asDelegating, List<DelegatedActLine> acts) {
    }

    public record DelegatedActLine(LocalDateTime at, String userId, String delegate, String delegating, String description) {
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

    @PutMapping("/invoicing")
    @Operation(summary = "Modifier l'identité de facturation : n° de TVA, forme juridique, capital, RCS, IBAN et BIC (administrateur)")
    public OrganisationView updateInvoicing(@RequestBody(required = false) InvoicingIdentity identity) {
        return view(admin.updateInvoicing(identity));
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
    @Operation(summary = "CFA : demander à gérer les dossiers d'un organisme ; rien n'est partagé avant l'accord de son administrateur")
    public DelegationsView requestDelegation(@RequestBody DelegationRequest request) {
        Organisation mine = admin.requireAdmin();
        delegations.request(mine, request == null ? null : request.siret(), currentUser.id(), clock.now());
        return delegationsOf(mine);
    }

    @GetMapping("/delegations")
    @Operation(summary = "Délégations actives et en attente, dans les deux sens, et les actes faits par délégation")
    public DelegationsView listDelegations() {
        return delegationsOf(admin.mine());
    }

    @DeleteMapping("/delegations/{siret}")
    @Operation(summary = "Mettre fin à une délégation ou retirer une demande (l'un ou l'autre organisme) : tous les accès sont retirés")
    public DelegationsView endDelegation(@PathVariable String siret) {
        Organisation mine = admin.requireAdmin();
        delegations.end(mine, siret, currentUser.id());
        return delegationsOf(mine);
    }

    private DelegationsView delegationsOf(Organisation o) {
        return new DelegationsView(
                delegations.openAsDelegate(o).stream().map(d -> state(d, d.getDelegating())).toList(),
                delegations.openAsDelegating(o).stream().map(d -> state(d, d.getDelegate())).toList(),
                delegations.actsConcerning(o).stream().limit(200).map(a -> new DelegatedActLine(a.getDoneAt(), a.getUserId(), a.getDelegateName(),
                        a.getDelegatingName(), a.getDescription())).toList());
    }

    private static DelegationState state(Delegation d, Organisation other) {
        return new DelegationState(other.getSiret(), other.getName(), d.getStatus().name(), d.getStatus().label(), d.getCreatedAt(),
                d.getCreatedBy(), d.getDecidedAt(), d.getDecidedBy());
    }

    private OrganisationView view(Organisation o) {
        return new OrganisationView(o.getSiret(), o.getName(), o.getNda(), o.isCfa(),
                new OrganisationAdmin.Contact(o.getStreet(), o.getPostcode(), o.getCity(), o.getPhone(), o.getEmail(), o.getContactName()),
                InvoicingIdentity.of(o), admin.isAdmin(o), admin.members(o),
                delegations.of(o).stream().map(d -> new DelegationLine(d.getDelegating().getSiret(), d.getDelegating().getName(),
                        d.getDecidedAt() == null ? d.getCreatedAt() : d.getDecidedAt(), d.getCreatedBy())).toList());
    }
}
