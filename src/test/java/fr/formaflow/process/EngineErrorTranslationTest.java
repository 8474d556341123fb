package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import fr.formaflow.platform.ApiErrorHandler;
import fr.formaflow.platform.InsertIfAbsent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The engine REST errors a user may meet in Tasklist, answered in French whatever the engine wrote. */
class EngineErrorTranslationTest {

    private final EngineErrorTranslation.Translator translator =
            new EngineErrorTranslation.Translator(mock(TaskService.class), mock(HistoryService.class));

    @Test
    void aFindOrCreateThatWaitedTooLongForAnotherUsersNewRowIsAConflictToRetry() throws Exception {
        MockHttpServletResponse response = submitTaskAnsweredBy(500,
                "{\"type\":\"CannotAcquireLockException\",\"message\":\"" + InsertIfAbsent.GAVE_UP_WAITING + " of trainer, uncommitted for 10000 ms\"}");

        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_CONFLICT);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(ApiErrorHandler.SAME_DATA_AT_ONCE)
                .doesNotContain("uncommitted");
    }

    /** As the engine answers when a step's find-or-create gives up: a task listener's exception, wrapped in the engine's. */
    @Test
    void aFindOrCreateGivenUpInsideATaskListenerIsTheSameConflict() throws Exception {
        String listenerFailure = "ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Exception while invoking "
                + "TaskListener: " + InsertIfAbsent.GAVE_UP_WAITING + " of trainer, uncommitted for 10000 ms'";
        MockHttpServletResponse response = submitTaskAnsweredBy(500,
                "{\"type\":\"ProcessEngineException\",\"message\":\"" + listenerFailure + "\"}");

        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_CONFLICT);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(ApiErrorHandler.SAME_DATA_AT_ONCE);
    }

    @Test
    void aRowLockTimeoutOfH2IsTheSameConflict() throws Exception {
        MockHttpServletResponse response = submitTaskAnsweredBy(500, "{\"type\":\"ProcessEngineException\",\"message\":"
                + "\"ENGINE-03004 Exception while executing Database Operation: Timeout trying to lock table \\\"ACT_RU_TASK\\\"\"}");

        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_CONFLICT);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(ApiErrorHandler.SAME_DATA_AT_ONCE);
    }

    @Test
    void anOptimisticLockIsStillTheTaskChangedByAnotherPerson() throws Exception {
        MockHttpServletResponse response = submitTaskAnsweredBy(500,
                "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of 'UPDATE TaskEntity' failed\"}");

        assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_CONFLICT);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(EngineErrorTranslation.CONCURRENT_CHANGE);
    }

    @Test
    void anUnknownFailureIsLeftAsTheEngineAnsweredIt() throws Exception {
        MockHttpServletResponse response = answeredBy("/engine-rest/process-instance/42/variables", 500,
                "{\"type\":\"NullPointerException\",\"message\":\"boom\"}");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("NullPointerException");
    }

    private MockHttpServletResponse submitTaskAnsweredBy(int status, String engineAnswer) throws Exception {
        return answeredBy("/engine-rest/task/42/submit-form", status, engineAnswer);
    }

    private MockHttpServletResponse answeredBy(String path, int status, String engineAnswer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain engine = (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(status);
            http.setContentType("application/json");
            http.getOutputStream().write(engineAnswer.getBytes(StandardCharsets.UTF_8));
        };
        translator.doFilter(request, response, engine);
        return response;
    }
}
