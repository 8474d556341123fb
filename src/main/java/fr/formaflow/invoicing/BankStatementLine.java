package fr.formaflow.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of a bank statement, as the organisation copies it ("VIR SEPA REGION OCCITANIE F2026-00012 2026QCA0001
 * 2 940,00"): the invoice numbers, contract numbers and amounts it quotes, to find the invoice it pays (plain Java).
 */
public record BankStatementLine(Set<String> invoiceNumbers, Set<String> contractNumbers, List<Long> amountsCents) {

    private static final Pattern INVOICE = Pattern.compile("\\bF\\d{4}-\\d{5}\\b");
    private static final Pattern CONTRACT = Pattern.compile("\\b\\d{4}[A-Z]{3}\\d{4}\\b");
    /** 2 940,00 · 2940,00 · 2940.00 · 2 940,00 € (French and bank layouts), always with two decimals. */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d,.-])(\\d{1,3}(?:[ \\u00a0\\u202f.]\\d{3})+|\\d+)[,.](\\d{2})(?![\\d])");

    public static BankStatementLine parse(String text) {
        String line = text == null ? "" : text.toUpperCase();
        Set<String> invoices = find(INVOICE, line);
        Set<String> contracts = find(CONTRACT, line);
        String withoutNumbers = INVOICE.matcher(CONTRACT.matcher(line).replaceAll(" ")).replaceAll(" ");
        List<Long> amounts = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(withoutNumbers);
        while (matcher.find()) {
            String units = matcher.group(1).replaceAll("[ \\u00a0\\u202f.]", "");
            amounts.add(new BigDecimal(units + "." + matcher.group(2)).setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        }
        return new BankStatementLine(invoices, contracts, amounts);
    }

    /** How well this line matches an invoice: by its number (and whether the amount agrees), or by its amount alone. */
    public Match against(String invoiceNumber, String contractNumber, long grossCents) {
        boolean byNumber = invoiceNumber != null && invoiceNumbers.contains(invoiceNumber);
        boolean byAmount = amountsCents.contains(grossCents);
        boolean byContract = contractNumbers.contains(contractNumber);
        Long received = amountsCents.isEmpty() ? null : amountsCents.get(amountsCents.size() - 1);
        return new Match(byNumber, byAmount, byContract, received);
    }

    public record Match(boolean byNumber, boolean byAmount, boolean byContract, Long receivedCents) {

        public boolean any() {
            return byNumber || byAmount;
        }
    }

    private static Set<String> find(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
