package fr.formaflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    public ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = sessionUser(request);
        if (userId == null) {
            userId = basicUser(request.getHeader("Authorization"));
        }
        if (userId == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Formaflow\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"Authentification requise : connectez-vous avec votre identifiant et votre mot de passe.\"}");
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
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
