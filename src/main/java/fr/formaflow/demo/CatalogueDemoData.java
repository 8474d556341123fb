package fr.formaflow.demo;

import fr.formaflow.catalogue.Revalidations;
import fr.formaflow.catalogue.TrainingOffer;
import fr.formaflow.catalogue.TrainingOfferRepository;
import fr.formaflow.catalogue.TrainingPotential;
import fr.formaflow.dossier.DossierService;
import fr.formaflow.dossier.NewDossiers;
import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.platform.Clock;
import fr.formaflow.process.StepProperties;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo offers, after the demo organisations and users ({@link DemoData}): three Région dossiers of Scènes et Formations
 * submitted and validated as their users would, so that each offer is created from its dossier. One is published,
 * one waits for Claire Fabre's validation in Tasklist (draft → published), one started ten days ago and leaves the
 * catalogue as soon as its J + 8 timer runs (published → withdrawn). Loaded once.
 */
@Component
@ConditionalOnProperty(name = "formaflow.demo-data", havingValue = "true")
public class CatalogueDemoData {

    private static final Logger log = LoggerFactory.getLogger(CatalogueDemoData.class);
    private static final String ORGANISATION_USER = "marie.durand";
    private static final String VALIDATOR = "claire.fabre";

    private final ProcessEngine engine;
    private final DossierService dossiers;
    private final NewDossiers newDossiers;
    private final TrainingOfferRepository offers;
    private final Revalidations revalidations;
    private final Clock clock;
    private final boolean withDossiers;

    public CatalogueDemoData(ProcessEngine engine, DossierService dossiers, NewDossiers newDossiers, TrainingOfferRepository offers, Revalidations revalidations,
                             Clock clock, @Value("${formaflow.demo.dossiers:true}") boolean withDossiers) {
        this.engine = engine;
        this.dossiers = dossiers;
        this.newDossiers = newDossiers;
        this.offers = offers;
        this.revalidations = revalidations;
        this.clock = clock;
        this.withDossiers = withDossiers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void load() {
        if (withDossiers && offers.count() == 0) {
            loadOffers();
        }
    }

    /** The three demo offers; returns them: published, awaiting validation, past its start. */
    public List<TrainingOffer> loadOffers() {
        LocalDate nextMonday = clock.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        TrainingOffer published = offer("Régisseur lumière de spectacle", "Régie lumière : implantation, conduite et maintenance"
                + " des projecteurs d'un spectacle vivant.", nextMonday.plusWeeks(4));
        sendForValidation(published);
        as(VALIDATOR, () -> complete(published, "Task_ValidateOffer", Map.of("decision", "APPROVE", "formacode", "45054")));

        TrainingOffer awaitingValidation = offer("Accessoiriste de spectacle", "Fabrication et régie des accessoires de scène.",
                nextMonday.plusWeeks(6));
        sendForValidation(awaitingValidation);

        // its action started ten days ago, and its session with it (a session is on its dossier's dates): once published,
        // its J + 8 timer is due at once
        LocalDate startedOn = clock.today().minusDays(10);
        TrainingOffer started = offer("Machiniste de théâtre", "Montage, démontage et manœuvre des décors de théâtre.", startedOn);
        as(ORGANISATION_USER, () -> complete(started, "Task_CompleteOffer",
                Map.of("startDate", startedOn.toString(), "endDate", startedOn.plusDays(53).toString())));
        as(VALIDATOR, () -> complete(started, "Task_ValidateOffer", Map.of("decision", "APPROVE", "formacode", "45064")));
        // the organisation's « potentiel de formation », sent with its offers in the LHÉO feed
        revalidations.savePotential(published.getOrganisation(), new TrainingPotential(
                "Centre de formation aux métiers techniques du spectacle vivant : régie, machinerie, accessoires.",
                List.of("45054", "45065", "45064"), "Théâtre de Clermont-l'Hérault (plateau et ateliers), 34800 Clermont-l'Hérault",
                "Locaux de plain-pied et plateau accessible ; référente handicap : Marie Durand.", "Marie Durand", "04 67 96 00 00",
                "contact@scenes-formations.fr", 6));
        log.info("Catalogue de démonstration : 3 offres (publiée, en attente de validation, session commencée)");
        return List.of(published, awaitingValidation, started);
    }

    /** A dossier submitted by Marie Durand and validated by Claire Fabre: the validation creates its offer. */
    private TrainingOffer offer(String title, String objectives, LocalDate start) {
        TrainingAction action = as(ORGANISATION_USER, () -> newDossiers.create(new NewDossiers.NewDossier(DemoData.REGION, null, title, null)));
        String businessKey = action.getContractNumber();
        as(ORGANISATION_USER, () -> completeDossierTask(businessKey, "Task_SubmitDossier", programme(title, objectives, start)));
        as(VALIDATOR, () -> completeDossierTask(businessKey, "CallActivity_ValidateSubmission", Map.of("decision", "APPROVE")));
        return offers.findByActionId(action.getId()).orElseThrow();
    }

    private void sendForValidation(TrainingOffer offer) {
        as(ORGANISATION_USER, () -> complete(offer, "Task_CompleteOffer", Map.of()));
    }

    private Void complete(TrainingOffer offer, String taskKey, Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(offer.getProcessInstanceId()).taskDefinitionKey(taskKey)
                .singleResult();
        engine.getFormService().submitTaskForm(task.getId(), values);
        return null;
    }

    private Void completeDossierTask(String businessKey, String taskKey, Map<String, Object> values) {
        Task task = StepProperties.openTasks(engine, businessKey, taskKey).get(0);
        engine.getFormService().submitTaskForm(task.getId(), values);
        return null;
    }

    /** An eight-week collective action: six weeks in the centre, two in the company, 12 trainees. */
    private static Map<String, Object> programme(String title, String objectives, LocalDate start) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", title);
        v.put("objectives", objectives);
        v.put("content", "Module 1 : techniques de base (70 h). Module 2 : mise en situation sur un spectacle (70 h).");
        v.put("formacode", "45054");
        v.put("nature", "ACTION_DE_FORMATION");
        v.put("collective", "true");
        v.put("hoursCentre", 140);
        v.put("hoursCompany", 70);
        v.put("plannedStart", start.toString());
        v.put("plannedEnd", start.plusDays(53).toString());
        v.put("location", "Clermont-l'Hérault");
        v.put("totalTrainees", 12);
        v.put("paidTrainees", 10);
        v.put("priceCentreEuros", "11760,00");
        v.put("priceCompanyEuros", "840,00");
        v.put("unitCostCentreEuros", "7,00");
        v.put("unitCostCompanyEuros", "1,00");
        v.put("periods", json("[{\"place\":\"CENTRE\",\"start\":\"" + start + "\",\"end\":\"" + start.plusDays(39) + "\"},"
                + "{\"place\":\"COMPANY\",\"start\":\"" + start.plusDays(42) + "\",\"end\":\"" + start.plusDays(53) + "\"}]"));
        v.put("clients", json("[{\"name\":\"Théâtre des Treize Vents\",\"siret\":\"77566820500013\","
                + "\"address\":\"Domaine de Grammont, 34000 Montpellier\",\"email\":\"formation@13vents.fr\"}]"));
        v.put("subcontractors", json("[]"));
        v.put("trainers", json("[{\"lastName\":\"Rocher\",\"firstName\":\"Yves\",\"domain\":\"Technique du spectacle\","
                + "\"status\":\"CDD\",\"hours\":210,\"experience\":\"Régisseur général depuis 12 ans\"}]"));
        return v;
    }

    private static Object json(String text) {
        return SpinValues.jsonValue(text).create();
    }

    private <T> T as(String userId, Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
