package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a portage platform invoices once an action is finished (seed 000, "Réception des factures"): the training
 * amount, split between the clients and the OPCOs that agreed to fund them, and its own service fee to the
 * organisation. The organisation invoices the platform the training amount (its balance invoice) and is paid once
 * every one of these invoices is paid.
 */
public final class PortageBilling {

    public enum Recipient {
        CLIENT("Client"),
        OPCO("OPCO du client"),
        SERVICE_FEE("Frais de prestation de la plateforme");

        private final String label;

        Recipient(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One client's part of the training amount: what the client pays, and what its OPCO pays (its funding agreement). */
    public record Share(String client, String opco, long clientCents, long opcoCents, boolean fundingAgreementOnFile) { }

    /** One invoice the platform issues: to a client, to a client's OPCO, or its fee to the organisation. */
    public record Bill(Recipient recipient, String client, long netCents, long vatCents, long grossCents) { }

    static final BigDecimal SERVICE_VAT_RATE = BigDecimal.valueOf(20);

    private PortageBilling() {
    }

    /** The training amount shared equally between the clients, the cents left over going to the first ones. */
    public static List<Long> equalShares(long trainingCents, int clients) {
        if (clients <= 0) {
            throw new BusinessRuleException("L'action n'a aucun client à facturer.");
        }
        List<Long> shares = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            shares.add(trainingCents / clients + (i < trainingCents % clients ? 1 : 0));
        }
        return shares;
    }

    /** The platform's fee: a percentage of the training amount excluding VAT, rounded half up to the cent. */
    public static long serviceFeeCents(long trainingCents, BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new BusinessRuleException("Le taux des frais de prestation doit être compris entre 0 et 100 %.");
        }
        return BigDecimal.valueOf(trainingCents).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The invoices for a split of the training amount. Every problem is named in one French message: a negative
     * amount, an OPCO share without an OPCO or without its funding agreement on file, a split that does not add up
     * to the training amount.
     *
     * @param trainingVatRate 0 when the training is VAT-exempt (CGI art. 261-4-4°), 20 otherwise; the fee always bears 20 %
     */
    public static List<Bill> bills(long trainingCents, List<Share> shares, BigDecimal trainingVatRate, BigDecimal feePercent) {
        return bills(trainingCents, shares, trainingVatRate, serviceFeeCents(trainingCents, feePercent));
    }

    /** The same with the fee already computed (the chosen offer's grid, see {@link PortageOffers#feeCents}). */
    public static List<Bill> bills(long trainingCents, List<Share> shares, BigDecimal trainingVatRate, long feeCents) {
        List<String> problems = new ArrayList<>();
        if (shares.isEmpty()) {
            problems.add("L'action n'a aucun client à facturer.");
        }
        long split = 0;
        for (Share share : shares) {
            if (share.clientCents() < 0 || share.opcoCents() < 0) {
                problems.add(share.client() + " : les montants ne peuvent pas être négatifs.");
            }
            if (share.opcoCents() > 0 && (share.opco() == null || share.opco().isBlank())) {
                problems.add(share.client() + " : aucun OPCO n'est renseigné pour ce client, sa part ne peut pas être facturée à un OPCO.");
            } else if (share.opcoCents() > 0 && !share.fundingAgreementOnFile()) {
                problems.add(share.client() + " : l'accord de prise en charge de " + share.opco()
                        + " doit être versé au dossier avant de lui facturer sa part.");
            }
            split += share.clientCents() + share.opcoCents();
        }
        if (!shares.isEmpty() && split != trainingCents) {
            problems.add("La répartition totalise " + French.euros(split) + " alors que la formation s'élève à " + French.euros(trainingCents)
                    + " HT : l'écart est de " + French.euros(Math.abs(split - trainingCents)) + ".");
        }
        BusinessRuleException.throwIfAny("Les factures de portage ne peuvent pas être émises :", problems);

        List<Bill> bills = new ArrayList<>();
        for (Share share : shares) {
            if (share.clientCents() > 0) {
                bills.add(bill(Recipient.CLIENT, share.client(), share.clientCents(), trainingVatRate));
            }
            if (share.opcoCents() > 0) {
                bills.add(bill(Recipient.OPCO, share.client(), share.opcoCents(), trainingVatRate));
            }
        }
        if (feeCents > 0) {
            bills.add(bill(Recipient.SERVICE_FEE, null, feeCents, SERVICE_VAT_RATE));
        }
        return bills;
    }

    private static Bill bill(Recipient recipient, String client, long netCents, BigDecimal vatRate) {
        Totals totals = InvoiceCalculator.totals(InvoiceCalculator.fromCents(netCents), vatRate);
        return new Bill(recipient, client, netCents, InvoiceCalculator.toCents(totals.vat()), InvoiceCalculator.toCents(totals.gross()));
    }
}
