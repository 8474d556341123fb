package fr.formaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Demo passwords exist only in the demo profile: every other profile of application.yaml takes them from the environment. */
class DemoPasswordsTest {

    @Test
    void onlyTheDemoProfileHasADemoPassword() throws Exception {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
        int demo = 0;
        for (PropertySource<?> document : documents) {
            Object profile = document.getProperty("spring.config.activate.on-profile");
            Object password = document.getProperty("formaflow.demo.password");
            Object demoData = document.getProperty("formaflow.demo-data");
            if ("demo".equals(String.valueOf(profile))) {
                demo++;
                assertThat(password).isNotNull();
            } else {
                assertThat(password == null ? null : password.toString()).as("profile " + profile)
                        .satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).isEqualTo("${FORMAFLOW_DEMO_PASSWORD:}"));
                assertThat(demoData == null ? null : demoData.toString()).as("profile " + profile)
                        .satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).isEqualTo("${FORMAFLOW_DEMO_DATA:false}"));
            }
        }
        assertThat(demo).isOne();
    }
}
