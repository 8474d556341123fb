package fr.formaflow.support;

import fr.formaflow.platform.FormValues;
import fr.formaflow.process.StepContext;
import fr.formaflow.process.TaskStep;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The step behind the task-count probe's form (PostgresPlatformTest deploys a process of probe tasks): the probe's tasks
 * carry no dossier, no values and nothing to record. Part of the shared PostgreSQL context, so that the probe's test
 * does not need a context of its own.
 */
@TestConfiguration
public class CountProbeStep {

    public static final String FORM = "count-probe";

    @Bean
    TaskStep countProbeStep() {
        return new TaskStep() {
            @Override
            public String formId() {
                return FORM;
            }

            @Override
            public Map<String, Object> prefill(StepContext context) {
                return Map.of();
            }

            @Override
            public void complete(StepContext context, FormValues form) {
                // a probe's task records nothing in the domain: completing it only ends its instance
            }
        };
    }
}
