package fr.formaflow.attendance;

import fr.formaflow.dossier.ExecutionCalendar;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.French;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/** The periodic declaration of one month of an action (déclaration de réalisation périodique). */
@Entity
@Table(name = "monthly_declaration")
public class MonthlyDeclaration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private Long actionId;

    /** yyyy-MM */
    @Column(nullable = false)
    private String month;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeclarationStatus status;

    @Column(nullable = false)
    private LocalDate deadline;

    /** How many deadlines were missed: one postponement each. */
    @Column(nullable = false)
    private int postponements;

    /** The month's first deadline, before any postponement: how late the month is is counted from it. */
    private LocalDate firstDeadline;

    /** The day a postponed month can be confirmed again: the end of the next period, or the day it was postponed. */
    private LocalDate reopensOn;

    private LocalDateTime confirmedAt;
    private String confirmedBy;

    @Column(name = "absences_attested", nullable = false)
    private boolean absencesAttested;

    protected MonthlyDeclaration() {
    }

    public MonthlyDeclaration(Long actionId, YearMonth month, LocalDate deadline) {
        this.actionId = actionId;
        this.month = month.toString();
        this.deadline = deadline;
        this.firstDeadline = deadline;
        this.status = DeclarationStatus.OPEN;
    }

    /**
     * One more deadline missed: the month can be confirmed again from {@code reopensOn} until {@code newDeadline}, which
     * must be later than the deadline missed.
     */
    public void postpone(LocalDate newDeadline, LocalDate reopensOn) {
        requireNotConfirmed();
        if (!newDeadline.isAfter(deadline) || reopensOn.isAfter(newDeadline)) {
            throw new IllegalStateException("A postponement must move the deadline forward: " + deadline + " → " + newDeadline
                    + ", reopening on " + reopensOn);
        }
        this.status = DeclarationStatus.POSTPONED;
        this.deadline = newDeadline;
        this.reopensOn = reopensOn;
        this.postponements++;
    }

    /** Days since the first deadline while the month is not confirmed (0 when on time or confirmed). */
    public long daysLate(LocalDate today) {
        return isConfirmed() ? 0 : ExecutionCalendar.daysLate(getFirstDeadline(), today);
    }

    /** How late the month is, in French, or an empty string when it is on time: « reportée 2 fois, 45 jours de retard ». */
    public String lateness(LocalDate today) {
        if (postponements == 0 || isConfirmed()) {
            return "";
        }
        long days = daysLate(today);
        return "reportée " + (postponements == 1 ? "1 fois" : postponements + " fois") + ", " + days
                + (days > 1 ? " jours" : " jour") + " de retard sur la date limite initiale du " + French.date(getFirstDeadline());
    }

    /** The organisation attests it holds the proof of every justified absence (where the funder accepts that). */
    public void attestAbsences(boolean attested) {
        requireNotConfirmed();
        this.absencesAttested = attested;
    }

    public boolean isAbsencesAttested() {
        return absencesAttested;
    }

    public void confirm(String userId, LocalDateTime at) {
        requireNotConfirmed();
        this.status = DeclarationStatus.CONFIRMED;
        this.confirmedBy = userId;
        this.confirmedAt = at;
    }

    /**
     * The funder rejected the invoice: the organisation corrects and confirms the month again, by {@code newDeadline}
     * when the deadline it had is over (a rejection is not the organisation's delay: no postponement is counted).
     */
    public void reopen(LocalDate newDeadline) {
        if (newDeadline != null && newDeadline.isAfter(deadline)) {
            this.deadline = newDeadline;
        }
        this.status = DeclarationStatus.OPEN;
        this.confirmedAt = null;
        this.confirmedBy = null;
    }

    private void requireNotConfirmed() {
        if (status == DeclarationStatus.CONFIRMED) {
            throw new BusinessRuleException("La déclaration de " + French.month(yearMonth()) + " est déjà confirmée.");
        }
    }

    public boolean isConfirmed() {
        return status == DeclarationStatus.CONFIRMED;
    }

    public YearMonth yearMonth() {
        return YearMonth.parse(month);
    }

    public Long getId() { return id; }
    public Long getActionId() { return actionId; }
    public String getMonth() { return month; }
    public DeclarationStatus getStatus() { return status; }
    public LocalDate getDeadline() { return deadline; }
    public int getPostponements() { return postponements; }
    public LocalDate getReopensOn() { return reopensOn; }
    public LocalDate getFirstDeadline() { return firstDeadline != null ? firstDeadline : deadline; }
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    public String getConfirmedBy() { return confirmedBy; }
}
