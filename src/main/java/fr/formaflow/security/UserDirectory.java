package fr.formaflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The people and their groups, kept in the engine's identity store (which Tasklist and Cockpit log in against), for the
 * capabilities that must not know the engine. Formaflow's rule is checked by the caller before any change (an
 * organisation's administrator manages its own users only); the change itself runs as the system.
 */
@Component
public class UserDirectory {

    public record Person(String id, String firstName, String lastName, String email) {
    }

    private final IdentityService identityService;
    private final AsSystem asSystem;

    public UserDirectory(IdentityService identityService, AsSystem asSystem) {
        this.identityService = identityService;
        this.asSystem = asSystem;
    }

    public Optional<Person> find(String userId) {
        return asSystem.call(() -> Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())).map(UserDirectory::person);
    }

    /** A user by login, or by e-mail address when no login matches. */
    public Optional<Person> findByIdOrEmail(String key) {
        return asSystem.call(() -> Optional.ofNullable(identityService.createUserQuery().userId(key).singleResult())
                .or(() -> identityService.createUserQuery().userEmail(key).list().stream().findFirst())).map(UserDirectory::person);
    }

    public boolean exists(String userId) {
        return asSystem.call(() -> identityService.createUserQuery().userId(userId).count() > 0);
    }

    /** Whether an account already has this address as its login or its e-mail. */
    public boolean addressTaken(String address) {
        return asSystem.call(() -> identityService.createUserQuery().userId(address).count()
                + identityService.createUserQuery().userEmail(address).count() > 0);
    }

    public void create(Person person, String password, Collection<String> groupIds) {
        asSystem.run(() -> {
            User created = identityService.newUser(person.id());
            created.setFirstName(person.firstName());
            created.setLastName(person.lastName());
            created.setEmail(person.email());
            created.setPassword(password);
            identityService.saveUser(created);
            groupIds.forEach(group -> identityService.createMembership(person.id(), group));
        });
    }

    public void changeEmail(String userId, String email) {
        asSystem.run(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setEmail(email);
            identityService.saveUser(user);
        });
    }

    public void changePassword(String userId, String password) {
        asSystem.run(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            user.setPassword(password);
            identityService.saveUser(user);
        });
    }

    /** Checks a password as a login does (a wrong one counts towards the engine's temporary lock-out). */
    public boolean checkPassword(String userId, String password) {
        return identityService.checkPassword(userId, password);
    }

    public void unlock(String userId) {
        asSystem.run(() -> identityService.unlockUser(userId));
    }

    /** The members of a group, by last name. */
    public List<Person> members(String groupId) {
        return asSystem.call(() -> identityService.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().list())
                .stream().map(UserDirectory::person).toList();
    }

    public List<String> groupsOf(String userId) {
        return asSystem.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    /** Takes the user out of these groups, and deletes the account once it belongs to no group. */
    public void leave(String userId, Collection<String> groupIds) {
        asSystem.run(() -> {
            groupIds.forEach(group -> identityService.deleteMembership(userId, group));
            if (identityService.createGroupQuery().groupMember(userId).count() == 0) {
                identityService.deleteUser(userId);
            }
        });
    }

    private static Person person(User user) {
        return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
