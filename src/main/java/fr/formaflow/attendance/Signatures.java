package fr.formaflow.attendance;

import fr.formaflow.attendance.ElectronicSignature.SignerKind;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.TrainerAssignment;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.funder.FunderRules;
import fr.formaflow.platform.Clock;
import fr.formaflow.platform.French;
import fr.formaflow.platform.InsertIfAbsent;
import fr.formaflow.platform.InvalidRequestException;
import fr.formaflow.platform.NotFoundException;
import fr.formaflow.platform.QrCode;
import fr.formaflow.platform.SingleUseTokens;
import fr.formaflow.trainee.Trainee;
import fr.formaflow.trainee.TraineeService;
import fr.formaflow.trainer.Trainer;
import fr.formaflow.trainer.TrainerRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic attendance (émargement électronique): the organisation opens a half-day of a dossier to signatures, which
 * gives each trainee in training that day and each trainer of the dossier a single-use link (or its QR code); each
 * signs from a phone, without an account. A half-day signed by the trainee and by a trainer is attended: it is written
 * to the month's half-day sheet ({@link AttendanceSheets#record}), from which the month's hours derive.
 */
@Service
@Transactional
public class Signatures {

    /** A link that cannot be used any more: already used (HTTP 409) or expired (HTTP 410). */
    public static class UnusableLinkException extends RuntimeException {

        private final boolean expired;

        UnusableLinkException(boolean expired) {
            super(expired ? "Ce lien de signature a expiré." : "Ce lien de signature a déjà été utilisé.");
            this.expired = expired;
        }

        public boolean isExpired() {
            return expired;
        }
    }

    public record NewSession(LocalDate day, Schedule.Half half) {
    }

    /** One person asked to sign, with the proof once signed; url only when the link was just issued (shown once). */
    public record Signer(long linkId, SignerKind kind, String kindLabel, long personId, String name, LocalDateTime expiresAt,
                         LocalDateTime signedAt, String ipAddress, String userAgent, String proofHash, String status,
                         Boolean halfDayCounted, String url) {
    }

    public record Session(long id, LocalDate day, Schedule.Half half, String halfLabel, LocalDateTime openedAt, String openedBy,
                         List<Signer> signers) {
    }

    /** What a link asks its holder to sign. */
    public record ToSign(String contractNumber, String dossierTitle, String organisation, LocalDate day, String dayLabel,
                         Schedule.Half half, String halfLabel, SignerKind kind, String kindLabel, String signerName,
                         LocalDateTime expiresAt) {
    }

    public record Signed(long actionId, long sessionId, LocalDate day, Schedule.Half half, String signerName, LocalDateTime signedAt,
                         String message) {
    }

    /** A half-day a trainee signed electronically, with the first trainer's signature of that half-day (null when none yet). */
    public record SignedHalfDay(long traineeId, LocalDate day, Schedule.Half half, LocalDateTime traineeSignedAt, Long trainerId,
                                String trainerName, LocalDateTime trainerSignedAt) {

        public boolean complete() {
            return trainerSignedAt != null;
        }
    }

    static final String OPEN_REFUSED = "La session de signature ne peut pas être ouverte :";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The signing time in the proof: always to the millisecond, so that anyone can recompute it from the listing. */
    private static final DateTimeFormatter PROOF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final SigningSessionRepository sessions;
    private final InsertIfAbsent insertIfAbsent;
    private final ElectronicSignatureRepository signatures;
    private final DeclarationRepository declarations;
    private final AttendanceSheets sheets;
    private final TraineeService trainees;
    private final TrainerRepository trainers;
    private final DossierService dossiers;
    private final Clock clock;
    private final String publicUrl;

    public Signatures(SigningSessionRepository sessions, ElectronicSignatureRepository signatures, DeclarationRepository declarations,
                      AttendanceSheets sheets, TraineeService trainees, TrainerRepository trainers, DossierService dossiers, Clock clock,
                      InsertIfAbsent insertIfAbsent, @Value("${formaflow.public-url}") String publicUrl) {
        this.sessions = sessions;
        this.insertIfAbsent = insertIfAbsent;
        this.signatures = signatures;
        this.declarations = declarations;
        this.sheets = sheets;
        this.trainees = trainees;
        this.trainers = trainers;
        this.dossiers = dossiers;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    // ------------------------------------------------------------------ the organisation

    /**
     * Opens the half-day to signatures (today only: links expire at the end of their day, Europe/Paris), with a link for
     * each trainee in training that day and each trainer of the dossier. Opening the same half-day again gives new links
     * to those who have not signed yet (their previous links stop working) and adds those who joined since.
     */
    public Session open(TrainingAction action, NewSession request, String userId) {
        InvalidRequestException.throwIfAny(OPEN_REFUSED, problemsOpening(action, request));
        LocalDate day = request.day();
        List<Trainee> inTraining = trainees.of(action.getId()).stream().filter(t -> inTraining(t, day)).toList();
        List<Trainer> ofDossier = trainersOf(action);
        List<String> nobody = new ArrayList<>();
        if (inTraining.isEmpty()) {
            nobody.add("aucun stagiaire n'est en formation le " + French.date(day) + ".");
        }
        if (ofDossier.isEmpty()) {
            nobody.add("aucun formateur n'est déclaré sur ce dossier.");
        }
        InvalidRequestException.throwIfAny(OPEN_REFUSED, nobody);

        // two users opening the same half-day at once: one creates the session, and the other waits for it (its lock)
        insertIfAbsent.insert("signing_session", Map.of("action_id", action.getId(), "session_date", day, "half", request.half().name(),
                "opened_at", clock.now(), "opened_by", userId), "action_id", "session_date", "half");
        SigningSession session = sessions.findByActionIdAndDayAndHalf(action.getId(), day, request.half())
                .flatMap(found -> sessions.lock(found.getId())).orElseThrow();
        Map<String, ElectronicSignature> existing = new HashMap<>();
        signatures.findBySessionIdOrderBySignerKindAscSignerNameAsc(session.getId()).forEach(s -> existing.put(key(s.getSignerKind(), s.getPersonId()), s));
        LocalDateTime expiry = day.plusDays(1).atStartOfDay();
        Map<Long, String> urls = new HashMap<>();
        inTraining.forEach(t -> issue(session, SignerKind.TRAINEE, t.getId(), t.fullName(), expiry, existing, urls));
        ofDossier.forEach(t -> issue(session, SignerKind.TRAINER, t.getId(), t.fullName(), expiry, existing, urls));
        signatures.flush();
        return view(session, signatures.findBySessionIdOrderBySignerKindAscSignerNameAsc(session.getId()), presentHalfDays(action, YearMonth.from(day)), urls);
    }

    /** Why this half-day cannot be opened to signatures, in French; empty when it can. */
    List<String> problemsOpening(TrainingAction action, NewSession request) {
        if (request == null || request.day() == null || request.half() == null) {
            return List.of("indiquez le jour (aaaa-mm-jj) et la demi-journée (AM pour le matin, PM pour l'après-midi).");
        }
        LocalDate day = request.day();
        LocalDate today = clock.today();
        List<String> problems = new ArrayList<>();
        if (day.isAfter(today)) {
            problems.add("le " + French.date(day) + " n'est pas encore arrivé : une session de signature s'ouvre le jour même.");
        } else if (day.isBefore(today)) {
            problems.add("le " + French.date(day) + " est passé : les liens de signature expirent le soir du jour signé, "
                    + "une session s'ouvre donc le jour même (saisissez les jours passés dans la feuille d'émargement).");
        }
        String notScheduled = sheets.schedule(action, holidaysAllowed(action)).whyNotScheduled(day);
        if (notScheduled != null) {
            problems.add(notScheduled + ".");
        }
        problems.addAll(MonthDeclarationRules.attendanceAllowed(action));
        YearMonth month = YearMonth.from(day);
        Optional<MonthlyDeclaration> declaration = declarations.findByActionIdAndMonth(action.getId(), month.toString());
        if (declaration.isEmpty()) {
            problems.add("aucune déclaration n'est ouverte pour " + French.month(month) + " : l'action n'est pas en cours d'exécution ce mois-là.");
        } else if (declaration.get().isConfirmed()) {
            problems.add("la déclaration de " + French.month(month) + " est confirmée : ses demi-journées ne peuvent plus être signées.");
        }
        return problems;
    }

    /** The sessions of the month, with who signed when (no links: they are shown once, when issued). */
    @Transactional(readOnly = true)
    public List<Session> sessions(TrainingAction action, YearMonth month) {
        List<SigningSession> ofMonth = sessions.findByActionIdAndDayBetweenOrderByDayAscHalfAsc(action.getId(), month.atDay(1), month.atEndOfMonth());
        Map<Long, List<ElectronicSignature>> rows = signatures.findBySessionIdIn(ofMonth.stream().map(SigningSession::getId).toList()).stream()
                .collect(Collectors.groupingBy(ElectronicSignature::getSessionId));
        Set<String> present = presentHalfDays(action, month);
        return ofMonth.stream().map(s -> view(s, rows.getOrDefault(s.getId(), List.of()).stream()
                .sorted(Comparator.comparing(ElectronicSignature::getSignerKind).thenComparing(ElectronicSignature::getSignerName)).toList(),
                present, Map.of())).toList();
    }

    /** The QR code (PNG) of a link of this dossier, for whoever holds the link: nothing for a token of another dossier. */
    @Transactional(readOnly = true)
    public byte[] qrCode(TrainingAction action, String token) {
        signatures.findByTokenHash(token == null ? "" : hash(token))
                .flatMap(link -> sessions.findById(link.getSessionId()))
                .filter(session -> session.getActionId().equals(action.getId()))
                .orElseThrow(() -> new NotFoundException("Ce lien de signature n'existe pas pour ce dossier."));
        return QrCode.png(url(token), 360);
    }

    // ------------------------------------------------------------------ the signer (no account)

    @Transactional(readOnly = true)
    public ToSign toSign(String token) {
        ElectronicSignature link = usable(signatures.findByTokenHash(hash(token)));
        SigningSession session = sessions.findById(link.getSessionId()).orElseThrow();
        TrainingAction action = dossiers.get(session.getActionId());
        return new ToSign(action.getContractNumber(), action.getTitle(), action.getOrganisation().getName(), session.getDay(),
                DAY.format(session.getDay()), session.getHalf(), halfLabel(session.getHalf()), link.getSignerKind(),
                link.getSignerKind().label(), link.getSignerName(), link.getExpiresAt());
    }

    /** Records the signature with its proof: when (the engine's clock), from which IP and browser, and the proof's SHA-256. */
    public Signed sign(String token, String ip, String userAgent) {
        ElectronicSignature link = usable(signatures.lockByTokenHash(hash(token)));
        SigningSession session = sessions.findById(link.getSessionId()).orElseThrow();
        LocalDateTime now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        String browser = userAgent == null ? null : printable(userAgent, 500);
        String address = ip == null ? "" : printable(ip, 64);
        link.sign(now, address, browser, proof(session.getActionId(), session.getDay(), session.getHalf(), link.getSignerKind(),
                link.getPersonId(), now, address));
        return new Signed(session.getActionId(), session.getId(), session.getDay(), session.getHalf(), link.getSignerName(), now,
                "Merci " + link.getSignerName() + " : votre présence du " + DAY.format(session.getDay()) + " ("
                        + halfLabel(session.getHalf()) + ") est signée à " + TIME.format(now) + ".");
    }

    /**
     * Writes to the month's half-day sheet, as present for the half-day's hours, each trainee of the session who signed
     * once a trainer has signed too; a half-day already present is left as it is. One signature at a time per month
     * (the month's declaration is locked). True when the sheet changed; refused (nothing written) by the sheet's rules.
     */
    public boolean recordAttended(long sessionId) {
        SigningSession session = sessions.lock(sessionId).orElseThrow();
        List<ElectronicSignature> signed = signatures.findBySessionIdOrderBySignerKindAscSignerNameAsc(sessionId).stream()
                .filter(ElectronicSignature::isSigned).toList();
        Optional<ElectronicSignature> trainer = signed.stream().filter(s -> s.getSignerKind() == SignerKind.TRAINER)
                .min(Comparator.comparing(ElectronicSignature::getSignedAt));
        List<Long> signedTrainees = signed.stream().filter(s -> s.getSignerKind() == SignerKind.TRAINEE).map(ElectronicSignature::getPersonId).toList();
        if (trainer.isEmpty() || signedTrainees.isEmpty()) {
            return false;
        }
        TrainingAction action = dossiers.get(session.getActionId());
        YearMonth month = YearMonth.from(session.getDay());
        declarations.lockMonth(action.getId(), month.toString());
        Map<String, HalfDayEntry> entries = new LinkedHashMap<>();
        sheets.of(action, month).forEach(h -> entries.put(halfDayKey(h.getTraineeId(), h.getDay(), h.getHalf()),
                new HalfDayEntry(h.getTraineeId(), h.getDay(), h.getHalf(), h.getStatus(), h.getHours(), h.getTrainerId())));
        boolean changed = false;
        for (Long traineeId : signedTrainees) {
            String key = halfDayKey(traineeId, session.getDay(), session.getHalf());
            HalfDayEntry current = entries.get(key);
            if (current == null || current.status() != HalfDayAttendance.Status.PRESENT) {
                entries.put(key, new HalfDayEntry(traineeId, session.getDay(), session.getHalf(), HalfDayAttendance.Status.PRESENT,
                        halfDayHours(), trainer.get().getPersonId()));
                changed = true;
            }
        }
        if (changed) {
            sheets.record(action, month, new ArrayList<>(entries.values()), holidaysAllowed(action));
        }
        return changed;
    }

    // ------------------------------------------------------------------ the proof, for the compliance check and the sheet PDF

    /**
     * Each trainee's hours of the month's half-days signed electronically by the trainee and by a trainer (the schedule's
     * hours of each half-day); trainees without such a half-day are not in the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> signedHours(TrainingAction action, YearMonth month) {
        return signedHours(action, month, month).getOrDefault(month, Map.of());
    }

    /** {@link #signedHours(TrainingAction, YearMonth)} of every month from first to last, in two queries. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Map<Long, BigDecimal>> signedHours(TrainingAction action, YearMonth first, YearMonth last) {
        Map<YearMonth, Map<Long, BigDecimal>> hours = new LinkedHashMap<>();
        signedHalfDays(action, first.atDay(1), last.atEndOfMonth()).stream().filter(SignedHalfDay::complete)
                .forEach(h -> hours.computeIfAbsent(YearMonth.from(h.day()), m -> new LinkedHashMap<>())
                        .merge(h.traineeId(), halfDayHours(), BigDecimal::add));
        return hours;
    }

    /** Every half-day of the month a trainee signed electronically, in order, with the first trainer's signature of it. */
    @Transactional(readOnly = true)
    public List<SignedHalfDay> signedHalfDays(TrainingAction action, YearMonth month) {
        return signedHalfDays(action, month.atDay(1), month.atEndOfMonth());
    }

    private List<SignedHalfDay> signedHalfDays(TrainingAction action, LocalDate from, LocalDate to) {
        List<SigningSession> ofMonth = sessions.findByActionIdAndDayBetweenOrderByDayAscHalfAsc(action.getId(), from, to);
        Map<Long, List<ElectronicSignature>> bySession = signatures.findBySessionIdIn(ofMonth.stream().map(SigningSession::getId).toList())
                .stream().filter(ElectronicSignature::isSigned).collect(Collectors.groupingBy(ElectronicSignature::getSessionId));
        List<SignedHalfDay> halfDays = new ArrayList<>();
        for (SigningSession session : ofMonth) {
            List<ElectronicSignature> signed = bySession.getOrDefault(session.getId(), List.of());
            Optional<ElectronicSignature> trainer = signed.stream().filter(s -> s.getSignerKind() == SignerKind.TRAINER)
                    .min(Comparator.comparing(ElectronicSignature::getSignedAt));
            signed.stream().filter(s -> s.getSignerKind() == SignerKind.TRAINEE).sorted(Comparator.comparing(ElectronicSignature::getPersonId))
                    .forEach(s -> halfDays.add(new SignedHalfDay(s.getPersonId(), session.getDay(), session.getHalf(), s.getSignedAt(),
                            trainer.map(ElectronicSignature::getPersonId).orElse(null), trainer.map(ElectronicSignature::getSignerName).orElse(null),
                            trainer.map(ElectronicSignature::getSignedAt).orElse(null))));
        }
        return halfDays;
    }

    /** The SHA-256 (hex) kept as the signature's proof, over the dossier, the half-day, the signer, the time and the IP. */
    public static String proof(long actionId, LocalDate day, Schedule.Half half, SignerKind kind, long personId, LocalDateTime signedAt,
                               String ip) {
        return hash(String.join("|", "dossier=" + actionId, "day=" + day, "half=" + half, "signer=" + kind + ":" + personId,
                "signedAt=" + PROOF_TIME.format(signedAt), "ip=" + ip));
    }

    public static String halfLabel(Schedule.Half half) {
        return half == Schedule.Half.AM ? "matin" : "après-midi";
    }

    /** The hours a signed half-day counts: the schedule's standard half-day. */
    static BigDecimal halfDayHours() {
        return Schedule.STANDARD_HALF_DAY_HOURS;
    }

    // ------------------------------------------------------------------ helpers

    private void issue(SigningSession session, SignerKind kind, Long personId, String name, LocalDateTime expiry,
                       Map<String, ElectronicSignature> existing, Map<Long, String> urls) {
        ElectronicSignature row = existing.get(key(kind, personId));
        if (row != null && row.isSigned()) {
            return;
        }
        String token = SingleUseTokens.newToken();
        if (row == null) {
            row = signatures.save(new ElectronicSignature(session.getId(), kind, personId, name, hash(token), expiry));
        } else {
            row.renew(hash(token), expiry);
        }
        urls.put(row.getId(), url(token));
    }

    private Session view(SigningSession session, List<ElectronicSignature> rows, Set<String> present, Map<Long, String> urls) {
        LocalDateTime now = clock.now();
        boolean trainerSigned = rows.stream().anyMatch(s -> s.getSignerKind() == SignerKind.TRAINER && s.isSigned());
        List<Signer> signers = rows.stream().map(s -> new Signer(s.getId(), s.getSignerKind(), s.getSignerKind().label(), s.getPersonId(),
                s.getSignerName(), s.getExpiresAt(), s.getSignedAt(), s.getIpAddress(), s.getUserAgent(), s.getProofHash(),
                status(s, now), s.getSignerKind() == SignerKind.TRAINEE
                        ? s.isSigned() && trainerSigned && present.contains(halfDayKey(s.getPersonId(), session.getDay(), session.getHalf()))
                        : null,
                urls.get(s.getId()))).toList();
        return new Session(session.getId(), session.getDay(), session.getHalf(), halfLabel(session.getHalf()), session.getOpenedAt(),
                session.getOpenedBy(), signers);
    }

    /** The half-days the month's sheet has each trainee present on. */
    private Set<String> presentHalfDays(TrainingAction action, YearMonth month) {
        return sheets.of(action, month).stream().filter(h -> h.getStatus() == HalfDayAttendance.Status.PRESENT)
                .map(h -> halfDayKey(h.getTraineeId(), h.getDay(), h.getHalf())).collect(Collectors.toSet());
    }

    private static String status(ElectronicSignature s, LocalDateTime now) {
        if (s.isSigned()) {
            return "Signé le " + French.date(s.getSignedAt().toLocalDate()) + " à " + TIME.format(s.getSignedAt());
        }
        return s.isExpiredAt(now) ? "Non signé (lien expiré)" : "En attente de signature";
    }

    private ElectronicSignature usable(Optional<ElectronicSignature> link) {
        ElectronicSignature found = link.orElseThrow(() -> new NotFoundException(
                "Ce lien de signature n'existe pas : vérifiez qu'il est complet, ou demandez un nouveau lien à votre organisme de formation."));
        if (found.isSigned()) {
            throw new UnusableLinkException(false);
        }
        if (found.isExpiredAt(clock.now())) {
            throw new UnusableLinkException(true);
        }
        return found;
    }

    private List<Trainer> trainersOf(TrainingAction action) {
        List<Long> ids = action.getTrainers().stream().map(TrainerAssignment::trainerId).filter(Objects::nonNull).distinct().toList();
        return trainers.findAllById(ids).stream().sorted(Comparator.comparing(Trainer::getLastName).thenComparing(Trainer::getFirstName)).toList();
    }

    private boolean holidaysAllowed(TrainingAction action) {
        FunderRules rules = dossiers.rulesOf(action);
        return rules != null && rules.holidayAttendanceAllowed();
    }

    private static boolean inTraining(Trainee t, LocalDate day) {
        return t.getEntryDate() != null && !t.getEntryDate().isAfter(day) && (t.getExitDate() == null || !t.getExitDate().isBefore(day));
    }

    private String url(String token) {
        return publicUrl + "/signer.html?t=" + token;
    }

    /** Header values as kept: no control characters (PostgreSQL refuses NUL), at most so many characters. */
    private static String printable(String value, int max) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.substring(0, Math.min(clean.length(), max));
    }

    private static String key(SignerKind kind, Long personId) {
        return kind + ":" + personId;
    }

    private static String halfDayKey(Long traineeId, LocalDate day, Schedule.Half half) {
        return traineeId + ":" + day + ":" + half;
    }

    static String hash(String text) {
        return SingleUseTokens.hash(text);
    }
}
