package fr.formaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP security headers on Formaflow's own responses (APIs and pages). Camunda's webapps (/camunda) set theirs with
 * their own header-security filter, which this one leaves alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * Pages run only the scripts of their own files (issue 27: inline scripts were allowed; the pages' scripts are now
     * files next to them, static/*.js, and none is written in the HTML); styles may still be inline.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) {
            boolean data = path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/public/");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", data ? "DENY" : "SAMEORIGIN");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            response.setHeader("Content-Security-Policy", data ? API_POLICY : PAGE_POLICY);
            if (data) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, response);
    }
}
