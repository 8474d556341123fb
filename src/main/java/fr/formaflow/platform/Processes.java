package fr.formaflow.platform;

import java.util.Map;
import java.util.Optional;

/**
 * What a capability asks of the process engine without knowing it: start a process, deliver a message, ask whether an
 * instance still runs. The process layer implements it (process/EngineProcesses); every call runs as the system,
 * because users may not start processes or correlate messages through the engine's API.
 */
public interface Processes {

    /** Starts the latest version of a process; returns the new instance's id. */
    String start(String processKey, String businessKey, Map<String, Object> variables);

    /** Starts the process whose start event waits for this message. */
    void startByMessage(String message, String businessKey, Map<String, Object> variables);

    /** Delivers a message to the instance waiting for it with this id. */
    void correlate(String message, String processInstanceId, Map<String, Object> variables);

    /** Delivers a message to the instance of this business key waiting for it. */
    void correlateByBusinessKey(String message, String businessKey, Map<String, Object> variables);

    /** Delivers a message to the instance if it waits for it; does nothing otherwise. */
    void correlateIfWaiting(String message, String processInstanceId);

    /** Whether the instance has not ended yet. */
    boolean isRunning(String processInstanceId);

    /** The running instance of a process for this business key, if any. */
    Optional<String> runningInstance(String processKey, String businessKey);

    /** Whether a running instance of the process has every one of these variable values. */
    boolean anyRunningWith(String processKey, Map<String, Object> variableValues);

    /** A variable of a running instance; empty when the instance has ended or the variable is not set. */
    Optional<Object> variable(String processInstanceId, String name);

    /**
     * Thrown by {@link #correlate} when no instance waits for the message right now (e.g. a timer of that instance is being
     * executed at this very moment).
     */
    class NotWaiting extends RuntimeException {
        public NotWaiting(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
