package fr.formaflow.security;

import fr.formaflow.platform.HttpErrors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to Formaflow's own API (/api): either the session of a user logged into Tasklist
 * (so that links in task forms work), or HTTP basic. The user and their groups are set on the engine's
 * identity service for the duration of the call, so services and the engine see the same person.
 */
@Component
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final DelegatedGroups delegations;

    public ApiAuthenticationFilter(IdentityService identityService, DelegatedGroups delegations) {
        this.identityService = identityService;
        this.delegations = delegations;
    }

    /** The load balancers' health check needs no login (the rest of the actuator does: {@link MetricsAccess}). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return MetricsAccess.isHealth(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = sessionUser(request);
        if (userId != null && !sameOrigin(request)) {
            // a browser session must not be usable by another site's page to change anything (CSRF)
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "Requête refusée : elle ne provient pas de Formaflow.");
            return;
        }
        if (userId == null) {
            userId = basicUser(request.getHeader("Authorization"));
        }
        if (userId == null) {
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                // Formaflow's pages ask for no browser login dialog: they send their users to Tasklist's login
                response.setHeader("WWW-Authenticate", "Basic realm=\"Formaflow\"");
            }
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                    HttpErrors.AUTHENTICATION_REQUIRED);
            return;
        }
        List<String> groups = new ArrayList<>(identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        // a CFA's users act for the organisations that delegated their dossiers to it
        groups.addAll(delegations.delegatingGroups(groups));
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Reads are always allowed; a change made with the session cookie must come from a page of this origin: same
     * scheme, host and port (issue 27: http://host was taken for https://host). The request's scheme is the
     * connection's, or the forwarded one when the container trusts forwarding headers (server.forward-headers-strategy).
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String source = request.getHeader("Origin");
        if (source == null || source.equals("null")) {
            source = request.getHeader("Referer");
        }
        String host = request.getHeader("Host");
        if (source == null || host == null) {
            return false;
        }
        try {
            java.net.URI page = java.net.URI.create(source);
            String scheme = request.getScheme();
            java.net.URI self = java.net.URI.create(scheme + "://" + host);
            return page.getScheme() != null && page.getHost() != null && self.getHost() != null
                    && page.getScheme().equalsIgnoreCase(scheme)
                    && page.getHost().equalsIgnoreCase(self.getHost())
                    && port(page) == port(self);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(java.net.URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"" + message + "\"}");
    }

    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream()
                .filter(UserAuthentication.class::isInstance)
                .map(a -> a.getIdentityId())
                .findFirst().orElse(null);
    }

    private String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        return identityService.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
    }
}
