package fr.formaflow.attendance;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherAssignmentRepository extends JpaRepository<TeacherAssignment, Long> {

    List<TeacherAssignment> findByFunderCodeAndTeacherNumberIn(String funderCode, Collection<String> teacherNumbers);

    long countByFunderCode(String funderCode);
}
