package fr.formaflow.security;

import fr.formaflow.platform.HttpErrors;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import fr.formaflow.platform.AccessDeniedException;

/** The user on whose behalf the current call runs, as set on the engine's identity service. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    public CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new AccessDeniedException(HttpErrors.AUTHENTICATION_REQUIRED);
        }
        return authentication.getUserId();
    }

    public List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getGroupIds() == null) {
            return List.of();
        }
        return authentication.getGroupIds();
    }

    public boolean isOperator() {
        return groups().contains(Roles.OPERATORS);
    }

    public boolean isIn(String groupId) {
        return groups().contains(groupId);
    }
}
