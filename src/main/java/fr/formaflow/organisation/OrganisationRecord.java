package fr.formaflow.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record an organisation enters to be referenced by a funder, as the tabs of the seed platform group it.
 * {@link #problems()} names every missing or invalid field, tab by tab, so that one answer tells all there is to fix.
 */
public record OrganisationRecord(String siret, String name,
                                 String nda, String ndaRegion, Boolean fpc, Boolean cfa, Boolean forProfit, Boolean vatLiable,
                                 String area,
                                 String street, String postcode, String city, String phone, String email, String contactName) {

    public List<String> problems() {
        Map<String, List<String>> missing = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        require(missing, "Identité", "raison sociale", name);
        require(missing, "Identité", "SIRET", siret);
        require(missing, "Informations légales", "numéro de déclaration d'activité (ou « CFA »)", nda);
        if (nda != null && !nda.isBlank() && !Nda.HISTORIC_CFA.equalsIgnoreCase(nda.trim())) {
            require(missing, "Informations légales", "région de déclaration d'activité", ndaRegion);
        }
        require(missing, "Informations légales", "organisme de formation continue (oui/non)", fpc);
        require(missing, "Informations légales", "CFA (oui/non)", cfa);
        require(missing, "Informations légales", "but lucratif (oui/non)", forProfit);
        require(missing, "Informations légales", "assujetti à la TVA (oui/non)", vatLiable);
        require(missing, "Activité", "zone d'intervention", area);
        require(missing, "Contacts", "adresse", street);
        require(missing, "Contacts", "code postal", postcode);
        require(missing, "Contacts", "ville", city);
        require(missing, "Contacts", "téléphone", phone);
        require(missing, "Contacts", "adresse électronique", email);
        require(missing, "Contacts", "personne à contacter", contactName);

        if (siret != null && !siret.isBlank() && !Siret.isValid(siret)) {
            invalid.add(Siret.problemWith(siret));
        }
        if (nda != null && !nda.isBlank() && Nda.problemWith(nda) != null) {
            invalid.add(Nda.problemWith(nda));
        }
        if (postcode != null && !postcode.isBlank() && !postcode.trim().matches("\\d{5}")) {
            invalid.add("Le code postal « " + postcode.trim() + " » doit comporter 5 chiffres.");
        }
        if (phone != null && !phone.isBlank() && !phone.replaceAll("[\\s.]", "").matches("(\\+33|0)\\d{9}")) {
            invalid.add("Le téléphone « " + phone.trim() + " » doit comporter 10 chiffres (ou +33 suivi de 9 chiffres).");
        }
        if (email != null && !email.isBlank() && !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            invalid.add("L'adresse électronique « " + email.trim() + " » n'est pas valide.");
        }
        if (nda != null && Nda.HISTORIC_CFA.equalsIgnoreCase(nda.trim()) && Boolean.FALSE.equals(cfa)) {
            invalid.add("Seul un CFA peut indiquer « CFA » au lieu d'un numéro de déclaration d'activité.");
        }

        List<String> problems = new ArrayList<>();
        missing.forEach((tab, fields) -> problems.add("Onglet « " + tab + " », champs obligatoires non renseignés : " + String.join(", ", fields) + "."));
        problems.addAll(invalid);
        return problems;
    }

    /** The organisation this record describes; call only once {@link #problems()} is empty. */
    public Organisation toOrganisation() {
        return new Organisation(siret, name.trim(), nda)
                .address(street.trim(), postcode.trim(), city.trim())
                .contact(contactName.trim(), email.trim().toLowerCase(), phone.trim())
                .status(fpc, cfa, forProfit, vatLiable)
                .registeredIn(ndaRegion == null || ndaRegion.isBlank() ? null : ndaRegion.trim(), area.trim());
    }

    /** What the funder's validator reads before deciding. */
    public String describe() {
        return String.join("\n",
                "Raison sociale : " + name,
                "SIRET : " + Siret.of(siret).formatted(),
                "Déclaration d'activité : " + nda + (ndaRegion == null || ndaRegion.isBlank() ? "" : " (" + ndaRegion + ")"),
                "Formation continue : " + yesNo(fpc) + " · CFA : " + yesNo(cfa) + " · But lucratif : " + yesNo(forProfit)
                        + " · Assujetti à la TVA : " + yesNo(vatLiable),
                "Zone d'intervention : " + area,
                "Adresse : " + street + ", " + postcode + " " + city,
                "Contact : " + contactName + " · " + phone + " · " + email);
    }

    private static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "oui" : "non";
    }

    private static void require(Map<String, List<String>> missing, String tab, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.computeIfAbsent(tab, t -> new ArrayList<>()).add(field);
        }
    }
}
