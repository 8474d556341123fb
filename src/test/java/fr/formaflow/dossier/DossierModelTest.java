package fr.formaflow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The shape of training-dossier.bpmn: one sub-process per phase, which alone sets the dossier's phase, and one
 * validation loop drawn the same way in every phase (the funder's validation, a gateway, « À corriger » back to the
 * organisation's task).
 */
class DossierModelTest {

    private static final Pattern ENTER = Pattern.compile("\\$\\{dossierPhases\\.enter\\(execution, '(\\w+)'\\)}");

    private final BpmnModelInstance dossier = Bpmn.readModelFromFile(new File("processes/training-dossier.bpmn"));

    @Test
    void everyPhaseIsASubProcessOfTheMainDiagramAndOnlyTheyAndTheEndsSetThePhase() throws IOException {
        Process process = dossier.getModelElementsByType(Process.class).iterator().next();
        List<DossierPhase> entered = new ArrayList<>();
        for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
            List<String> phases = phasesEnteredBy(node);
            if (node instanceof SubProcess) {
                assertThat(phases).as(node.getId() + " enters one phase when it starts").hasSize(1);
                entered.add(DossierPhase.valueOf(phases.get(0)));
            } else if (node instanceof EndEvent) {
                assertThat(phases).as(node.getId()).hasSize(1);
                entered.add(DossierPhase.valueOf(phases.get(0)));
            } else {
                assertThat(phases).as(node.getId() + " sets no phase").isEmpty();
            }
        }
        assertThat(entered).as("every phase entered by exactly one element").containsExactlyInAnyOrder(DossierPhase.values());

        // along the main flow, the phases come in their order
        List<DossierPhase> path = new ArrayList<>();
        FlowNode node = dossier.getModelElementById("Start_DossierCreated");
        while (!node.getOutgoing().isEmpty()) {
            node = node.getOutgoing().iterator().next().getTarget();
            phasesEnteredBy(node).forEach(phase -> path.add(DossierPhase.valueOf(phase)));
        }
        assertThat(path).containsExactly(DossierPhase.SUBMISSION, DossierPhase.CONTRACT, DossierPhase.TRAINEES, DossierPhase.OPENING,
                DossierPhase.EXECUTION, DossierPhase.EVALUATION, DossierPhase.CLOSURE, DossierPhase.FOLLOW_UP, DossierPhase.CLOSED);

        // nothing else sets the phase: no task property, no listener deeper in the dossier or in another file
        long listeners = Files.readString(Path.of("processes/training-dossier.bpmn")).lines().filter(l -> l.contains("dossierPhases")).count();
        assertThat(listeners).isEqualTo(entered.size());
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                assertThat(model.getModelElementsByType(CamundaProperty.class)).as(file + ": a task property setting the phase")
                        .noneMatch(property -> "phase".equals(property.getCamundaName()));
                if (!file.endsWith("training-dossier.bpmn")) {
                    assertThat(Files.readString(file)).as(file.toString()).doesNotContain("dossierPhases");
                }
            }
        }
    }

    @Test
    void everyFunderValidationLoopsBackToTheOrganisationsTaskOfItsPhase() {
        List<String> problems = new ArrayList<>();
        int loops = 0;
        for (ExclusiveGateway gateway : dossier.getModelElementsByType(ExclusiveGateway.class)) {
            List<SequenceFlow> corrections = gateway.getOutgoing().stream().filter(f -> "À corriger".equals(f.getName())).toList();
            if (corrections.isEmpty()) {
                continue;
            }
            loops++;
            FlowNode validation = gateway.getIncoming().iterator().next().getSource();
            FlowNode correction = corrections.get(0).getTarget();
            if (!(validation instanceof CallActivity call) || !"stepValidation".equals(call.getCalledElement())
                    || !"Financeur".equals(laneOf(validation))) {
                problems.add(gateway.getId() + " does not decide the funder's validation (step-validation.bpmn)");
            }
            if (!(correction instanceof UserTask) || !"Organisme de formation".equals(laneOf(correction))) {
                problems.add(gateway.getId() + " does not send the correction back to an organisation task");
            }
            if (correction.getParentElement() != gateway.getParentElement() || validation.getParentElement() != gateway.getParentElement()) {
                problems.add(gateway.getId() + " leaves its phase's sub-process");
            }
            if (!gateway.getId().equals("Gateway_SubmissionDecision") && gateway.getDefault() != corrections.get(0)) {
                problems.add(gateway.getId() + ": without an approval, the step goes back to the organisation (default flow)");
            }
        }
        // every funder validation of a step (not the change requests' reviews) is one of these loops, and calls the one shape
        Set<String> validations = dossier.getModelElementsByType(CallActivity.class).stream()
                .filter(call -> "stepValidation".equals(call.getCalledElement()))
                .map(CallActivity::getId).collect(Collectors.toSet());
        assertThat(dossier.getModelElementsByType(UserTask.class)).as("no validation task of its own")
                .noneMatch(task -> task.getId().startsWith("Task_Validate"));
        assertThat(problems).isEmpty();
        assertThat(loops).isEqualTo(validations.size()).isEqualTo(6);
    }

    private static List<String> phasesEnteredBy(FlowNode node) {
        if (node.getExtensionElements() == null) {
            return List.of();
        }
        List<String> phases = new ArrayList<>();
        for (CamundaExecutionListener listener : node.getExtensionElements().getChildElementsByType(CamundaExecutionListener.class)) {
            Matcher enter = ENTER.matcher(String.valueOf(listener.getCamundaExpression()));
            if (enter.matches()) {
                phases.add(enter.group(1));
            }
        }
        return phases;
    }

    private String laneOf(FlowNode node) {
        return dossier.getModelElementsByType(Lane.class).stream()
                .filter(lane -> lane.getFlowNodeRefs().contains(node)).map(Lane::getName).findFirst().orElse(null);
    }
}
