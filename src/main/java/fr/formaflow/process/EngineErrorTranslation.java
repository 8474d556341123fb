package fr.formaflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.formaflow.platform.ApiErrorHandler;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.HttpErrors;
import fr.formaflow.platform.InsertIfAbsent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Errors of the engine's REST APIs (Tasklist's and /engine-rest) reach the user in French: a refused step shows
 * the domain's own sentence (not the engine's wrapping of it), and a task completed by someone else at the same
 * time says so plainly.
 */
@Configuration
public class EngineErrorTranslation {

    static final String CONCURRENT_CHANGE = "Cette tâche vient d'être modifiée ou terminée par une autre personne. "
            + "Rechargez la liste des tâches pour voir son état actuel.";
    static final String TASK_GONE = "Cette tâche n'existe plus : elle a déjà été terminée. Rechargez la liste des tâches.";
    static final String MONTH_POSTPONED = "Ce mois a été reporté : sa date limite de confirmation est passée et cette tâche a "
            + "été remplacée. Rechargez la liste des tâches et rouvrez la tâche « Déclarer les heures du mois » la plus récente.";
    /** The monthly declaration's task, and the step that replaces it when its deadline passes (monthly-declaration.bpmn). */
    private static final String DECLARE_MONTH_TASK = "Task_DeclareMonth";
    private static final String POSTPONE_MONTH_STEP = "Task_PostponeMonth";
    static final String MALFORMED_VALUE = "Une des valeurs envoyées n'a pas le format attendu (texte, nombre, date ou liste) : "
            + "vérifiez le formulaire et réessayez.";

    /** What the engine says when a submitted value cannot be read or converted: the user's input, not a fault. */
    private static final List<String> MALFORMED_MARKERS = List.of("Cannot deserialize", "SPIN/JACKSON", "SPIN/DOM", "Cannot convert",
            "cannot be cast", "ClassCastException", "NumberFormatException", "Unsupported value type", "Cannot find serializer",
            "Must provide 'null' or", "DateTimeParseException", "Invalid variable type");

    /**
     * A lock wait given up, in the message of the engine's exception around it (a task listener's exception keeps its
     * message, not its type): Formaflow's find-or-create, and H2's lock timeout on a row another user holds.
     */
    private static final List<String> LOCK_WAIT_MARKERS = List.of(InsertIfAbsent.GAVE_UP_WAITING, "Timeout trying to lock table");

    static final String NO_TASK_TO_DELETE = "Aucune tâche que vous puissiez supprimer n'a cet identifiant : une tâche d'un dossier "
            + "se termine en envoyant son formulaire.";
    static final String INCOMPLETE_REQUEST = "La requête est incomplète ou invalide : vérifiez les paramètres envoyés.";

    /** The answer's status and French message; fields: the sentences that concern one field, by the form's key. */
    record Translation(int status, String message, java.util.Map<String, List<String>> fields) {
        Translation(int status, String message) {
            this(status, message, java.util.Map.of());
        }
    }

    /**
     * What to tell a user who submits a task that no longer exists because it was cancelled by its deadline (the month
     * was postponed, a newer task replaced it), or null when the task ended otherwise (completed by someone else).
     */
    public static String postponedTaskMessage(HistoryService history, String taskId) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || task.getEndTime() == null || !DECLARE_MONTH_TASK.equals(task.getTaskDefinitionKey())
                || "completed".equals(task.getDeleteReason())) {
            return null;
        }
        boolean postponed = history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(POSTPONE_MONTH_STEP).list().stream().anyMatch(step -> !step.getStartTime().before(task.getEndTime()));
        return postponed ? MONTH_POSTPONED : null;
    }

    @Bean
    FilterRegistrationBean<Translator> engineErrorTranslator(@org.springframework.context.annotation.Lazy TaskService taskService,
                                                             @org.springframework.context.annotation.Lazy HistoryService historyService) {
        FilterRegistrationBean<Translator> registration = new FilterRegistrationBean<>(new Translator(taskService, historyService));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(0);
        return registration;
    }

    static class Translator extends OncePerRequestFilter {

        private static final java.util.regex.Pattern TASK_PATH = java.util.regex.Pattern.compile(".*/task/([^/]+)/.*");
        private static final java.util.regex.Pattern DELETED_TASK = java.util.regex.Pattern.compile(".*/task/[^/]+/?");
        private final TaskService taskService;
        private final HistoryService historyService;

        Translator(TaskService taskService, HistoryService historyService) {
            this.taskService = taskService;
            this.historyService = historyService;
        }

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            if ("DELETE".equals(request.getMethod()) && DELETED_TASK.matcher(request.getRequestURI()).matches()
                    && taskGone(request.getRequestURI() + "/")) {
                // the engine answers 204 for a task that does not exist: the same 404 as for another's task
                write(response, new Translation(HttpServletResponse.SC_NOT_FOUND, NO_TASK_TO_DELETE));
                return;
            }
            BusinessRuleException.takeLast();
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            BusinessRuleException refused = BusinessRuleException.takeLast();
            if (wrapper.getStatus() >= 400) {
                Translation french = translate(wrapper, refused, request.getRequestURI(), request.getMethod());
                if (french != null) {
                    write(response, french);
                    return;
                }
            }
            wrapper.copyBodyToResponse();
        }

        private static void write(HttpServletResponse response, Translation french) throws IOException {
            com.fasterxml.jackson.databind.node.ObjectNode error = JSON.createObjectNode().put("type", "FormaflowError")
                    .put("message", french.message());
            if (!french.fields().isEmpty()) {
                error.set("fields", JSON.valueToTree(french.fields()));
            }
            byte[] body = JSON.writeValueAsBytes(error);
            response.setStatus(french.status());
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private Translation translate(ContentCachingResponseWrapper response, BusinessRuleException refused, String path, String method) {
            if ("DELETE".equals(method) && DELETED_TASK.matcher(path).matches()) {
                // the same answer whether the task exists, belongs to someone else or is part of a process (issue 27)
                return new Translation(HttpServletResponse.SC_NOT_FOUND, NO_TASK_TO_DELETE);
            }
            if (response.getStatus() >= 500 && (path.endsWith("/job-retries") || path.endsWith("/condition"))) {
                return new Translation(HttpServletResponse.SC_BAD_REQUEST, INCOMPLETE_REQUEST);
            }
            if (refused != null) {
                return new Translation(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage(), refused.fields());
            }
            try {
                JsonNode error = JSON.readTree(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
                String type = error.path("type").asText("");
                String message = error.path("message").asText("");
                if (type.equals("OptimisticLockingException") || message.contains("OptimisticLockingException")
                        || message.contains("by another transaction concurrently")) {
                    return new Translation(HttpServletResponse.SC_CONFLICT, CONCURRENT_CHANGE);
                }
                if (message.contains("Cannot find task with id") || message.contains("task is null")) {
                    return new Translation(HttpServletResponse.SC_CONFLICT, taskGoneMessage(path));
                }
                // a find-or-create (platform/InsertIfAbsent) or a row lock that waited past the database's limit
                if (type.equals("CannotAcquireLockException") || type.equals("PessimisticLockingFailureException")
                        || LOCK_WAIT_MARKERS.stream().anyMatch(message::contains)) {
                    return new Translation(HttpServletResponse.SC_CONFLICT, ApiErrorHandler.SAME_DATA_AT_ONCE);
                }
                // on PostgreSQL, the loser of a race may instead fail on the winner's committed changes
                if (message.contains("deadlock detected") || message.contains("could not serialize access") || message.contains("ENGINE-03005")) {
                    return new Translation(HttpServletResponse.SC_CONFLICT, CONCURRENT_CHANGE);
                }
                // the winner of a race ended the task's whole process (a funder's validation): the loser finds no execution
                if (message.contains("Cannot restore state of process instance") || (response.getStatus() >= 500 && taskGone(path))) {
                    return new Translation(HttpServletResponse.SC_CONFLICT, taskGoneMessage(path));
                }
                if (type.equals("AuthorizationException")) {
                    // the task may just have been completed by someone else, taking its authorizations with it
                    return taskGone(path) ? new Translation(HttpServletResponse.SC_CONFLICT, taskGoneMessage(path))
                            : new Translation(HttpServletResponse.SC_FORBIDDEN, "Vous n'avez pas le droit de faire cette opération.");
                }
                if (MALFORMED_MARKERS.stream().anyMatch(message::contains)
                        || (type.equals("InvalidRequestException") && response.getStatus() == HttpServletResponse.SC_BAD_REQUEST)) {
                    return new Translation(HttpServletResponse.SC_BAD_REQUEST, MALFORMED_VALUE);
                }
            } catch (IOException notJson) {
                // a request the REST layer could not even read (malformed JSON): say so in French
                return new Translation(response.getStatus(), response.getStatus() == HttpServletResponse.SC_BAD_REQUEST
                        ? MALFORMED_VALUE : HttpErrors.sentence(response.getStatus()));
            }
            return null;
        }

        /** Why the task in this URL is gone: its month was postponed, or (by default) it was already completed. */
        private String taskGoneMessage(String path) {
            java.util.regex.Matcher matcher = TASK_PATH.matcher(path);
            String postponed = matcher.matches() ? postponedTaskMessage(historyService, matcher.group(1)) : null;
            return postponed != null ? postponed : TASK_GONE;
        }

        /** Whether the task in this URL no longer exists, whoever asks (the engine REST filter has cleared the caller by now). */
        private boolean taskGone(String path) {
            java.util.regex.Matcher matcher = TASK_PATH.matcher(path);
            return matcher.matches() && taskService.createTaskQuery().taskId(matcher.group(1)).count() == 0;
        }
    }
}
