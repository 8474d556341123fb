package fr.formaflow.attendance;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SigningSessionRepository extends JpaRepository<SigningSession, Long> {

    Optional<SigningSession> findByActionIdAndDayAndHalf(Long actionId, LocalDate day, Schedule.Half half);

    List<SigningSession> findByActionIdAndDayBetweenOrderByDayAscHalfAsc(Long actionId, LocalDate from, LocalDate to);

    /** The session, locked until the transaction ends: its half-day is written to the month's sheet by one signature at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SigningSession s where s.id = :id")
    Optional<SigningSession> lock(Long id);
}
