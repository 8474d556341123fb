package fr.formaflow.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import fr.formaflow.platform.BusinessRuleException;
import jakarta.annotation.PostConstruct;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A step that refuses what a user entered is not a fault of the application, yet the engine logs it twice with its
 * stack trace: ENGINE-16004 as an error (the domain's exception reaches it wrapped in the engine's own) and its REST
 * API as a warning before Formaflow answers 400 with the French sentence. Those two entries are dropped; every other
 * exception is logged as before (a refusal inside a job keeps the job executor's own entry and Cockpit's incident).
 */
@Component
class RefusalsAreNotErrors extends TurboFilter {

    static final Set<String> ENGINE_LOGGERS = Set.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception");
    /** The line that names the exception or one of its causes, in a stack trace written out (not a frame's "at" line). */
    private static final String REFUSAL_IN_TRACE = BusinessRuleException.class.getName() + ":";

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(RefusalsAreNotErrors.class::isInstance)) {
            start();
            logback.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable thrown) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !ENGINE_LOGGERS.contains(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable cause = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        // the REST API logs the exception's stack trace as text, with the names of the exception and its causes
        boolean refused = refusal(cause) || format != null && format.contains(REFUSAL_IN_TRACE);
        return refused ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BusinessRuleException) {
                return true;
            }
        }
        return false;
    }
}
