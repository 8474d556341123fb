package fr.formaflow.catalogue;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the public catalogue as an LHÉO 2.3 document (Langage harmonisé d'échange d'informations sur l'offre de
 * formation, the Carif-Oref format that France Travail and the relay structures read): one {@code <formation>} per
 * published session, with its {@code <action>}, its {@code <session>} and the organisation responsible for it. Elements
 * in the order LHÉO's grammar sets; texts cut to LHÉO's lengths; dates AAAAMMJJ. LHÉO's mandatory elements that the
 * catalogue does not hold get the values the README lists. JDK StAX, plain Java.
 */
public final class LheoWriter {

    public static final String NAMESPACE = "http://lheo.gouv.fr/2.3";

    /** LHÉO « niveau » 0 and the Formacode public « Tout public » (dictionary V10): what the catalogue does not record. */
    static final String NOT_COMMUNICATED = "Information non communiquée";
    static final String ANY_PUBLIC = "83056";
    /** What every trainee of a funded action receives at its end (closure documents). */
    static final String EXPECTED_RESULTS = "Attestation de fin de formation et certificat de réalisation remis à chaque stagiaire.";
    /** LHÉO wants an 11-character activity declaration number; an organisation without one (historic CFA) gets zeros. */
    static final String NO_NDA = "00000000000";

    private static final DateTimeFormatter AAAAMMJJ = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    /** Characters XML 1.0 cannot carry, even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    /** The organisation responsible for a session, as its record and its « potentiel de formation » describe it. */
    public record Responsible(String siret, String nda, String name, String street, String postcode, String city, String phone,
                              String email, String contactName, String contactEmail, TrainingPotential potential) {
    }

    private final XMLStreamWriter xml;

    /** Opens the document: {@code <lheo xmlns="http://lheo.gouv.fr/2.3"><offres>}. */
    public LheoWriter(OutputStream out) {
        try {
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "lheo");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeCharacters("\n");
            xml.writeStartElement(NAMESPACE, "offres");
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Écriture du flux LHÉO impossible", e);
        }
    }

    /** One published session: its offer ({@code formation}), action, session and responsible organisation. */
    public void formation(PublicOfferSearch.Session session, Responsible organisation) {
        try {
            writeFormation(session, organisation);
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Écriture du flux LHÉO impossible", e);
        }
    }

    /** Closes {@code offres} and {@code lheo}, and flushes (the stream itself stays open). */
    public void finish() {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Écriture du flux LHÉO impossible", e);
        }
    }

    private void writeFormation(PublicOfferSearch.Session s, Responsible organisation) throws XMLStreamException {
        String number = String.valueOf(s.id());
        start("formation");
        xml.writeAttribute("numero", number);
        start("domaine-formation");
        if (!blank(s.formacode())) {
            text("code-FORMACODE", s.formacode(), 5);
        }
        end();
        text("intitule-formation", s.title(), 255);
        text("objectif-formation", s.objectives(), 3000);
        text("resultats-attendus", EXPECTED_RESULTS, 3000);
        text("contenu-formation", content(s), 3000);
        text("certifiante", "0", 1);
        start("contact-formation");
        coordinates(s.contactName(), null, s.contactPhone(), s.contactEmail());
        end();
        text("parcours-de-formation", "1", 1);
        text("code-niveau-entree", "0", 2);

        start("action");
        xml.writeAttribute("numero", number);
        text("rythme-formation", NOT_COMMUNICATED, 3000);
        start("code-public-vise");
        xml.writeAttribute("ref", "V10");
        xml.writeCharacters(ANY_PUBLIC);
        end();
        text("niveau-entree-obligatoire", "0", 1);
        text("modalites-alternance", NOT_COMMUNICATED, 3000);
        text("modalites-enseignement", "0", 1);
        text("conditions-specifiques", NOT_COMMUNICATED, 3000);
        text("prise-en-charge-frais-possible", "1", 1);
        start("lieu-de-formation");
        start("coordonnees");
        address(null, s.postcode(), s.city());
        end();
        end();
        text("modalites-entrees-sorties", "0", 1);
        start("session");
        xml.writeAttribute("numero", number);
        start("periode");
        text("debut", AAAAMMJJ.format(s.startDate()), 8);
        text("fin", AAAAMMJJ.format(s.endDate()), 8);
        end();
        start("adresse-inscription");
        boolean ownAddress = organisation.postcode() != null && POSTCODE.matcher(organisation.postcode()).matches()
                && !blank(organisation.city());
        if (ownAddress) {
            address(organisation.street(), organisation.postcode(), organisation.city());
        } else {
            address(null, s.postcode(), s.city());
        }
        end();
        text("etat-recrutement", s.placesAvailable() > 0 ? "1" : "2", 1);
        end();
        if (!blank(organisation.potential().accessibility())) {
            text("acces-handicapes", organisation.potential().accessibility(), 250);
        }
        BigDecimal hours = s.modules().stream().map(OfferModule::hours).filter(h -> h != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (hours.signum() > 0) {
            text("nombre-heures-total", hours.setScale(0, RoundingMode.HALF_UP).toPlainString(), 5);
        }
        if (!blank(s.fundingComment())) {
            text("detail-conditions-prise-en-charge", s.fundingComment(), 600);
        }
        start("organisme-formateur");
        start("SIRET-formateur");
        text("SIRET", organisation.siret(), 14);
        end();
        text("raison-sociale-formateur", organisation.name(), 250);
        potential(organisation.potential());
        end();
        end();

        responsible(organisation);
        end();
    }

    private void responsible(Responsible organisation) throws XMLStreamException {
        TrainingPotential potential = organisation.potential();
        start("organisme-formation-responsable");
        text("numero-activite", organisation.nda() != null && ELEVEN_DIGITS.matcher(organisation.nda()).matches()
                ? organisation.nda() : NO_NDA, 11);
        start("SIRET-organisme-formation");
        text("SIRET", organisation.siret(), 14);
        end();
        text("nom-organisme", organisation.name(), 250);
        text("raison-sociale", organisation.name(), 250);
        start("coordonnees-organisme");
        coordinates(null, organisation, organisation.phone(), organisation.email());
        end();
        start("contact-organisme");
        coordinates(first(potential.registrationContact(), organisation.contactName()), null,
                first(potential.registrationPhone(), organisation.phone()),
                first(potential.registrationEmail(), organisation.contactEmail(), organisation.email()));
        end();
        String details = details(potential);
        if (!details.isEmpty()) {
            text("renseignements-specifiques", details, 3000);
        }
        potential(potential);
        end();
    }

    private void potential(TrainingPotential potential) throws XMLStreamException {
        if (!potential.formacodes().isEmpty()) {
            start("potentiel");
            for (String code : potential.formacodes().subList(0, Math.min(TrainingPotential.MAX_FORMACODES, potential.formacodes().size()))) {
                text("code-FORMACODE", code, 5);
            }
            end();
        }
    }

    /** LHÉO's coordonnees: name, postal address, phone, e-mail, each only when known. */
    private void coordinates(String name, Responsible postal, String phone, String email) throws XMLStreamException {
        start("coordonnees");
        if (!blank(name)) {
            text("nom", name, 50);
        }
        if (postal != null && postal.postcode() != null && POSTCODE.matcher(postal.postcode()).matches() && !blank(postal.city())) {
            address(postal.street(), postal.postcode(), postal.city());
        }
        if (!blank(phone)) {
            start("telfixe");
            text("numtel", phone, 25);
            end();
        }
        if (!blank(email)) {
            text("courriel", email, 160);
        }
        end();
    }

    /** An address has 1 to 4 lines, a postcode and a town; the town stands for the line when no street is known. */
    private void address(String street, String postcode, String city) throws XMLStreamException {
        start("adresse");
        text("ligne", blank(street) ? city : street, 50);
        text("codepostal", postcode, 5);
        text("ville", city, 50);
        text("pays", "FR", 2);
        end();
    }

    private static String content(PublicOfferSearch.Session s) {
        StringBuilder content = new StringBuilder(s.programme() == null ? "" : s.programme().trim());
        if (s.modules().size() > 1) {
            for (OfferModule module : s.modules()) {
                content.append("\n- ").append(module.title());
                if (module.hours() != null) {
                    content.append(" : ").append(module.hours().stripTrailingZeros().toPlainString()).append(" h");
                }
            }
        }
        return content.toString();
    }

    private static String details(TrainingPotential potential) {
        List<String> lines = new ArrayList<>();
        if (!blank(potential.presentation())) {
            lines.add(potential.presentation());
        }
        if (!blank(potential.sites())) {
            lines.add("Lieux de formation : " + potential.sites());
        }
        if (potential.trainers() != null) {
            lines.add("Nombre de formateurs : " + potential.trainers());
        }
        return String.join("\n", lines);
    }

    private void start(String element) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, element);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    /** A text element, cut to LHÉO's maximum length; a mandatory text never known is written as « Information non communiquée ». */
    private void text(String element, String value, int max) throws XMLStreamException {
        start(element);
        xml.writeCharacters(fit(blank(value) ? NOT_COMMUNICATED : value, max));
        end();
    }

    /** Without the characters XML cannot carry, cut to {@code max} characters (an ellipsis marks the cut). */
    static String fit(String value, int max) {
        String clean = NOT_XML.matcher(value.trim()).replaceAll("");
        if (clean.length() <= max) {
            return clean;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(clean.charAt(cut - 1))) {
            cut--;
        }
        return clean.substring(0, cut) + "…";
    }

    private static String first(String... values) {
        for (String value : values) {
            if (!blank(value)) {
                return value;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
