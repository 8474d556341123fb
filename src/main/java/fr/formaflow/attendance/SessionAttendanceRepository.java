package fr.formaflow.attendance;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionAttendanceRepository extends JpaRepository<SessionAttendance, Long> {
}
