package fr.formaflow.dossier;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** One session of a Formiris prestation: its own dates, place, seats and costs (cents). */
@Entity
@Table(name = "prestation_session")
public class PrestationSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal hours;
    private String venue;
    private String city;
    private int seats;
    private long costCents;
    private long extraCostsCents;
    /** Set once its attendance certificates are deposited: the session can no longer be removed. */
    private boolean attendanceRecorded;

    protected PrestationSession() {
    }

    public PrestationSession(PrestationContent.SessionEntry entry) {
        apply(entry);
    }

    void apply(PrestationContent.SessionEntry entry) {
        startDate = entry.startDate();
        endDate = entry.endDate();
        hours = entry.hours().setScale(2, RoundingMode.UNNECESSARY);
        venue = entry.venue();
        city = entry.city();
        seats = entry.seats();
        costCents = cents(entry.cost());
        extraCostsCents = entry.extraCosts() == null ? 0 : cents(entry.extraCosts());
    }

    public void attendanceRecorded() {
        this.attendanceRecorded = true;
    }

    /** The session's whole cost in cents: its pedagogical cost by the prestation's cost type, plus its extra costs. */
    public long totalCents(SessionCostType type) {
        return Math.addExact(type.pedagogicalCents(costCents, seats, hours), extraCostsCents);
    }

    /** « du 05/01/2027 au 06/01/2027, Lycée Saint-Joseph (Montpellier) » */
    public String describe() {
        return "du " + fr.formaflow.platform.French.date(startDate) + " au " + fr.formaflow.platform.French.date(endDate) + ", "
                + venue + " (" + city + ")";
    }

    private static long cents(BigDecimal euros) {
        return euros.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    public Long getId() { return id; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public BigDecimal getHours() { return hours; }
    public String getVenue() { return venue; }
    public String getCity() { return city; }
    public int getSeats() { return seats; }
    public long getCostCents() { return costCents; }
    public long getExtraCostsCents() { return extraCostsCents; }
    public boolean isAttendanceRecorded() { return attendanceRecorded; }
}
