package fr.formaflow.process.delegates;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${timers.notBeforeNow(date)}} in a BPMN timer: a date planned long ago (a dossier entered late, an engine
 * stopped for a while) gives a timer due now, which fires once to catch up, never a timer due in the past.
 */
@Component("timers")
public class TimerDates {

    public Date notBeforeNow(Date planned) {
        Date now = ClockUtil.getCurrentTime();
        return planned == null || planned.before(now) ? now : planned;
    }
}
