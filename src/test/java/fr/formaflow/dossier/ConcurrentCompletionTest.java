package fr.formaflow.dossier;

import static fr.formaflow.support.DossierDriver.ORGANISATION_USER;
import static fr.formaflow.support.DossierDriver.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.formaflow.platform.WebClient;
import fr.formaflow.support.DossierDriver;
import fr.formaflow.support.FormaflowTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Two validators complete the same task at the same moment: one succeeds, the other is told so in French. */
@FormaflowTest
class ConcurrentCompletionTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    @Test
    void exactlyOneOfTwoSimultaneousCompletionsSucceeds() throws Exception {
        DossierDriver driver = new DossierDriver(context);
        TrainingAction action = driver.create(ORGANISATION_USER, REGION, "Concurrence");
        driver.complete(ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(2));
        String taskId = driver.task(action, "CallActivity_ValidateSubmission").getId();
        String body = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<HttpResponse<String>>> validators = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            validators.add(() -> {
                WebClient web = new WebClient("http://localhost:" + port);
                start.await();
                return web.postJson("claire.fabre", "formaflow", "/engine-rest/task/" + taskId + "/submit-form", body);
            });
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : pool.invokeAll(validators)) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.statusCode() == 204).hasSize(1);
        HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() != 204).findFirst().orElseThrow();
        assertThat(loser.statusCode()).as(loser.body()).isBetween(400, 499);
        assertThat(loser.body()).containsAnyOf("vient d'être modifiée ou terminée par une autre personne", "elle a déjà été terminée")
                .doesNotContain("ENGINE-");
        // the process went on exactly once: one generation of the agreement, then the contract step
        assertThat(driver.runAsyncSteps(action)).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(action.getContractNumber())
                .taskDefinitionKey("Task_Contract").count()).isEqualTo(1);
    }
}
