package fr.formaflow.web;

import fr.formaflow.process.Deadlines;
import fr.formaflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Échéances")
public class DeadlineController {

    private final Deadlines deadlines;
    private final CurrentUser currentUser;

    public DeadlineController(Deadlines deadlines, CurrentUser currentUser) {
        this.deadlines = deadlines;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/deadlines")
    @Operation(summary = "Mes échéances : les tâches à faire avant une date, la plus proche d'abord, et celles dont la date est passée")
    public List<Deadlines.Deadline> mine() {
        return deadlines.of(currentUser.id(), currentUser.groups(), currentUser.isOperator());
    }
}
