package fr.formaflow.security;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API (/engine-rest) answers only authenticated calls: HTTP basic against Camunda's identity
 * service, so the engine's authorizations apply to every call. The webapps keep their own login and CSRF filter.
 */
@Configuration
public class RestSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** The actuator but its health: an operator's HTTP basic login (checked after the authentication above). */
    @Bean
    FilterRegistrationBean<MetricsAccess> metricsAccess(CurrentUser currentUser) {
        FilterRegistrationBean<MetricsAccess> registration = new FilterRegistrationBean<>(new MetricsAccess(currentUser));
        registration.setName("metrics-access");
        registration.addUrlPatterns(MetricsAccess.ACTUATOR);
        registration.setOrder(MetricsAccess.ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ApiAuthenticationFilter filter) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*", MetricsAccess.ACTUATOR);
        registration.setOrder(MetricsAccess.ORDER - 1);
        return registration;
    }
}
