package fr.formaflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The time of the domain is the engine's time (process/EngineClock): when tests (or an operator replaying timers) move
 * Camunda's clock, deadlines and dates in the domain tables move with it.
 */
public abstract class Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    protected abstract Instant instant();

    public LocalDateTime now() {
        return LocalDateTime.ofInstant(instant(), PARIS);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }
}
