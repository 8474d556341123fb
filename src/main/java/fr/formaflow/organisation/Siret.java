package fr.formaflow.organisation;

/**
 * A SIRET number: SIREN (9 digits, with its own Luhn check digit) + NIC (5 digits), with a Luhn check over the 14
 * digits. La Poste (SIREN 356000000, itself Luhn-valid) is the known exception: its establishments' SIRETs are valid
 * when the sum of their 14 digits is a multiple of 5.
 */
public record Siret(String value) {

    static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        String reason = problemWith(value);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        value = normalise(value);
    }

    public static Siret of(String value) {
        return new Siret(value);
    }

    public static boolean isValid(String value) {
        return problemWith(value) == null;
    }

    /** Returns why the value is not a SIRET, in French, or null if it is one. */
    public static String problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return "Le numéro SIRET est obligatoire.";
        }
        String digits = normalise(raw);
        if (!digits.matches("\\d{14}")) {
            return "Le numéro SIRET « " + raw.trim() + " » doit comporter 14 chiffres.";
        }
        if (!Luhn.isValid(digits.substring(0, 9))) {
            return "Le numéro SIRET « " + raw.trim() + " » est invalide : son SIREN (" + digits.substring(0, 9)
                    + ", les 9 premiers chiffres) a une clé de contrôle incorrecte.";
        }
        boolean valid = digits.startsWith(LA_POSTE_SIREN) ? digitSum(digits) % 5 == 0 : Luhn.isValid(digits);
        return valid ? null : "Le numéro SIRET « " + raw.trim() + " » est invalide (clé de contrôle incorrecte).";
    }

    public String siren() {
        return value.substring(0, 9);
    }

    /** The French intra-EU VAT number of this SIREN: FR, the key (12 + 3 × (SIREN mod 97)) mod 97 on two digits, the SIREN. */
    public String intraEuVatNumber() {
        long siren = Long.parseLong(siren());
        return String.format("FR%02d%s", (12 + 3 * (siren % 97)) % 97, siren());
    }

    /** The usual printed layout: 421 100 645 00967. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6, 9) + " " + value.substring(9);
    }

    private static String normalise(String raw) {
        return raw.replaceAll("[\\s.]", "");
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    @Override
    public String toString() {
        return value;
    }
}
