package fr.formaflow.trainer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trainer of an organisation, kept once and reused across its dossiers (with their CV and ID on file). */
@Entity
@Table(name = "trainer")
public class Trainer {

    public enum Status { CDI, CDD, VACATAIRE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long organisationId;

    @Column(nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String firstName;

    private String email;
    private String domain;
    private String status;
    private String experience;

    protected Trainer() {
    }

    public Trainer(Long organisationId, String lastName, String firstName) {
        this.organisationId = organisationId;
        this.lastName = lastName.trim().toUpperCase();
        this.firstName = firstName.trim();
    }

    public void update(String email, String domain, Status status, String experience) {
        this.email = email;
        this.domain = domain;
        this.status = status == null ? null : status.name();
        this.experience = experience;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Long getId() { return id; }
    public Long getOrganisationId() { return organisationId; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public String getEmail() { return email; }
    public String getDomain() { return domain; }
    public String getStatus() { return status; }
    public String getExperience() { return experience; }
}
