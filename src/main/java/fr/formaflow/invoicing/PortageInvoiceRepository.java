package fr.formaflow.invoicing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PortageInvoiceRepository extends JpaRepository<PortageInvoice, Long> {

    List<PortageInvoice> findByActionIdOrderByIdAsc(Long actionId);
}
