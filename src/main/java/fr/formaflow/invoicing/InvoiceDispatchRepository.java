package fr.formaflow.invoicing;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvoiceDispatchRepository extends JpaRepository<InvoiceDispatch, Long> {

    List<InvoiceDispatch> findTop200ByPlatformIdInOrderByAttemptedAtDescIdDesc(Collection<Long> platformIds);

    List<InvoiceDispatch> findByPortageInvoiceIdOrderByIdAsc(Long portageInvoiceId);
}
