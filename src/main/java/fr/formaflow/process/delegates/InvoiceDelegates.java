package fr.formaflow.process.delegates;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.invoicing.Invoice;
import fr.formaflow.invoicing.InvoiceService;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.delegates.DossierRouting;
import java.time.YearMonth;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service tasks that compute invoices: after a month's confirmation, and the balance at closure. */
@Configuration
public class InvoiceDelegates {

    /** "Établir la demande de paiement": the payment mode says whether this month makes an invoice due. */
    @Bean
    JavaDelegate prepareMonthInvoice(InvoiceService invoices, DossierService dossiers, DossierRouting routing, Clock clock) {
        return execution -> {
            TrainingAction action = dossiers.get(routing.dossierId(execution));
            FunderRules rules = FunderRules.from(execution.getVariable("rules"));
            Optional<Invoice> invoice = invoices.prepareForMonth(action, YearMonth.parse((String) execution.getVariable("month")),
                    rules.advanceThresholds(), rules.advance(), clock.now());
            execution.setVariable("invoiceDue", invoice.isPresent());
            execution.setVariable("invoiceId", invoice.map(Invoice::getId).orElse(null));
        };
    }

    /** "Établir la facture d'avance": the advance asked for at opening, as a draft the organisation confirms. */
    @Bean
    JavaDelegate prepareAdvance(InvoiceService invoices, DossierService dossiers, DossierRouting routing, Clock clock) {
        return execution -> {
            TrainingAction action = dossiers.get(routing.dossierId(execution));
            Invoice advance = invoices.prepareAdvance(action, FunderRules.from(execution.getVariable("rules")).advance(), clock.now());
            execution.setVariable("invoiceId", advance.getId());
        };
    }

    /** "Calculer le solde". */
    @Bean
    JavaDelegate computeBalance(InvoiceService invoices, DossierService dossiers, DossierRouting routing, Clock clock) {
        return execution -> {
            TrainingAction action = dossiers.get(routing.dossierId(execution));
            FunderRules rules = FunderRules.from(execution.getVariable("rules"));
            Invoice balance = invoices.prepareBalance(action, rules.admissibleEarlyExitReasons(), rules.advance(), clock.now());
            execution.setVariable("invoiceId", balance.getId());
            // a balance of 0,00 € is a statement: nothing to pay, no payment to record
            execution.setVariable("balanceToPay", !balance.isNil());
        };
    }
}
