package fr.formaflow.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot's /error page answered a direct request with a 500 (issue 27). Asked for directly, it is a page that does
 * not exist: 404, in French. Errors forwarded to it by the servlet container (ERROR dispatches) are not touched.
 */
@Configuration
public class DirectErrorPage {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPageAskedDirectly() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"message\":\"" + HttpErrors.sentence(404) + "\"}");
            }
        });
        registration.setName("direct-error-page");
        registration.addUrlPatterns("/error", "/error/*");
        return registration;
    }
}
