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

    /**
     * One client's part of the training amount: what the client pays, and what its OPCO pays under its funding agreement
     * (accord de prise en charge), whose reference the OPCO's invoice carries. opcoIdentity: the OPCO's funder record, null
     * when Formaflow does not know it.
     */
    public record Share(String client, String opco, long clientCents, long opcoCents, boolean fundingAgreementOnFile,
                        String fundingAgreementReference, OpcoIdentity opcoIdentity) {

        /** A share without anything billed to an OPCO: no agreement reference nor OPCO record needed. */
        public Share(String client, String opco, long clientCents, long opcoCents, boolean fundingAgreementOnFile) {
            this(client, opco, clientCents, opcoCents, fundingAgreementOnFile, null, null);
        }
    }

    /** What an OPCO's invoice needs of its record (a funder of scheme OPCO): address, SIRET (hence SIREN), where invoices go. */
    public record OpcoIdentity(String name, String siret, String street, String postcode, String city, String invoiceEmail) {

        /** The French names of what the record lacks for the OPCO to be invoiced. */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (blank(street) || blank(postcode) || blank(city)) {
                missing.add("adresse postale");
            }
            if (blank(siret) || siret.length() < 9) {
                missing.add("SIRET (et donc SIREN)");
            }
            if (blank(invoiceEmail)) {
                missing.add("adresse e-mail de réception des factures");
            }
            return missing;
        }
    }

    /** One invoice the platform issues: to a client, to a client's OPCO (with its funding agreement), or its fee to the organisation. */
    public record Bill(Recipient recipient, String client, long netCents, long vatCents, long grossCents, String fundingAgreementReference) {

        public Bill(Recipient recipient, String client, long netCents, long vatCents, long grossCents) {
            this(recipient, client, netCents, vatCents, grossCents, null);
        }
    }

    /** A trainee on an OPCO's invoice: the hours completed, and the missed hours that were justified (paid too). */
    public record TraineeHours(String name, BigDecimal completedCentre, BigDecimal completedCompany, BigDecimal justified) { }

    /** The note listing the trainees and their hours, as the OPCO checks them against its funding agreement. */
    public static String traineesNote(List<TraineeHours> trainees) {
        StringBuilder note = new StringBuilder("Stagiaires et heures réalisées :");
        for (TraineeHours t : trainees) {
            BigDecimal completed = t.completedCentre().add(t.completedCompany());
            note.append("\n- ").append(t.name()).append(" : ").append(French.hours(completed)).append(" réalisées (")
                    .append(French.hours(t.completedCentre())).append(" en centre, ").append(French.hours(t.completedCompany()))
                    .append(" en entreprise)");
            if (t.justified().signum() > 0) {
                note.append(", ").append(French.hours(t.justified())).append(" d'absence justifiée");
            }
        }
        if (trainees.isEmpty()) {
            note.append(" aucune heure déclarée.");
        }
        return note.toString();
    }

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
            } else if (share.opcoCents() > 0) {
                opcoProblems(share, problems);
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
                Bill opco = bill(Recipient.OPCO, share.client(), share.opcoCents(), trainingVatRate);
                bills.add(new Bill(opco.recipient(), opco.client(), opco.netCents(), opco.vatCents(), opco.grossCents(),
                        share.fundingAgreementReference().trim()));
            }
        }
        if (feeCents > 0) {
            bills.add(bill(Recipient.SERVICE_FEE, null, feeCents, SERVICE_VAT_RATE));
        }
        return bills;
    }

    /** An OPCO is invoiced under its funding agreement (on file, with its reference), at the address and SIREN of its record. */
    private static void opcoProblems(Share share, List<String> problems) {
        if (!share.fundingAgreementOnFile()) {
            problems.add(share.client() + " : l'accord de prise en charge de " + share.opco()
                    + " doit être versé au dossier avant de lui facturer sa part.");
        }
        if (blank(share.fundingAgreementReference())) {
            problems.add(share.client() + " : saisissez la référence de l'accord de prise en charge de " + share.opco()
                    + " : elle figure sur la facture envoyée à l'OPCO.");
        }
        if (share.opcoIdentity() == null) {
            problems.add(share.client() + " : " + share.opco() + " n'est pas référencé comme OPCO dans Formaflow (adresse, SIREN, "
                    + "adresse e-mail de réception des factures) : demandez à un opérateur de l'ajouter avant de lui facturer sa part.");
        } else if (!share.opcoIdentity().missing().isEmpty()) {
            problems.add(share.client() + " : la fiche de " + share.opco() + " est incomplète ("
                    + String.join(", ", share.opcoIdentity().missing()) + ") : demandez à un opérateur de la compléter.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Bill bill(Recipient recipient, String client, long netCents, BigDecimal vatRate) {
        Totals totals = InvoiceCalculator.totals(InvoiceCalculator.fromCents(netCents), vatRate);
        return new Bill(recipient, client, netCents, InvoiceCalculator.toCents(totals.vat()), InvoiceCalculator.toCents(totals.gross()));
    }
}
