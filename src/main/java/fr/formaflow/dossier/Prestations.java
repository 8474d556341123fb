package fr.formaflow.dossier;

import fr.formaflow.funder.FundingScheme;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Formiris dossier's prestation: saved whole, tab fields and sessions together, only once every mandatory field is
 * filled; a session whose attendance certificates are deposited stays. Who may call is the controller's business
 * ({@link DossierAccess}); every rule runs before any write.
 */
@Service
@Transactional
public class Prestations {

    private final PrestationRepository prestations;
    private final Clock clock;

    public Prestations(PrestationRepository prestations, Clock clock) {
        this.prestations = prestations;
        this.clock = clock;
    }

    public static boolean applies(TrainingAction action) {
        return action.getFunder().getScheme() == FundingScheme.FORMIRIS;
    }

    @Transactional(readOnly = true)
    public Optional<Prestation> of(TrainingAction action) {
        return prestations.findByActionId(action.getId());
    }

    /** The session of this dossier's prestation, or a French 404. */
    @Transactional(readOnly = true)
    public PrestationSession session(TrainingAction action, long sessionId) {
        return of(action).flatMap(p -> p.session(sessionId))
                .orElseThrow(() -> new NotFoundException("La session n° " + sessionId + " n'existe pas dans la prestation de ce dossier."));
    }

    public Prestation save(TrainingAction action, PrestationContent content, String user) {
        if (!applies(action)) {
            throw new BusinessRuleException("Seuls les dossiers financés par Formiris ont une prestation à référencer.");
        }
        Optional<Prestation> existing = of(action);
        List<String> problems = new ArrayList<>(content.problems());
        problems.addAll(sessionProblems(existing.map(Prestation::sessions).orElse(List.of()), content.sessions()));
        if (!problems.isEmpty()) {
            throw new BusinessRuleException("La prestation n'est pas enregistrée : vérifiez l'en-tête et chaque onglet (Pédagogie, "
                    + "Inscription, Synthèse, Description et Session).", problems);
        }
        Prestation prestation = existing.orElseGet(() -> new Prestation(action.getId()));
        prestation.apply(content, user, clock.now());
        Map<Long, PrestationSession> kept = new HashMap<>();
        prestation.sessions().forEach(s -> kept.put(s.getId(), s));
        Set<Long> sent = content.sessions().stream().map(PrestationContent.SessionEntry::id).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        prestation.sessions().removeIf(s -> !sent.contains(s.getId()));
        for (PrestationContent.SessionEntry entry : content.sessions()) {
            if (entry.id() == null) {
                prestation.sessions().add(new PrestationSession(entry));
            } else {
                kept.get(entry.id()).apply(entry);
            }
        }
        return prestations.saveAndFlush(prestation);
    }

    /** An existing session is named by its id; one with attendance certificates can be neither removed nor moved. */
    static List<String> sessionProblems(List<PrestationSession> existing, List<PrestationContent.SessionEntry> sent) {
        List<String> problems = new ArrayList<>();
        Map<Long, PrestationContent.SessionEntry> byId = new HashMap<>();
        for (PrestationContent.SessionEntry entry : sent) {
            if (entry.id() != null) {
                byId.put(entry.id(), entry);
                if (existing.stream().noneMatch(s -> s.getId().equals(entry.id()))) {
                    problems.add("Onglet Session : la session n° " + entry.id() + " n'existe pas dans cette prestation.");
                }
            }
        }
        for (PrestationSession session : existing) {
            if (!session.isAttendanceRecorded()) {
                continue;
            }
            PrestationContent.SessionEntry entry = byId.get(session.getId());
            if (entry == null) {
                problems.add("Onglet Session : la session " + session.describe() + " a ses attestations de présence déposées ; "
                        + "elle ne peut plus être supprimée.");
            } else if (!session.getStartDate().equals(entry.startDate()) || !session.getEndDate().equals(entry.endDate())) {
                problems.add("Onglet Session : la session " + session.describe() + " a ses attestations de présence déposées ; "
                        + "ses dates (du " + French.date(session.getStartDate()) + " au " + French.date(session.getEndDate())
                        + ") ne peuvent plus changer.");
            }
        }
        return problems;
    }

    /** Its attendance certificates are deposited: the session stays, with its dates. */
    public void markAttendanceRecorded(TrainingAction action, long sessionId) {
        PrestationSession session = of(action).flatMap(p -> p.session(sessionId)).orElseThrow();
        session.attendanceRecorded();
    }
}
