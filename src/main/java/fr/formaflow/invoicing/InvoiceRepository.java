package fr.formaflow.invoicing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Query("select i from Invoice i where i.actionId = :actionId order by i.createdAt, i.id")
    List<Invoice> findByActionIdOrderByCreatedAtAscIdAsc(Long actionId);

    @Query("select coalesce(sum(i.netCents), 0) from Invoice i where i.status = :status"
            + " and i.kind <> fr.formaflow.invoicing.InvoiceKind.CREDIT_NOTE")
    long sumNetCentsWithoutCreditNotes(InvoiceStatus status);

    @Query("select count(i) from Invoice i where i.status = :status and i.kind <> fr.formaflow.invoicing.InvoiceKind.CREDIT_NOTE")
    long countWithoutCreditNotes(InvoiceStatus status);
}
