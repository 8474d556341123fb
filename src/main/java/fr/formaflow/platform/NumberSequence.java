package fr.formaflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One gap-free series of numbers (e.g. a funder's contract numbers of a year, an organisation's invoices). */
@Entity
@Table(name = "number_sequence")
public class NumberSequence {

    @Id
    private String name;

    @Column(nullable = false)
    private long lastValue;

    protected NumberSequence() {
    }

    NumberSequence(String name) {
        this.name = name;
    }

    long next() {
        return ++lastValue;
    }
}
