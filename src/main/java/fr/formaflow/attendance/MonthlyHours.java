package fr.formaflow.attendance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One trainee's hours for one month, kept separately in centre and in company. */
@Entity
@Table(name = "monthly_hours")
public class MonthlyHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long declarationId;

    @Column(nullable = false)
    private Long traineeId;

    private BigDecimal centreCompleted;
    private BigDecimal centreJustified;
    private BigDecimal centreUnjustified;
    private BigDecimal companyCompleted;
    private BigDecimal companyJustified;
    private BigDecimal companyUnjustified;

    protected MonthlyHours() {
    }

    public MonthlyHours(Long declarationId, HourLine line) {
        this.declarationId = declarationId;
        this.traineeId = line.traineeId();
        update(line);
    }

    public void update(HourLine line) {
        centreCompleted = line.centreCompleted();
        centreJustified = line.centreJustified();
        centreUnjustified = line.centreUnjustified();
        companyCompleted = line.companyCompleted();
        companyJustified = line.companyJustified();
        companyUnjustified = line.companyUnjustified();
    }

    public HourLine line() {
        return new HourLine(traineeId, centreCompleted, centreJustified, centreUnjustified,
                companyCompleted, companyJustified, companyUnjustified);
    }

    public Long getDeclarationId() { return declarationId; }
    public Long getTraineeId() { return traineeId; }
}
