package fr.formaflow.invoicing;

import fr.formaflow.dossier.MarketReferences;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.BusinessRuleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Région market dossier's invoices, ready to deposit on Chorus Pro, the public buyers' invoicing platform: one Factur-X
 * PDF per invoice or credit note (a « flux mixte » E2, syntax {@value #SYNTAX}, deposited as « Facture PDF/A-3 » on the
 * portal or by its API), each carrying the service code (BT-10), the market (BT-12) and the legal commitment (BT-13),
 * and a slip (bordereau.csv) that lists what is deposited with the billing framework A1 (« dépôt d'une facture par un
 * fournisseur »).
 */
@Service
@Transactional(readOnly = true)
public class ChorusProDeposit {

    public static final String SYNTAX = "IN_DP_E2_CII_FACTURX";
    static final String FRAMEWORK = "A1";

    private final InvoiceService invoices;
    private final InvoiceDocuments documents;

    public ChorusProDeposit(InvoiceService invoices, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    /** The ZIP to deposit; refused, with every reason in French, when Chorus Pro would reject it. */
    public byte[] zip(TrainingAction action) {
        List<Invoice> issued = invoices.of(action.getId()).stream().filter(i -> i.getNumber() != null && !i.isNil()).toList();
        List<String> problems = problems(action, issued.isEmpty());
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("Le dépôt Chorus Pro n'est pas prêt : " + String.join(" ", problems));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            StringBuilder slip = new StringBuilder("\uFEFFNuméro;Type;Date d'émission;Montant HT;TVA;Montant TTC;SIRET du destinataire;"
                    + "Code service;N° d'engagement juridique;N° de marché;Cadre de facturation;Syntaxe du flux;Fichier\r\n");
            for (Invoice invoice : issued) {
                InvoiceDocument document = documents.document(action, invoice);
                String file = invoice.getNumber() + ".pdf";
                zip.putNextEntry(new ZipEntry(file));
                zip.write(InvoicePdf.render(document));
                zip.closeEntry();
                InvoiceDocument.BuyerReferences references = document.references();
                slip.append(String.join(";", invoice.getNumber(), document.creditNote() ? "Avoir" : "Facture",
                        document.issueDate().toString(), cents(invoice.getNetCents()), cents(invoice.getVatCents()), cents(invoice.getGrossCents()),
                        document.buyer().siret(), references.buyerReference(), references.orderReference(), references.contractReference(),
                        FRAMEWORK, SYNTAX, file)).append("\r\n");
            }
            zip.putNextEntry(new ZipEntry("bordereau.csv"));
            zip.write(slip.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<String> problems(TrainingAction action, boolean nothingIssued) {
        List<String> problems = new ArrayList<>();
        if (action.getFunder().getScheme() != FundingScheme.REGION_MARKET) {
            problems.add("Chorus Pro ne reçoit que les factures aux acheteurs publics : ce dossier n'est pas un marché de la Région.");
            return problems;
        }
        MarketReferences references = action.getMarketReferences();
        if (references.commitmentNumber() == null) {
            problems.add("Le numéro d'engagement juridique n'est pas enregistré : la Région le saisit dans les références du marché du dossier.");
        }
        if (action.getFunder().getSiret() == null) {
            problems.add("Le SIRET de la Région, destinataire des factures, n'est pas connu.");
        }
        if (nothingIssued) {
            problems.add("Aucune facture n'est encore émise sur ce dossier.");
        }
        return problems;
    }

    private static String cents(long cents) {
        return InvoiceCalculator.fromCents(cents).toPlainString();
    }
}
