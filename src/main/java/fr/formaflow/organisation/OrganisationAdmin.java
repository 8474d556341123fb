package fr.formaflow.organisation;

import fr.formaflow.account.Accounts;
import fr.formaflow.platform.AccessDeniedException;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.security.CurrentUser;
import fr.formaflow.security.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an organisation's administrator manages: its users and its contact record ("Gérer les accès"). */
@Service
@Transactional
public class OrganisationAdmin {

    public record Member(String userId, String firstName, String lastName, String email, boolean admin) {
    }

    public record Contact(String street, String postcode, String city, String phone, String email, String contactName) {
    }

    private final OrganisationRepository organisations;
    private final Accounts accounts;
    private final UserDirectory directory;
    private final CurrentUser currentUser;

    public OrganisationAdmin(OrganisationRepository organisations, Accounts accounts, UserDirectory directory,
                             CurrentUser currentUser) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.directory = directory;
        this.currentUser = currentUser;
    }

    /** The organisation the current user belongs to (not one it acts for by delegation). */
    public Organisation mine() {
        List<String> own = directory.groupsOf(currentUser.id());
        return organisations.findByGroupIdIn(own).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Votre compte n'est rattaché à aucun organisme de formation."));
    }

    public boolean isAdmin(Organisation organisation) {
        return currentUser.isIn(organisation.getAdminGroupId());
    }

    public List<Member> members(Organisation organisation) {
        List<String> admins = directory.members(organisation.getAdminGroupId()).stream().map(UserDirectory.Person::id).toList();
        return directory.members(organisation.getGroupId()).stream()
                .map(u -> new Member(u.id(), u.firstName(), u.lastName(), u.email(), admins.contains(u.id()))).toList();
    }

    /** Adds a user to the organisation and e-mails them the link to choose their password. */
    public String addUser(Accounts.NewUser user, boolean admin) {
        Organisation organisation = requireAdmin();
        String userId = accounts.create(user, admin ? List.of(organisation.getGroupId(), organisation.getAdminGroupId()) : List.of(organisation.getGroupId()));
        accounts.sendActivation(userId, organisation.getName());
        return userId;
    }

    /** Removes a user from the organisation; the account is deleted unless it belongs elsewhere too. */
    public void removeUser(String userId) {
        Organisation organisation = requireAdmin();
        if (members(organisation).stream().noneMatch(m -> m.userId().equals(userId))) {
            throw new NotFoundException("L'utilisateur " + userId + " n'appartient pas à " + organisation.getName() + ".");
        }
        if (userId.equals(currentUser.id())) {
            throw new BusinessRuleException("Vous ne pouvez pas retirer votre propre accès : demandez-le à un autre administrateur.");
        }
        directory.leave(userId, List.of(organisation.getGroupId(), organisation.getAdminGroupId()));
    }

    public Organisation updateContact(Contact contact) {
        Organisation organisation = requireAdmin();
        fr.formaflow.platform.FieldLimits.check().max("Adresse", contact.street(), fr.formaflow.platform.FieldLimits.TITLE)
                .max("Ville", contact.city(), fr.formaflow.platform.FieldLimits.TITLE).max("Téléphone", contact.phone(), 30)
                .max("Adresse électronique", contact.email(), fr.formaflow.platform.FieldLimits.TITLE)
                .max("Personne à contacter", contact.contactName(), fr.formaflow.platform.FieldLimits.TITLE)
                .orRefuse("La fiche contact ne peut pas être enregistrée :");
        OrganisationRecord record = new OrganisationRecord(organisation.getSiret(), organisation.getName(), organisation.getNda(),
                organisation.getNdaRegion(), organisation.isFpc(), organisation.isCfa(), organisation.isForProfit(), organisation.isVatLiable(),
                organisation.getArea() == null ? "—" : organisation.getArea(),
                contact.street(), contact.postcode(), contact.city(), contact.phone(), contact.email(), contact.contactName());
        List<String> problems = record.problems();
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("La fiche contact ne peut pas être enregistrée.", problems);
        }
        organisation.updateContact(contact.street().trim(), contact.postcode().trim(), contact.city().trim(), contact.phone().trim(),
                contact.email().trim().toLowerCase(), contact.contactName().trim());
        return organisation;
    }

    /** The invoicing identity of the organisation (VAT number, legal form, capital, RCS, bank account): its administrator's. */
    public Organisation updateInvoicing(InvoicingIdentity identity) {
        Organisation organisation = requireAdmin();
        if (identity == null) {
            throw new BusinessRuleException("Indiquez l'identité de facturation de l'organisme.");
        }
        List<String> problems = identity.problems(organisation.getSiret());
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("L'identité de facturation ne peut pas être enregistrée.", problems);
        }
        return organisation.company(InvoicingIdentity.compact(identity.vatNumber()), InvoicingIdentity.trimmed(identity.legalForm()),
                        identity.shareCapitalCents(), InvoicingIdentity.trimmed(identity.rcs()))
                .bankAccount(InvoicingIdentity.compact(identity.iban()), InvoicingIdentity.compact(identity.bic()));
    }

    public Organisation requireAdmin() {
        Organisation organisation = mine();
        if (!isAdmin(organisation)) {
            throw new AccessDeniedException("Seul un administrateur de " + organisation.getName() + " peut gérer ses accès et sa fiche contact.");
        }
        return organisation;
    }
}
