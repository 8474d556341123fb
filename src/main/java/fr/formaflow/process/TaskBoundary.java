package fr.formaflow.process;

import fr.formaflow.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine-side trust boundary: what an organisation's or a funder's user may do to a process, whatever API they
 * call (Tasklist's, /engine-rest, Java). Users read, claim and complete the tasks they are candidates for, and nothing
 * more:
 * <ul>
 * <li>candidates get TASK_WORK instead of Camunda's default UPDATE: no variable writes on the task, no identity links,
 * no assignee (those need UPDATE, UPDATE_VARIABLE or TASK_ASSIGN, which only operators have);</li>
 * <li>a task is completed only by submitting its form ({@link DeclaredFieldsFormHandler}: declared fields only, kept
 * task-local); completing or resolving it otherwise (with variables of one's choice) is refused as unauthorized;</li>
 * <li>a user's own account is readable, not writable: e-mail and password change through Formaflow's /api/me.</li>
 * </ul>
 * Operators keep every right (Cockpit repairs). Routing data never comes from what a user can write: see
 * {@link DossierRouting}.
 */
@Component
public class TaskBoundary extends AbstractProcessEnginePlugin {

    static final String COMPLETE_THROUGH_FORM = "Une tâche se termine en envoyant son formulaire (bouton « Terminer » de Tasklist) ; "
            + "rien n'a été enregistré.";
    

    private final DeclaredForms forms = new DeclaredForms();
    private final ObjectProvider<UserTasks> userTasks;

    public TaskBoundary(ObjectProvider<UserTasks> userTasks) {
        this.userTasks = userTasks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setResourceAuthorizationProvider(new OwnAccountReadOnly());
        configuration.setCustomPreBPMNParseListeners(append(configuration.getCustomPreBPMNParseListeners(), new FormsOnUserTasks(forms, userTasks::getObject)));
        configuration.setCustomPreCommandInterceptorsTxRequired(
                append(configuration.getCustomPreCommandInterceptorsTxRequired(), new FormOnlyCompletion(configuration)));
    }

    public DeclaredForms forms() {
        return forms;
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> all = list == null ? new ArrayList<>() : new ArrayList<>(list);
        all.add(element);
        return all;
    }

    /** Every user task's submitted values go through its form's declared fields, then through {@link UserTasks}. */
    static final class FormsOnUserTasks extends AbstractBpmnParseListener {

        private final DeclaredForms forms;
        private final Supplier<ShownValues.Source> shown;

        FormsOnUserTasks(DeclaredForms forms, Supplier<ShownValues.Source> shown) {
            this.forms = forms;
            this.shown = shown;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            String formId = definition.getCamundaFormDefinitionKey() == null ? null
                    : definition.getCamundaFormDefinitionKey().getExpressionText();
            definition.setTaskFormHandler(new DeclaredFieldsFormHandler(definition.getTaskFormHandler(), formId, forms, shown));
            TaskListener userTasks = new DelegateExpressionTaskListener(
                    Context.getProcessEngineConfiguration().getExpressionManager().createExpression("${userTasks}"), List.of());
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, userTasks);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, userTasks);
        }
    }

    /** Users complete tasks through their form only; operators and Formaflow itself (no authentication) are not limited. */
    static final class FormOnlyCompletion extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        FormOnlyCompletion(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd && isUser(configuration.getIdentityService())) {
                throw new AuthorizationException(COMPLETE_THROUGH_FORM);
            }
            return next.execute(command);
        }

        private static boolean isUser(IdentityService identity) {
            Authentication authentication = identity.getCurrentAuthentication();
            return authentication != null && authentication.getUserId() != null
                    && (authentication.getGroupIds() == null || !authentication.getGroupIds().contains(Roles.OPERATORS));
        }
    }

    /** A new user may read, not change, their own Camunda account (Camunda's default grants them ALL on it). */
    static final class OwnAccountReadOnly extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newUser(User user) {
            return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)};
        }
    }
}
