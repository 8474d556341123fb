package fr.formaflow.organisation;

/**
 * Numéro de déclaration d'activité: 11 digits (observed layout RR DD NNNNN DD, no known check digit).
 * Historic CFAs without one write "CFA" instead.
 */
public final class Nda {

    public static final String HISTORIC_CFA = "CFA";

    private Nda() {
    }

    /** Returns why the value is not an NDA, in French, or null if it is one. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return "Le numéro de déclaration d'activité est obligatoire (ou « CFA » pour un CFA historique).";
        }
        String value = raw.replaceAll("\\s", "");
        if (value.equalsIgnoreCase(HISTORIC_CFA) || value.matches("\\d{11}")) {
            return null;
        }
        return "Le numéro de déclaration d'activité « " + raw.trim() + " » doit comporter 11 chiffres (ou « CFA » pour un CFA historique).";
    }

    public static String normalise(String raw) {
        String value = raw.replaceAll("\\s", "");
        return value.equalsIgnoreCase(HISTORIC_CFA) ? HISTORIC_CFA : value;
    }
}
