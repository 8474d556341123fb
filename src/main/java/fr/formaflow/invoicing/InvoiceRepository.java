package fr.formaflow.invoicing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Query("select i from Invoice i where i.actionId = :actionId order by i.createdAt, i.id")
    List<Invoice> findByActionIdOrderByCreatedAtAscIdAsc(Long actionId);
}
