package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;

/**
 * Every diagram of every BPMN file in processes/ is readable on one 1 920 × 1 080 screen at 100 % zoom (Cockpit,
 * Tasklist, the Modeler): the main diagram and the plane of each collapsed sub-process, with their labels. Long
 * processes are drawn as collapsed sub-processes whose content has a diagram of its own (an expanded sub-process is
 * drawn inside its parent's diagram), and every flow node and sequence flow is drawn exactly once.
 */
class DiagramsFitOnScreenTest {

    static final int SCREEN_WIDTH = 1920;
    static final int SCREEN_HEIGHT = 1080;

    @Test
    void everyDiagramFitsOnAFullHdScreen() throws IOException {
        List<String> problems = new ArrayList<>();
        int diagrams = 0;
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
            for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
                diagrams++;
                Area area = new Area();
                for (DiagramElement element : diagram.getBpmnPlane().getDiagramElements()) {
                    if (element instanceof BpmnShape shape) {
                        area.add(shape.getBounds());
                        BpmnLabel label = shape.getBpmnLabel();
                        if (label != null) {
                            area.add(label.getBounds());
                        }
                    } else if (element instanceof BpmnEdge edge) {
                        for (Waypoint point : edge.getWaypoints()) {
                            area.add(point.getX(), point.getY());
                        }
                        BpmnLabel label = edge.getBpmnLabel();
                        if (label != null) {
                            area.add(label.getBounds());
                        }
                    }
                }
                String plane = file.getFileName() + " / " + planeName(diagram);
                if (area.minX < 0 || area.minY < 0 || area.maxX > SCREEN_WIDTH || area.maxY > SCREEN_HEIGHT) {
                    problems.add(plane + " spans x " + area.minX + "–" + area.maxX + ", y " + area.minY + "–" + area.maxY
                            + ": it must stay within 0–" + SCREEN_WIDTH + " × 0–" + SCREEN_HEIGHT);
                }
            }
        }
        assertThat(diagrams).as("diagrams read").isGreaterThanOrEqualTo(bpmnFiles().size());
        assertThat(problems).as("diagrams larger than a 1 920 × 1 080 screen").isEmpty();
    }

    @Test
    void everyCollapsedSubProcessHasItsOwnDiagramAndEveryElementIsDrawnOnce() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(new File(file.toString()));
            Map<String, Integer> drawn = new HashMap<>();
            Set<String> planes = new HashSet<>();
            Set<String> collapsed = new HashSet<>();
            for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
                planes.add(planeName(diagram));
                for (DiagramElement element : diagram.getBpmnPlane().getDiagramElements()) {
                    BaseElement bpmnElement = element instanceof BpmnShape shape ? shape.getBpmnElement()
                            : element instanceof BpmnEdge edge ? edge.getBpmnElement() : null;
                    if (bpmnElement != null) {
                        drawn.merge(bpmnElement.getId(), 1, Integer::sum);
                    }
                    if (element instanceof BpmnShape shape && shape.getBpmnElement() instanceof SubProcess && !shape.isExpanded()) {
                        collapsed.add(shape.getBpmnElement().getId());
                    }
                }
            }
            for (String subProcess : collapsed) {
                if (!planes.contains(subProcess)) {
                    problems.add(file.getFileName() + ": collapsed sub-process " + subProcess + " has no diagram of its own");
                }
            }
            List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
            elements.addAll(model.getModelElementsByType(SequenceFlow.class));
            for (BaseElement element : elements) {
                int times = drawn.getOrDefault(element.getId(), 0);
                if (times != 1) {
                    problems.add(file.getFileName() + ": " + element.getId() + " is drawn " + times + " times");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String planeName(BpmnDiagram diagram) {
        BaseElement element = diagram.getBpmnPlane().getBpmnElement();
        return element == null ? diagram.getId() : element.getId();
    }

    static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** The smallest rectangle holding every shape, label and waypoint of a diagram. */
    private static final class Area {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;

        void add(Bounds bounds) {
            add(bounds.getX(), bounds.getY());
            add(bounds.getX() + bounds.getWidth(), bounds.getY() + bounds.getHeight());
        }

        void add(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
    }
}
