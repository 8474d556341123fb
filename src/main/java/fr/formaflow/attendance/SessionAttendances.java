package fr.formaflow.attendance;

import fr.formaflow.dossier.PrestationSession;
import fr.formaflow.dossier.Prestations;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Formiris session's attendance certificates: deposited (again, until the funder has them) by the dossier's
 * organisation once {@link SessionAttendanceRules} and {@link AssignmentCheck} accept them; nothing is written otherwise.
 */
@Service
@Transactional
public class SessionAttendances {

    private final SessionAttendanceRepository attendances;
    private final TeacherAssignmentRepository assignments;
    private final Prestations prestations;
    private final Clock clock;

    public SessionAttendances(SessionAttendanceRepository attendances, TeacherAssignmentRepository assignments, Prestations prestations,
                              Clock clock) {
        this.attendances = attendances;
        this.assignments = assignments;
        this.prestations = prestations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<SessionAttendance> of(PrestationSession session) {
        return attendances.findById(session.getId());
    }

    public SessionAttendance record(TrainingAction action, long sessionId, List<SessionAttendee> attendees, String user) {
        PrestationSession session = prestations.session(action, sessionId);
        List<SessionAttendee> present = attendees == null ? List.of() : attendees.stream().filter(Objects::nonNull).toList();
        List<String> problems = new ArrayList<>(SessionAttendanceRules.problems(action, session, present, clock.today()));
        problems.addAll(AssignmentCheck.problems(present.stream().map(SessionAttendee::assignment).toList(),
                register(action.getFunder().getCode(), present), action.getFunder().getName()));
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("Les attestations de présence de la session ne sont pas déposées.", problems);
        }
        SessionAttendance attendance = attendances.findById(sessionId).orElseGet(() -> new SessionAttendance(sessionId, action.getId()));
        attendance.record(present, user, clock.now());
        prestations.markAttendanceRecorded(action, sessionId);
        return attendances.save(attendance);
    }

    /** The register's lines for the teachers named: all the check needs, however large the register. */
    private Set<AssignmentCheck.Assignment> register(String funderCode, List<SessionAttendee> present) {
        Set<String> numbers = present.stream().map(SessionAttendee::teacherNumber).filter(Objects::nonNull).collect(Collectors.toSet());
        if (numbers.isEmpty()) {
            return Set.of();
        }
        return assignments.findByFunderCodeAndTeacherNumberIn(funderCode, numbers).stream().map(TeacherAssignment::key)
                .collect(Collectors.toSet());
    }
}
