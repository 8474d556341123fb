package fr.formaflow.demo;

import fr.formaflow.apprenticeship.ApprenticeshipContracts;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.funder.Funder;
import fr.formaflow.funder.FunderHelp;
import fr.formaflow.funder.FunderRepository;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.organisation.Organisation;
import fr.formaflow.organisation.OrganisationRepository;
import fr.formaflow.security.GroupAuthorizations;
import fr.formaflow.security.Roles;
import fr.formaflow.invoicing.PortageOffer;
import fr.formaflow.invoicing.PortageOfferRepository;
import fr.formaflow.invoicing.PortageOffers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo funders, organisations and users. Loaded when formaflow.demo-data is true (the demo profile),
 * once: every item is created only if missing, so a restart on the same database changes nothing.
 */
@Component
@ConditionalOnProperty(name = "formaflow.demo-data", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public record DemoUser(String id, String firstName, String lastName, String email, String groupId, String role) {
    }

    public static final String REGION = "OCCITANIE";
    public static final String OPCO = "OPCOSANTE";
    public static final String PORTAGE = "PORTAGESUD";
    public static final String AFDAS = "AFDAS";
    public static final String FORMIRIS = "FORMIRIS";
    public static final String TITULAR_SIRET = "42110064500017";
    public static final String SUBCONTRACTOR_SIRET = "51234567900017";
    public static final String CFA_SIRET = "78945612600018";

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("marie.durand", "Marie", "Durand", "marie.durand@scenes-formations.fr",
                    Organisation.groupIdFor(TITULAR_SIRET), "organisme titulaire Scènes et Formations"),
            new DemoUser("paul.roux", "Paul", "Roux", "paul.roux@cevennes-gestion.fr",
                    Organisation.groupIdFor(SUBCONTRACTOR_SIRET), "organisme sous-traitant Cévennes Gestion"),
            new DemoUser("sophie.martin", "Sophie", "Martin", "sophie.martin@cfa-sante-occitanie.fr",
                    Organisation.groupIdFor(CFA_SIRET), "CFA des Métiers de la Santé"),
            new DemoUser("claire.fabre", "Claire", "Fabre", "claire.fabre@laregion.fr",
                    Funder.groupIdFor(REGION), "valideuse de la Région Occitanie"),
            new DemoUser("julien.morel", "Julien", "Morel", "julien.morel@opco-sante.fr",
                    Funder.groupIdFor(OPCO), "valideur d'OPCO Santé"),
            new DemoUser("hugo.lambert", "Hugo", "Lambert", "hugo.lambert@portage-formation-sud.fr",
                    Funder.groupIdFor(PORTAGE), "valideur de Portage Formation Sud (plateforme de portage)"),
            new DemoUser("lea.garnier", "Léa", "Garnier", "lea.garnier@formiris-occitanie.example",
                    Funder.groupIdFor(FORMIRIS), "valideuse de Formiris (association territoriale Occitanie, dossiers régionaux)"),
            new DemoUser("antoine.brun", "Antoine", "Brun", "antoine.brun@formiris-siege.example",
                    Funder.nationalGroupIdFor(FORMIRIS), "valideur de Formiris (siège, dossiers nationaux)"),
            new DemoUser("operateur", "Olivia", "Perrin", "exploitation@formaflow.fr",
                    Roles.OPERATORS, "opératrice (Cockpit, Admin)"));

    private final FunderRepository funders;
    private final OrganisationRepository organisations;
    private final IdentityService identityService;
    private final GroupAuthorizations groups;
    private final String password;
    private final TrainingActionRepository actions;
    private final DossierService dossiers;
    private final NewDossiers newDossiers;
    private final boolean withDossiers;
    private final ApprenticeshipContracts apprenticeship;
    private final PortageOfferRepository portageOffers;

    public DemoData(FunderRepository funders, OrganisationRepository organisations, IdentityService identityService,
                    GroupAuthorizations groups, @Value("${formaflow.demo.password}") String password,
                    TrainingActionRepository actions, DossierService dossiers, NewDossiers newDossiers,
                    @Value("${formaflow.demo.dossiers:true}") boolean withDossiers, ApprenticeshipContracts apprenticeship,
                    PortageOfferRepository portageOffers) {
        this.portageOffers = portageOffers;
        this.apprenticeship = apprenticeship;
        this.withDossiers = withDossiers;
        this.actions = actions;
        this.dossiers = dossiers;
        this.newDossiers = newDossiers;
        this.funders = funders;
        this.organisations = organisations;
        this.identityService = identityService;
        this.groups = groups;
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Demo data needs a password for the demo users: set FORMAFLOW_DEMO_PASSWORD.");
        }
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void load() {
        funder(new Funder(REGION, "Région Occitanie", FundingScheme.REGION_MARKET, "QCA")
                .address("23003502400010", "201 avenue de la Pompignane", "34064", "Montpellier")
                .help(new FunderHelp("Service de gestion administrative et financière de la formation",
                        "du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h", "01 99 00 34 10", "gestion.formation@region-occitanie.example",
                        "le numéro de contrat du dossier (par exemple 2026QCA0001)")));
        funder(new Funder(OPCO, "OPCO Santé", FundingScheme.OPCO, "OPS")
                .address("85279863600019", "31 rue Anatole France", "92300", "Levallois-Perret")
                .invoicesTo("factures@opco-sante.example")
                .help(new FunderHelp("Centre de relation client", "du lundi au vendredi, de 8 h 30 à 17 h 30", "01 99 00 13 68",
                        "relation.client@opco-sante.example", "le numéro de l'action OPCO Santé, dans toutes vos demandes")));
        funder(new Funder(PORTAGE, "Portage Formation Sud", FundingScheme.PORTAGE, "PFS")
                .address("81234567600017", "5 boulevard du Jeu de Paume", "34000", "Montpellier")
                .activityDeclaration("76341234534", "Occitanie")
                .help(new FunderHelp("Assistance de la plateforme de portage", "du lundi au vendredi, de 9 h à 17 h", "01 99 00 45 20",
                        "assistance@portage-formation-sud.example", "le numéro de contrat du dossier et le nom du client")));
        // the OPCO of the portage demo's client: a portage platform invoices it and e-mails it the invoice (seed 000)
        funder(new Funder(AFDAS, "AFDAS", FundingScheme.OPCO, "AFD")
                .address("30561826600004", "66 rue Stendhal", "75020", "Paris")
                .invoicesTo("factures@afdas.example"));
        portageOffers(funders.findByCode(PORTAGE).orElseThrow());
        // Formiris (seed 001): purchase order before any attendance, attendance certificates validated before invoicing
        // regional dossiers go to the association territoriale's validators, national ones to the head office's
        funder(new Funder(FORMIRIS, "Formiris", FundingScheme.FORMIRIS, "FOR").withNationalValidators()
                .help(new FunderHelp("Assistance Formiris", "du lundi au vendredi, de 8 h 30 à 17 h", "01 58 45 10 20",
                        "contact.assistance@formiris.org", "le numéro de contrat du dossier"))
                .scopeHelp(new FunderHelp("Site de proximité Formiris Occitanie (association territoriale)",
                                "du lundi au vendredi, de 9 h à 12 h 30 et de 14 h à 17 h", "01 99 00 52 30",
                                "proximite.occitanie@formiris.example", "le numéro de contrat du dossier"),
                        new FunderHelp("Service gestion de Formiris (siège)", null, null, "contact.gestion@formiris.org",
                                "le numéro de contrat du dossier")));

        organisation(new Organisation(TITULAR_SIRET, "Scènes et Formations", "76340123434")
                .address("2 rue Victor Hugo", "34800", "Clermont-l'Hérault")
                .contact("Marie Durand", "contact@scenes-formations.fr", "04 67 96 10 20")
                .status(true, false, true, false)
                .registeredIn("Occitanie", "Hérault")
                .company(null, "SARL", 800_000L, "RCS Montpellier " + TITULAR_SIRET.substring(0, 9))
                .bankAccount("FR7613506100008512345678989", "AGRIFRPP835"));
        organisation(new Organisation(SUBCONTRACTOR_SIRET, "Cévennes Gestion", "76300456730")
                .address("14 quai de Bilina", "30100", "Alès")
                .contact("Paul Roux", "contact@cevennes-gestion.fr", "04 66 52 33 10")
                .status(true, false, true, true)
                .registeredIn("Occitanie", "Gard")
                .company(null, "SAS", 1_500_000L, "RCS Nîmes " + SUBCONTRACTOR_SIRET.substring(0, 9))
                .bankAccount("FR7630004001230001020304058", "BNPAFRPPXXX"));
        organisation(new Organisation(CFA_SIRET, "CFA des Métiers de la Santé", "76310789031")
                .address("9 allée Jean Jaurès", "31000", "Toulouse")
                .contact("Sophie Martin", "contact@cfa-sante-occitanie.fr", "05 61 22 40 40")
                .status(true, true, false, false)
                .registeredIn("Occitanie", "Haute-Garonne")
                .bankAccount("FR7617806000806543210001192", "AGRIFRPP878"));

        groups.ensureOperatorsGroup();
        USERS.forEach(this::user);
        if (withDossiers && actions.count() == 0) {
            dossier("marie.durand", REGION, "Accessoiriste de spectacle");
            dossier("sophie.martin", OPCO, "Aide-soignant : gestes et postures");
            // two apprenticeship contracts sent by employers through OPCO Santé's web service to the demo CFA
            as("julien.morel", () -> {
                LocalDate today = LocalDate.now();
                apprenticeship.receive(new ApprenticeshipContracts.NewContract(null, CFA_SIRET, "034" + today.getYear() + "0900001",
                        "Lopez", "Inès", "Clinique du Parc", "48300123650002", "Diplôme d'État d'aide-soignant",
                        today.minusDays(10), today.withDayOfMonth(1), today.withDayOfMonth(1).plusYears(1).minusDays(1),
                        "7 000,00", "8 200,00", "500,00", true, true));
                apprenticeship.receive(new ApprenticeshipContracts.NewContract(null, CFA_SIRET, "034201907000123",
                        "Girard", "Tom", "EHPAD Les Tilleuls", "52900876540004", "BTS Économie sociale familiale",
                        LocalDate.of(2019, 7, 1), LocalDate.of(2019, 9, 2), LocalDate.of(2022, 8, 31),
                        "9 500,00", "9 500,00", "0", false, true));
            });
        }
        log.info("Données de démonstration prêtes : {} financeurs, {} organismes, {} utilisateurs, {} dossiers",
                funders.count(), organisations.count(), USERS.size(), actions.count());
    }

    private void funder(Funder funder) {
        Funder saved = funders.findByCode(funder.getCode()).orElseGet(() -> funders.save(funder));
        groups.ensureFunderGroup(saved.getValidatorGroupId(), "Valideurs " + saved.getName()
                + (saved.hasScopes() ? " (dossiers régionaux)" : ""));
        if (saved.hasScopes()) {
            groups.ensureFunderGroup(saved.getNationalValidatorGroupId(), "Valideurs " + saved.getName() + " — siège (dossiers nationaux)");
        }
    }

    /**
     * The portage platform's offers (seed 000: « l'offre qui vous correspond »). The seed names no offer nor fee: these
     * three, their contents and their grids are the demo's own.
     */
    private void portageOffers(Funder platform) {
        if (!portageOffers.findByFunderIdOrderByRankInListAsc(platform.getId()).isEmpty()) {
            return;
        }
        String base = "Contrat de sous-traitance et convention de formation préparés\nFacturation au client ou à son OPCO, "
                + "transmission à l'OPCO\nSuivi des émargements, des évaluations et des documents de clôture";
        portageOffers.save(new PortageOffer(platform.getId(), 1, new PortageOffers.Offer("ESSENTIEL", "Essentiel",
                base, 1, 3, 150_00L, List.of(new PortageOffers.Tier(3_000_00L, new BigDecimal("12")),
                new PortageOffers.Tier(null, new BigDecimal("10"))))));
        portageOffers.save(new PortageOffer(platform.getId(), 2, new PortageOffers.Offer("GROUPE", "Groupe",
                base + "\nConvocations envoyées à chaque stagiaire\nRelances des OPCO jusqu'au règlement", 4, 12, 300_00L,
                List.of(new PortageOffers.Tier(10_000_00L, new BigDecimal("9")), new PortageOffers.Tier(null, new BigDecimal("7"))))));
        portageOffers.save(new PortageOffer(platform.getId(), 3, new PortageOffers.Offer("SUR_MESURE", "Intra-entreprise sur mesure",
                base + "\nInterlocuteur dédié pour l'entreprise cliente\nCahier des charges et programme adaptés avec le client", 1, null,
                500_00L, List.of(new PortageOffers.Tier(null, new BigDecimal("8"))))));
    }

    private void organisation(Organisation organisation) {
        Organisation saved = organisations.findBySiret(organisation.getSiret()).orElseGet(() -> organisations.save(organisation));
        groups.ensureOrganisationGroup(saved.getGroupId(), saved.getName());
        groups.ensureOrganisationAdminGroup(saved.getAdminGroupId(), saved.getName());
    }

    /** A dossier waiting for its submission, created as its organisation's user would through the API. */
    private void dossier(String userId, String funderCode, String title) {
        as(userId, () -> newDossiers.create(new NewDossiers.NewDossier(funderCode, null, title, null)));
    }

    private void as(String userId, Runnable work) {
        List<String> userGroups = identityService.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        identityService.setAuthentication(userId, userGroups);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void user(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.email());
            user.setPassword(password);
            identityService.saveUser(user);
        }
        membership(demo.id(), demo.groupId());
        if (demo.groupId().startsWith("org_")) {
            // each demo organisation's user is its administrator
            membership(demo.id(), Organisation.adminGroupIdFor(demo.groupId()));
        }
    }

    private void membership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
