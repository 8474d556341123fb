package fr.formaflow.process;

import fr.formaflow.platform.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The domain's {@link Clock} reads the engine's, so that timers and domain dates never disagree. */
@Component
class EngineClock extends Clock {

    @Override
    protected Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
