package fr.formaflow.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import java.util.ArrayList;

/**
 * Records every flow node entered and every sequence flow taken, as "processKey:elementId", so that a test can
 * check that every element of every BPMN file was exercised (camunda-process-test-coverage writes the report).
 */
public class FlowCoverage extends AbstractProcessEnginePlugin {

    public static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution -> record(execution.getProcessDefinitionId(), transition.getId()));
            }

            private void track(ActivityImpl activity) {
                activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> record(execution.getProcessDefinitionId(), activity.getId()));
            }

            @Override
            public void parseStartEvent(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseEndEvent(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseUserTask(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseServiceTask(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseBusinessRuleTask(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseExclusiveGateway(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseParallelGateway(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseEventBasedGateway(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseSubProcess(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseCallActivity(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseIntermediateCatchEvent(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
            @Override
            public void parseBoundaryEvent(Element e, ScopeImpl s, ActivityImpl a) { track(a); }
        });
    }

    /** The flow nodes and sequence flows of these BPMN files (in processes/) that no test exercised. */
    public static java.util.List<String> missingIn(String... files) {
        java.util.List<String> missing = new ArrayList<>();
        for (String file : files) {
            org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(new java.io.File("processes", file));
            String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
            for (org.camunda.bpm.model.bpmn.instance.FlowElement element
                    : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)) {
                if ((element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode
                        || element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow)
                        && !COVERED.contains(key + ":" + element.getId()) && !eventGatewayFlowTaken(key, element)) {
                    missing.add(key + ":" + element.getId());
                }
            }
        }
        return missing;
    }

    /** The engine takes no sequence flow out of an event-based gateway: the event that occurred stands for its flow. */
    private static boolean eventGatewayFlowTaken(String key, org.camunda.bpm.model.bpmn.instance.FlowElement element) {
        return element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow flow
                && flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.EventBasedGateway
                && COVERED.contains(key + ":" + flow.getTarget().getId());
    }

    private static void record(String processDefinitionId, String elementId) {
        COVERED.add(processDefinitionId.substring(0, processDefinitionId.indexOf(':')) + ":" + elementId);
    }
}
