package fr.formaflow.web;

import fr.formaflow.process.TaskWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A dossier task's « Dossier » panel in Tasklist: what is validated or asked for, documents, checklist, changes. */
@RestController
@Tag(name = "Tâches", description = "Ce que chaque tâche d'un dossier montre à côté de son formulaire")
public class TaskWorkspaceController {

    private final TaskWorkspace workspace;

    public TaskWorkspaceController(TaskWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/api/tasks/{taskId}/workspace")
    @Operation(summary = "Le contenu du dossier, ses pièces, la liste du financeur pour l'étape et, après un rejet, ce qui a changé")
    public TaskWorkspace.Workspace get(@PathVariable String taskId) {
        return workspace.of(taskId);
    }
}
