package fr.formaflow.attendance;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The attendance certificates deposited for one session of a Formiris prestation: who was there, for how many hours. */
@Entity
@Table(name = "session_attendance")
public class SessionAttendance {

    @Id
    private Long sessionId;
    @Column(nullable = false)
    private Long actionId;
    @Column(nullable = false)
    private String recordedBy;
    @Column(nullable = false)
    private LocalDateTime recordedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_attendee", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    private List<SessionAttendee> attendees = new ArrayList<>();

    protected SessionAttendance() {
    }

    SessionAttendance(Long sessionId, Long actionId) {
        this.sessionId = sessionId;
        this.actionId = actionId;
    }

    void record(List<SessionAttendee> present, String user, LocalDateTime at) {
        attendees.clear();
        attendees.addAll(present);
        recordedBy = user;
        recordedAt = at;
    }

    public Long getSessionId() { return sessionId; }
    public Long getActionId() { return actionId; }
    public String getRecordedBy() { return recordedBy; }
    public LocalDateTime getRecordedAt() { return recordedAt; }
    public List<SessionAttendee> getAttendees() { return List.copyOf(attendees); }
}
