package fr.formaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /actuator/prometheus is for operators only: the API's authentication runs first (HTTP basic), then this filter
 * refuses anyone who is not an operator. /actuator/health stays open for load balancers.
 */
public class MetricsAccess extends OncePerRequestFilter {

    static final String PROMETHEUS = "/actuator/prometheus";
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private final CurrentUser currentUser;

    MetricsAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
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
