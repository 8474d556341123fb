package fr.formaflow.documents;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentRepository extends JpaRepository<Document, Long> {

    @Query("select d from Document d where d.actionId = :actionId order by d.uploadedAt desc")
    List<Document> findByActionIdOrderByUploadedAtDesc(Long actionId);

    List<Document> findByTrainerIdIn(Collection<Long> trainerIds);

    @Query("select count(d) from Document d where d.actionId = :actionId and d.filename = :filename")
    long countByActionIdAndFilename(Long actionId, String filename);
}
