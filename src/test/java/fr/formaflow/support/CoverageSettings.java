package fr.formaflow.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Coverage of the process tests: the library's report, and FlowCoverage for the 100 % check of DossierProcessTest. */
@TestConfiguration
public class CoverageSettings {

    @Bean
    FlowCoverage flowCoverage() {
        return new FlowCoverage();
    }

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return new ProcessEngineCoverageProperties.Builder()
                .addInclusionPatternForTestClasses("fr.formaflow.dossier.DossierProcessTest")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
