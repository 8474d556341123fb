package fr.formaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator (/actuator/prometheus, /actuator/metrics with the business totals, /actuator/info…) is for operators
 * only: the API's authentication runs first (HTTP basic), then this filter refuses anyone who is not an operator.
 * Only /actuator/health stays open, for load balancers (issue 27: business metrics were public).
 */
public class MetricsAccess extends OncePerRequestFilter {

    /** Every actuator endpoint (the servlet pattern matches /actuator itself too). */
    static final String ACTUATOR = "/actuator/*";
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private final CurrentUser currentUser;

    MetricsAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** /actuator/health and its groups: open to anyone. */
    static boolean isHealth(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!currentUser.isOperator()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"Les métriques sont réservées aux opérateurs.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
