package fr.formaflow.attendance;

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

    private LocalDateTime confirmedAt;
    private String confirmedBy;

    protected MonthlyDeclaration() {
    }

    public MonthlyDeclaration(Long actionId, YearMonth month, LocalDate deadline) {
        this.actionId = actionId;
        this.month = month.toString();
        this.deadline = deadline;
        this.status = DeclarationStatus.OPEN;
    }

    public void postpone(LocalDate newDeadline) {
        requireNotConfirmed();
        this.status = DeclarationStatus.POSTPONED;
        this.deadline = newDeadline;
    }

    public void confirm(String userId, LocalDateTime at) {
        requireNotConfirmed();
        this.status = DeclarationStatus.CONFIRMED;
        this.confirmedBy = userId;
        this.confirmedAt = at;
    }

    /** The funder rejected the invoice: the organisation corrects and confirms the month again. */
    public void reopen() {
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
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    public String getConfirmedBy() { return confirmedBy; }
}
