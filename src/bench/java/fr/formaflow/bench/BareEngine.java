package fr.formaflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The bare-engine baseline: Formaflow's dossier processes, same shapes (tasks, gateways, timers, call activities,
 * multi-instances, asynchronous continuations, the funder-rules decision), with every delegate and every listener
 * replaced by a no-op, on an engine configured like Formaflow's (full history, authorizations on, JSON variables).
 * The no-op service tasks only set the variables the shapes route on (timer dates, lists of months and trainees). Its
 * users submit their task forms authenticated, as Tasklist does, allowed by the authorizations the engine gives the
 * tasks' candidate groups.
 */
final class BareEngine {

    static final String[] PROCESSES = {"training-dossier.bpmn", "step-validation.bpmn", "monthly-declaration.bpmn", "follow-up-survey.bpmn"};

    private BareEngine() {
    }

    static ProcessEngine start(DataSource dataSource, String name) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._@-]+");
        configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
        Map<Object, Object> beans = new HashMap<>();
        beans.put("noop", new NoOp());
        beans.put("stub", new BareStub());
        beans.put("monthTimers", new BareMonthTimers());
        beans.put("dossierRouting", new BareRouting());
        beans.put("timers", new fr.formaflow.process.delegates.TimerDates());
        configuration.setBeans(beans);
        ProcessEngine engine = configuration.buildProcessEngine();
        deploy(engine);
        addUser(engine, BareLifecycle.ORGANISATION_USER, BareLifecycle.ORGANISATION_GROUP);
        addUser(engine, BareLifecycle.VALIDATOR, BareLifecycle.FUNDER_GROUP);
        return engine;
    }

    /** The users complete their tasks as in Formaflow: authenticated, allowed by their group being the task's candidate. */
    private static void addUser(ProcessEngine engine, String userId, String groupId) {
        IdentityService identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(groupId));
        identity.saveUser(identity.newUser(userId));
        identity.createMembership(userId, groupId);
    }

    private static void deploy(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-engine-baseline");
        for (String process : PROCESSES) {
            deployment.addModelInstance(process, strip(read("processes/" + process)));
        }
        try (InputStream rules = resource("processes/funder-rules.dmn")) {
            deployment.addInputStream("funder-rules.dmn", rules);
            deployment.deploy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every service task calls the stub, every listener the no-op. */
    static BpmnModelInstance strip(BpmnModelInstance model) {
        model.getModelElementsByType(ServiceTask.class).forEach(task -> delegateTo(task, "${stub}"));
        model.getModelElementsByType(CamundaExecutionListener.class).forEach(listener -> delegateTo(listener, "${noop}"));
        model.getModelElementsByType(CamundaTaskListener.class).forEach(listener -> delegateTo(listener, "${noop}"));
        return model;
    }

    private static void delegateTo(ModelElementInstance element, String delegate) {
        for (String attribute : new String[] {"class", "expression", "delegateExpression", "resultVariable"}) {
            element.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, attribute);
        }
        element.setAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression", delegate);
    }

    private static BpmnModelInstance read(String path) {
        try (InputStream in = resource(path)) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = BareEngine.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        return in;
    }

    static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }
}
