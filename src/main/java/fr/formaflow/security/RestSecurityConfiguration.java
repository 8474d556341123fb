package fr.formaflow.security;

import jakarta.servlet.Filter;
import java.time.Duration;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

    /**
     * Per client address, on the endpoints that need no account: by default 15 changes (access requests, resets),
     * given back over an hour, and 300 reads over 5 minutes (formaflow.public-rate.*).
     */
    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimit(
            @Value("${formaflow.public-rate.writes:15}") int writes, @Value("${formaflow.public-rate.write-period:PT1H}") Duration writePeriod,
            @Value("${formaflow.public-rate.reads:300}") int reads, @Value("${formaflow.public-rate.read-period:PT5M}") Duration readPeriod) {
        FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(
                new PublicRateLimit(new PublicRateLimit.Limit(writes, writePeriod), new PublicRateLimit.Limit(reads, readPeriod)));
        registration.setName("public-rate-limit");
        registration.addUrlPatterns("/public/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
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
