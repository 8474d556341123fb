package fr.formaflow.funder;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A funder (financeur): a Région, an OPCO, Formiris or a portage platform. */
@Entity
@Table(name = "funder")
public class Funder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Short code, used in group ids and contract numbers. */
    @Column(nullable = false, unique = true, length = 20)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FundingScheme scheme;

    private String siret;
    private String street;
    private String postcode;
    private String city;

    /** Three letters inserted in contract numbers, as in the seed's 2008QCA0971. */
    @Column(nullable = false, length = 3)
    private String contractPrefix;

    /** The Camunda group of this funder's validators. */
    @Column(nullable = false, unique = true)
    private String validatorGroupId;

    /**
     * The Camunda group of the head office's validators, at a funder organised in territories (Formiris, seed 001):
     * its national dossiers go to them, its regional ones to {@link #validatorGroupId} (the association territoriale).
     * Null at funders that handle every dossier alike.
     */
    @Column(unique = true, length = 64)
    private String nationalValidatorGroupId;

    /**
     * A portage platform's own activity declaration (numéro de déclaration d'activité) and the région it was made in:
     * the platform is the training organisation that contracts with the client (seed 000).
     */
    private String nda;
    private String ndaRegion;

    @Embedded
    private FunderHelp help;

    /**
     * Where the questions about a regional dossier go, at a funder organised in territories: Formiris' « site de
     * proximité » of the region (seed 001); null elsewhere.
     */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "service", column = @Column(name = "regional_help_service")),
            @AttributeOverride(name = "hours", column = @Column(name = "regional_help_hours")),
            @AttributeOverride(name = "phone", column = @Column(name = "regional_help_phone")),
            @AttributeOverride(name = "email", column = @Column(name = "regional_help_email")),
            @AttributeOverride(name = "quote", column = @Column(name = "regional_help_quote"))})
    private FunderHelp regionalHelp;

    /** Where the questions about a national dossier go: Formiris' « service gestion » at the head office (seed 001). */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "service", column = @Column(name = "national_help_service")),
            @AttributeOverride(name = "hours", column = @Column(name = "national_help_hours")),
            @AttributeOverride(name = "phone", column = @Column(name = "national_help_phone")),
            @AttributeOverride(name = "email", column = @Column(name = "national_help_email")),
            @AttributeOverride(name = "quote", column = @Column(name = "national_help_quote"))})
    private FunderHelp nationalHelp;

    /** Where the funder receives the invoices sent to it by e-mail (an OPCO receives a portage platform's invoices there). */
    private String invoiceEmail;

    /** This funder funds only actions whose offer is published in the training-offer catalogue (checked at opening). */
    private boolean publishedOfferRequired;

    protected Funder() {
    }

    public Funder(String code, String name, FundingScheme scheme, String contractPrefix) {
        this.code = code;
        this.name = name;
        this.scheme = scheme;
        this.contractPrefix = contractPrefix;
        this.validatorGroupId = groupIdFor(code);
    }

    public static String groupIdFor(String code) {
        return "funder_" + code.toLowerCase();
    }

    /** The group of the head office's validators of a funder organised in territories. */
    public static String nationalGroupIdFor(String code) {
        return groupIdFor(code) + "_national";
    }

    /** Regional dossiers stay with {@link #getValidatorGroupId()}, national ones go to the head office's own validators. */
    public Funder withNationalValidators() {
        this.nationalValidatorGroupId = nationalGroupIdFor(code);
        return this;
    }

    /** Whether this funder's dossiers are regional or national, each scope with its own validators (Formiris). */
    public boolean hasScopes() {
        return nationalValidatorGroupId != null;
    }

    /** The validators of a dossier of this scope: the head office's for a national one, the funder's group otherwise. */
    public String validatorGroupFor(GeographicScope scope) {
        return scope == GeographicScope.NATIONAL && hasScopes() ? nationalValidatorGroupId : validatorGroupId;
    }

    public Funder address(String siret, String street, String postcode, String city) {
        this.siret = siret;
        this.street = street;
        this.postcode = postcode;
        this.city = city;
        return this;
    }

    /** A portage platform's activity declaration, printed on the training agreements it signs with the clients. */
    public Funder activityDeclaration(String nda, String ndaRegion) {
        this.nda = nda;
        this.ndaRegion = ndaRegion;
        return this;
    }

    /** The NDA mention of a platform that has recorded its declaration, null otherwise. */
    public String ndaMention() {
        return nda == null ? null : fr.formaflow.platform.French.ndaMention(nda, ndaRegion);
    }

    /** The address the funder's invoices are e-mailed to. */
    public Funder invoicesTo(String email) {
        this.invoiceEmail = email;
        return this;
    }

    public Funder help(FunderHelp help) {
        this.help = help;
        return this;
    }

    /** Never null: {@link FunderHelp#NONE} when nothing was recorded. */
    public FunderHelp getHelp() {
        return help == null ? FunderHelp.NONE : help;
    }

    /** Where the questions about a dossier of each scope go (Formiris: the regional proximity site, the national service gestion). */
    public Funder scopeHelp(FunderHelp regional, FunderHelp national) {
        this.regionalHelp = regional;
        this.nationalHelp = national;
        return this;
    }

    /** The scope's own contact, null when the funder has none for it. */
    public FunderHelp getRegionalHelp() { return regionalHelp; }
    public FunderHelp getNationalHelp() { return nationalHelp; }

    /**
     * Where the questions about a dossier of this scope go: the scope's own contact where the funder recorded one, its
     * general help otherwise (and for the funders that have no scopes). Never null.
     */
    public FunderHelp helpFor(GeographicScope scope) {
        FunderHelp own = scope == GeographicScope.REGIONAL ? regionalHelp : scope == GeographicScope.NATIONAL ? nationalHelp : null;
        return own == null || own.service() == null ? getHelp() : own;
    }

    public Funder requirePublishedOffer(boolean required) {
        this.publishedOfferRequired = required;
        return this;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public FundingScheme getScheme() { return scheme; }
    public String getSiret() { return siret; }
    public String getStreet() { return street; }
    public String getPostcode() { return postcode; }
    public String getCity() { return city; }
    public String getContractPrefix() { return contractPrefix; }
    public String getValidatorGroupId() { return validatorGroupId; }
    public String getNationalValidatorGroupId() { return nationalValidatorGroupId; }
    public boolean isPublishedOfferRequired() { return publishedOfferRequired; }
    public String getNda() { return nda; }
    public String getNdaRegion() { return ndaRegion; }
    public String getInvoiceEmail() { return invoiceEmail; }
}
