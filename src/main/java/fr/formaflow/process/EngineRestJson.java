package fr.formaflow.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API with one JSON mapper. Camunda's resolver ({@link JacksonConfigurator}) builds and configures a
 * new {@code ObjectMapper} each time it is asked (for each resource, each request body and each response), so every
 * request built Jackson's (de)serializers again: about 2 % of the application's CPU under the HTTP load. This one
 * configures a mapper the same way, once; Jackson's mappers are thread-safe once configured, and it copies the date
 * format for each use.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestJson {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerClasses(withoutCamundaMapper(CamundaRestResources.getConfigurationClasses()));
                register(new OneMapper());
                register(JacksonFeature.class);
            }
        };
    }

    static Set<Class<?>> withoutCamundaMapper(Set<Class<?>> classes) {
        return classes.stream().filter(type -> type != JacksonConfigurator.class).collect(Collectors.toSet());
    }

    /** Answers as Camunda's {@link JacksonConfigurator} does, with the same mapper every time. */
    @Provider
    @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
    static final class OneMapper implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
