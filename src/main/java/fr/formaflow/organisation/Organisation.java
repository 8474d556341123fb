package fr.formaflow.organisation;

import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/** A training organisation (organisme de formation, or CFA), identified by its SIRET. */
@Entity
@Table(name = "organisation")
@BatchSize(size = 100)
public class Organisation {

    /** The French standard VAT rate, in percent. */
    public static final BigDecimal STANDARD_VAT_RATE = BigDecimal.valueOf(20);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 14)
    private String siret;

    @Column(nullable = false)
    private String name;

    private String street;
    private String postcode;
    private String city;
    private String phone;
    private String email;

    /** 11 digits, or "CFA" for a historic CFA. */
    private String nda;
    /** Région where the NDA was registered, for the mandatory mention on documents. */
    private String ndaRegion;

    private boolean fpc;
    private boolean cfa;
    private boolean forProfit;
    private boolean vatLiable;

    private String contactName;
    private String contactEmail;
    private String area;

    /** Seller identity on invoices (e-invoicing reform): intra-EU VAT number, legal form, share capital, RCS, bank account. */
    private String vatNumber;
    private String legalForm;
    private Long shareCapitalCents;
    private String rcs;
    private String iban;
    private String bic;

    /** The Camunda group whose members act for this organisation. */
    @Column(nullable = false, unique = true)
    private String groupId;

    protected Organisation() {
    }

    public Organisation(String siret, String name, String nda) {
        this.siret = Siret.of(siret).value();
        String ndaProblem = Nda.problemWith(nda);
        if (ndaProblem != null) {
            throw new IllegalArgumentException(ndaProblem);
        }
        this.name = name;
        this.nda = Nda.normalise(nda);
        this.groupId = groupIdFor(this.siret);
    }

    public static String groupIdFor(String siret) {
        return "org_" + siret;
    }

    /** The Camunda group of the organisation's administrators: they accept new users and manage the record. */
    public String getAdminGroupId() {
        return adminGroupIdFor(groupId);
    }

    public static String adminGroupIdFor(String groupId) {
        return groupId + "_admins";
    }

    /** The contact part of the record, which the organisation's administrator keeps up to date. */
    public void updateContact(String street, String postcode, String city, String phone, String email, String contactName) {
        address(street, postcode, city);
        contact(contactName, email, phone);
    }

    public Organisation address(String street, String postcode, String city) {
        this.street = street;
        this.postcode = postcode;
        this.city = city;
        return this;
    }

    public Organisation contact(String name, String email, String phone) {
        this.contactName = name;
        this.contactEmail = email;
        this.email = email;
        this.phone = phone;
        return this;
    }

    public Organisation status(boolean fpc, boolean cfa, boolean forProfit, boolean vatLiable) {
        this.fpc = fpc;
        this.cfa = cfa;
        this.forProfit = forProfit;
        this.vatLiable = vatLiable;
        return this;
    }

    /** The company identity printed on invoices: every value may be null (an association has no capital nor RCS). */
    public Organisation company(String vatNumber, String legalForm, Long shareCapitalCents, String rcs) {
        this.vatNumber = vatNumber;
        this.legalForm = legalForm;
        this.shareCapitalCents = shareCapitalCents;
        this.rcs = rcs;
        return this;
    }

    /** The account funders pay into (BG-16 of the Factur-X invoice). */
    public Organisation bankAccount(String iban, String bic) {
        this.iban = iban == null ? null : iban.replace(" ", "").toUpperCase();
        this.bic = bic == null ? null : bic.trim().toUpperCase();
        return this;
    }

    /**
     * The intra-EU VAT number: the one recorded, or the French number every SIREN has (FR, a two-digit key
     * (12 + 3 × (SIREN mod 97)) mod 97, the SIREN).
     */
    public String intraEuVatNumber() {
        if (vatNumber != null && !vatNumber.isBlank()) {
            return vatNumber.replace(" ", "").toUpperCase();
        }
        return Siret.of(siret).intraEuVatNumber();
    }

    /** « SAS au capital de 10 000,00 € — RCS Montpellier 512 345 679 », from what the record holds; null if nothing. */
    public String legalMention() {
        List<String> parts = new ArrayList<>();
        if (legalForm != null && !legalForm.isBlank()) {
            parts.add(legalForm + (shareCapitalCents == null ? "" : " au capital de " + French.euros(shareCapitalCents)));
        }
        if (rcs != null && !rcs.isBlank()) {
            parts.add(rcs);
        }
        return parts.isEmpty() ? null : String.join(" — ", parts);
    }

    /** Training is VAT-exempt (CGI art. 261-4-4° a) unless the organisation is liable to VAT: then the standard rate. */
    public BigDecimal vatRate() {
        return vatLiable ? STANDARD_VAT_RATE : BigDecimal.ZERO;
    }

    public Organisation registeredIn(String ndaRegion, String area) {
        this.ndaRegion = ndaRegion;
        this.area = area;
        return this;
    }

    /** The mandatory mention of the activity declaration (Code du travail), or null for a historic CFA. */
    public String ndaMention() {
        if (Nda.HISTORIC_CFA.equals(nda)) {
            return null;
        }
        return fr.formaflow.platform.French.ndaMention(nda, ndaRegion);
    }

    public String fullAddress() {
        return String.join(", ", street == null ? "" : street, (postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).trim();
    }

    public Long getId() { return id; }
    public String getVatNumber() { return vatNumber; }
    public String getLegalForm() { return legalForm; }
    public Long getShareCapitalCents() { return shareCapitalCents; }
    public String getRcs() { return rcs; }
    public String getIban() { return iban; }
    public String getBic() { return bic; }
    public String getSiret() { return siret; }
    public String getName() { return name; }
    public String getStreet() { return street; }
    public String getPostcode() { return postcode; }
    public String getCity() { return city; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getNda() { return nda; }
    public String getNdaRegion() { return ndaRegion; }
    public boolean isFpc() { return fpc; }
    public boolean isCfa() { return cfa; }
    public boolean isForProfit() { return forProfit; }
    public boolean isVatLiable() { return vatLiable; }
    public String getContactName() { return contactName; }
    public String getContactEmail() { return contactEmail; }
    public String getArea() { return area; }
    public String getGroupId() { return groupId; }
}
