package fr.formaflow.documents;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DocumentRepository extends JpaRepository<Document, Long> {

    List<Document> findByActionIdOrderByUploadedAtDesc(Long actionId);

    List<Document> findByTrainerIdIn(Collection<Long> trainerIds);

    int countByActionIdAndFilename(Long actionId, String filename);
}
