package fr.formaflow.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The time of the domain is the engine's time: when tests (or an operator replaying timers) move Camunda's
 * clock, deadlines and dates in the domain tables move with it.
 */
@Component
public class Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }
}
