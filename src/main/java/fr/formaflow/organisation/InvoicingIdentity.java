package fr.formaflow.organisation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the organisation's invoices state besides its address (e-invoicing reform): intra-EU VAT number, legal form,
 * share capital (in euros, « 8 000,00 »), RCS registration, and the bank account funders pay into. Every field may
 * be empty: an association has no capital nor RCS.
 */
public record InvoicingIdentity(String vatNumber, String legalForm, String shareCapitalEuros, String rcs, String iban, String bic) {

    public static InvoicingIdentity of(Organisation o) {
        return new InvoicingIdentity(o.getVatNumber(), o.getLegalForm(), o.getShareCapitalCents() == null ? null
                : BigDecimal.valueOf(o.getShareCapitalCents(), 2).toPlainString().replace('.', ','), o.getRcs(), o.getIban(), o.getBic());
    }

    /** Every problem, in French, naming its field; empty when the identity can be recorded for that SIRET. */
    public List<String> problems(String siret) {
        List<String> problems = new ArrayList<>();
        String vat = compact(vatNumber);
        if (vat != null && !vat.equals(Siret.of(siret).intraEuVatNumber())) {
            problems.add("« N° de TVA intracommunautaire » : " + vat + " n'est pas celui du SIREN " + siret.substring(0, 9) + " ("
                    + Siret.of(siret).intraEuVatNumber() + ").");
        }
        if (shareCapitalEuros != null && !shareCapitalEuros.isBlank() && shareCapitalCents() == null) {
            problems.add("« Capital social » : un montant en euros, par exemple 8 000,00.");
        }
        String account = compact(iban);
        if (account != null && !validIban(account)) {
            problems.add("« IBAN » : " + account + " n'est pas un IBAN valide (clé de contrôle).");
        }
        String code = compact(bic);
        if (code != null && !code.matches("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            problems.add("« BIC » : 8 ou 11 caractères, par exemple AGRIFRPP835.");
        }
        for (String[] field : new String[][] {{"Forme juridique", legalForm}, {"RCS", rcs}}) {
            if (field[1] != null && field[1].length() > 80) {
                problems.add("« " + field[0] + " » ne doit pas dépasser 80 caractères.");
            }
        }
        return problems;
    }

    /** The share capital in cents, or null when empty or not a positive amount. */
    public Long shareCapitalCents() {
        if (shareCapitalEuros == null || shareCapitalEuros.isBlank()) {
            return null;
        }
        try {
            BigDecimal euros = new BigDecimal(shareCapitalEuros.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.'));
            return euros.signum() < 0 || euros.scale() > 2 ? null : euros.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static String compact(String value) {
        return value == null || value.isBlank() ? null : value.replaceAll("\\s", "").toUpperCase();
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** ISO 13616: 15 to 34 letters and digits, the country moved to the end, letters as numbers, mod 97 = 1. */
    static boolean validIban(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : moved.toCharArray()) {
            int n = Character.getNumericValue(c);
            remainder = (n > 9 ? remainder * 100 + n : remainder * 10 + n) % 97;
        }
        return remainder == 1;
    }
}
