package fr.formaflow.trainee;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.dossier.TrainingActionRepository;
import fr.formaflow.platform.BusinessRuleException;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.QrCode;
import fr.formaflow.platform.SingleUseTokens;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations filled in by the trainees and trainers themselves (seed 000: « Faire remplir les évaluations par les
 * stagiaires », « Faire remplir l'évaluation formateur »), not typed by the organisation: the organisation hands each
 * person a single-use link (shown once, or as a QR code); a trainee rates the training and may comment, a trainer writes
 * their evaluation. « Saisir les évaluations » then shows the answers, read-only, beside the skills validation.
 */
@Service
@Transactional
public class EvaluationLinks {

    /** A link opens for 30 days; a new one can be given at any time to whoever has not answered. */
    static final int VALID_DAYS = 30;
    static final String NOT_VALID = "Ce lien d'évaluation n'existe pas ou n'est plus valable : demandez-en un nouveau à l'organisme de formation.";

    /** A person's link as the organisation hands it over: the address only when it was just made. */
    public record Issued(String kind, String personName, boolean answered, String url, String token) {
    }

    /** Who has answered, for the dossier's page and the evaluations task. */
    public record Status(String kind, String personName, boolean answered, LocalDateTime answeredAt, LocalDateTime expiresAt) {
    }

    /** What the person reads before answering: no internal id. */
    public record ToAnswer(String kind, String kindLabel, String personName, String dossierTitle, String contractNumber,
                           String organisation, String period) {
    }

    /** A trainee's rating (1 to 5) and comment; a trainer's evaluation in the comment. */
    public record Answer(Integer satisfaction, String comment) {
    }

    private final EvaluationLinkRepository links;
    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final TrainingActionRepository actions;
    private final Clock clock;
    private final String publicUrl;

    public EvaluationLinks(EvaluationLinkRepository links, TraineeService trainees, TrainerRepository trainers,
                           TrainingActionRepository actions, Clock clock,
                           @Value("${formaflow.public-url}") String publicUrl) {
        this.links = links;
        this.trainees = trainees;
        this.trainers = trainers;
        this.actions = actions;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * A link for each trainee and each trainer of the action who has not answered yet (a new one replaces an unused one:
     * the old address no longer opens), once the action has opened.
     */
    public List<Issued> issue(TrainingAction action) {
        if (action.getRealStart() == null) {
            throw new BusinessRuleException("Les évaluations se remplissent une fois l'action ouverte.");
        }
        Map<String, EvaluationLink> existing = links.findByActionIdOrderByKindAscPersonNameAsc(action.getId()).stream()
                .collect(Collectors.toMap(link -> link.getKind() + ":" + link.getPersonId(), Function.identity()));
        LocalDateTime now = clock.now();
        List<Issued> issued = new ArrayList<>();
        for (Trainee trainee : trainees.of(action.getId())) {
            issued.add(issue(action, EvaluationLink.Kind.TRAINEE, trainee.getId(), trainee.fullName(), existing, now));
        }
        for (var assignment : action.getTrainers()) {
            Trainer trainer = trainers.findById(assignment.trainerId()).orElseThrow();
            issued.add(issue(action, EvaluationLink.Kind.TRAINER, trainer.getId(), trainer.fullName(), existing, now));
        }
        return issued;
    }

    private Issued issue(TrainingAction action, EvaluationLink.Kind kind, Long personId, String name, Map<String, EvaluationLink> existing,
                         LocalDateTime now) {
        EvaluationLink link = existing.get(kind + ":" + personId);
        if (link != null && link.isAnswered()) {
            return new Issued(kind.name(), name, true, null, null);
        }
        String token = SingleUseTokens.newToken();
        LocalDateTime expires = now.plusDays(VALID_DAYS);
        if (link == null) {
            links.save(new EvaluationLink(action.getId(), kind, personId, name, SingleUseTokens.hash(token), now, expires));
        } else {
            link.renew(SingleUseTokens.hash(token), now, expires);
        }
        return new Issued(kind.name(), name, false, url(token), token);
    }

    @Transactional(readOnly = true)
    public List<Status> of(TrainingAction action) {
        return links.findByActionIdOrderByKindAscPersonNameAsc(action.getId()).stream()
                .map(l -> new Status(l.getKind().name(), l.getPersonName(), l.isAnswered(), l.getAnsweredAt(), l.getExpiresAt())).toList();
    }

    @Transactional(readOnly = true)
    public ToAnswer toAnswer(String token) {
        EvaluationLink link = open(token);
        TrainingAction action = actions.findById(link.getActionId()).orElseThrow();
        return new ToAnswer(link.getKind().name(), link.getKind().label(), link.getPersonName(), action.getTitle(),
                action.getContractNumber(), action.getOrganisation().getName(), period(action));
    }

    /** Records the answer; the link is then used. Nothing is written when the answer breaks a rule. */
    public void answer(String token, Answer answer) {
        EvaluationLink link = open(token);
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        BusinessRuleException.throwIfAny("Votre évaluation n'est pas envoyée :",
                EvaluationRules.answerProblems(link.getKind(), answer.satisfaction(), comment));
        TrainingAction action = actions.findById(link.getActionId()).orElseThrow();
        if (link.getKind() == EvaluationLink.Kind.TRAINEE) {
            trainees.require(action, link.getPersonId()).selfEvaluate(answer.satisfaction(), comment);
            link.answered(comment, clock.now());
        } else {
            link.answered(comment, clock.now());
            action.recordTrainerEvaluation(links.findByActionIdOrderByKindAscPersonNameAsc(action.getId()).stream()
                    .filter(l -> l.getKind() == EvaluationLink.Kind.TRAINER && l.isAnswered())
                    .map(l -> l.getPersonName() + " : " + l.getAnswer()).collect(Collectors.joining("\n\n")));
        }
    }

    /** The QR code of a link of this dossier not answered yet, for the organisation to show or print. */
    @Transactional(readOnly = true)
    public byte[] qrCode(TrainingAction action, String token) {
        EvaluationLink link = open(token);
        if (!link.getActionId().equals(action.getId())) {
            throw new NotFoundException(NOT_VALID);
        }
        return QrCode.png(url(token), 360);
    }

    private EvaluationLink open(String token) {
        EvaluationLink link = token == null || token.isBlank() ? null : links.findByTokenHash(SingleUseTokens.hash(token)).orElse(null);
        if (link == null || link.getExpiresAt().isBefore(clock.now())) {
            throw new NotFoundException(NOT_VALID);
        }
        if (link.isAnswered()) {
            throw new BusinessRuleException("Cette évaluation a déjà été envoyée le " + French.date(link.getAnsweredAt().toLocalDate())
                    + " : merci ! Un lien ne sert qu'une fois.");
        }
        return link;
    }

    private String url(String token) {
        return publicUrl + "/evaluer.html?t=" + token;
    }

    private static String period(TrainingAction action) {
        var end = action.getRealEnd() != null ? action.getRealEnd() : action.getPlannedEnd();
        return "du " + French.date(action.getRealStart()) + (end == null ? "" : " au " + French.date(end));
    }
}
