package fr.formaflow.invoicing;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003 §3.6.1.2: the titular records its subcontractors' invoices; its next invoice states "dont X € pour
 * SUBCONTRACTOR" and deducts them. An invoice deducts, in the order they were recorded, the subcontractors'
 * invoices its amount covers; the others wait for the next one.
 */
public final class Subcontracting {

    public record Pending(long id, String subcontractor, long amountCents) {
    }

    public record Deduction(long netCents, List<Pending> deducted) {

        public long deductedCents() {
            return deducted.stream().mapToLong(Pending::amountCents).sum();
        }
    }

    private Subcontracting() {
    }

    public static Deduction deduct(long amountCents, List<Pending> pending) {
        long net = amountCents;
        List<Pending> deducted = new ArrayList<>();
        for (Pending invoice : pending) {
            if (invoice.amountCents() <= net) {
                net -= invoice.amountCents();
                deducted.add(invoice);
            }
        }
        return new Deduction(net, List.copyOf(deducted));
    }
}
