package fr.formaflow.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Creates the Camunda groups of organisations and funders with what they may do in general.
 * Access to a given dossier is granted per process instance (see the dossier's DossierAccess), and access to a task
 * follows from its candidate group, so an organisation never sees another's work.
 */
@Service
public class GroupAuthorizations {

    private static final List<Resources> DEFINITIONS = List.of(Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TasklistFilters filters;

    public GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService, TasklistFilters filters) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filters = filters;
    }

    public void ensureOrganisationGroup(String groupId, String name) {
        if (ensureGroup(groupId, name, Roles.ORGANISATION)) {
            grantCommon(groupId);
            // no right to start processes: Formaflow starts dossiers and change requests once its own rules allow them
            Map<String, String> filterIds = filters.ensureFilters();
            grant(groupId, Resources.FILTER, filterIds.get(TasklistFilters.MY_TASKS), Permissions.READ);
            grant(groupId, Resources.FILTER, filterIds.get(TasklistFilters.ORGANISATION_TASKS), Permissions.READ);
        }
    }

    /** An organisation's administrators: members of the organisation's group too, they also accept new users. */
    public void ensureOrganisationAdminGroup(String groupId, String name) {
        if (ensureGroup(groupId, "Administrateurs " + name, Roles.ORGANISATION_ADMIN)) {
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
    }

    public void ensureFunderGroup(String groupId, String name) {
        if (ensureGroup(groupId, name, Roles.FUNDER)) {
            grantCommon(groupId);
            Map<String, String> filterIds = filters.ensureFilters();
            grant(groupId, Resources.FILTER, filterIds.get(TasklistFilters.MY_TASKS), Permissions.READ);
            grant(groupId, Resources.FILTER, filterIds.get(TasklistFilters.TO_VALIDATE), Permissions.READ);
            grant(groupId, Resources.FILTER, filterIds.get(TasklistFilters.OVERDUE), Permissions.READ);
        }
    }

    /** Operators may do everything, as Camunda's own administrator group does. */
    public void ensureOperatorsGroup() {
        if (ensureGroup(Roles.OPERATORS, "Opérateurs Formaflow", "SYSTEM")) {
            for (Resources resource : Resources.values()) {
                grant(Roles.OPERATORS, resource, Authorization.ANY, Permissions.ALL);
            }
        }
    }

    /** Returns true if the group was created now. */
    private boolean ensureGroup(String groupId, String name, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return false;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return true;
    }

    /** Tasklist access; the definitions are every user's to read ({@link #ensureEveryoneReadsDefinitions()}). */
    private void grantCommon(String groupId) {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    /**
     * Every user reads the process and decision definitions (Tasklist renders task forms and diagrams from them; they are
     * the same models for every organisation and funder): one global grant each. Until 2026-12 each group had its own,
     * and every authorization check of variables read all of them (one grant per organisation); a database created then
     * has them replaced here, at each start. The operators' grants of everything stay.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void ensureEveryoneReadsDefinitions() {
        for (Resources resource : DEFINITIONS) {
            if (everyoneReads(resource)) {
                continue;
            }
            Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            everyone.setUserId(Authorization.ANY);
            everyone.setResource(resource);
            everyone.setResourceId(Authorization.ANY);
            everyone.addPermission(Permissions.READ);
            try {
                authorizationService.saveAuthorization(everyone);
            } catch (ProcessEngineException e) {
                // another node starting at the same time saved it first (the grant is unique)
                if (!everyoneReads(resource)) {
                    throw e;
                }
            }
        }
        for (Resources resource : DEFINITIONS) {
            authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(resource)
                    .resourceId(Authorization.ANY).list().stream()
                    .filter(grant -> grant.getGroupId() != null && !Roles.OPERATORS.equals(grant.getGroupId()))
                    .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        }
    }

    private boolean everyoneReads(Resources resource) {
        return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource)
                .resourceId(Authorization.ANY).hasPermission(Permissions.READ).count() > 0;
    }

    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
