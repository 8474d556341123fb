package fr.formaflow.attendance;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface HalfDayAttendanceRepository extends JpaRepository<HalfDayAttendance, Long> {

    List<HalfDayAttendance> findByActionIdAndDayBetweenOrderByDayAscHalfAsc(Long actionId, LocalDate from, LocalDate to);

    List<HalfDayAttendance> findByTrainerIdInAndDayBetweenAndActionIdNot(java.util.Collection<Long> trainerIds, LocalDate from, LocalDate to,
                                                                          Long actionId);

    @Modifying
    @Query("delete from HalfDayAttendance a where a.actionId = :actionId and a.day between :from and :to")
    void deleteMonth(Long actionId, LocalDate from, LocalDate to);
}
