package fr.formaflow.trainee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A trainee's situation 6 months or 1 year after their exit. */
@Entity
@Table(name = "follow_up_survey")
public class FollowUpSurvey {

    public enum Kind { SIX_MONTHS, ONE_YEAR }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long traineeId;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String situation;
    private String contract;
    @Column(nullable = false)
    private LocalDateTime answeredAt;
    @Column(nullable = false)
    private String answeredBy;

    protected FollowUpSurvey() {
    }

    public FollowUpSurvey(Long traineeId, Kind kind, String situation, String contract, String answeredBy, LocalDateTime answeredAt) {
        this.traineeId = traineeId;
        this.kind = kind.name();
        this.situation = situation;
        this.contract = contract;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    public Long getTraineeId() { return traineeId; }
    public String getKind() { return kind; }
    public String getSituation() { return situation; }
    public String getContract() { return contract; }
}
