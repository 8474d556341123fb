package fr.formaflow.attendance;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AbsenceRepository extends JpaRepository<Absence, Long> {

    @Query("select a from Absence a where a.declarationId = :declarationId")
    List<Absence> findByDeclarationId(Long declarationId);

    List<Absence> findByDeclarationIdIn(Collection<Long> declarationIds);

    @Modifying
    @Query("delete from Absence a where a.declarationId = :declarationId")
    void deleteByDeclarationId(Long declarationId);
}
