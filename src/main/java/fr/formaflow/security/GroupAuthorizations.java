package fr.formaflow.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * Creates the Camunda groups of organisations and funders with what they may do in general.
 * Access to a given dossier is granted per process instance (see the dossier's DossierAccess), and access to a task
 * follows from its candidate group, so an organisation never sees another's work.
 */
@Service
public class GroupAuthorizations {

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

    /** Tasklist access, and reading process definitions (to render task forms and diagrams). */
    private void grantCommon(String groupId) {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
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
