package fr.formaflow.invoicing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubcontractorInvoiceRepository extends JpaRepository<SubcontractorInvoice, Long> {

    List<SubcontractorInvoice> findByActionIdOrderByRecordedAtAscIdAsc(Long actionId);

    List<SubcontractorInvoice> findByActionIdAndDeductedInInvoiceIdIsNullOrderByRecordedAtAscIdAsc(Long actionId);

    List<SubcontractorInvoice> findBySubcontractorId(Long subcontractorId);
}
