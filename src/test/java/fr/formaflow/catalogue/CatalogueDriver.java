package fr.formaflow.catalogue;

import fr.formaflow.dossier.TrainingAction;
import fr.formaflow.support.DossierDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/** Drives offers as their users would: funded dossiers, the two offer forms, the timers of the catalogue's processes. */
class CatalogueDriver {

    final DossierDriver dossiers;
    private final ProcessEngine engine;
    private final TrainingOfferRepository offers;

    CatalogueDriver(ApplicationContext context) {
        this.dossiers = new DossierDriver(context);
        this.engine = context.getBean(ProcessEngine.class);
        this.offers = context.getBean(TrainingOfferRepository.class);
    }

    /** A Région dossier (January–February 2026) whose submission the funder validated: its offer is created. */
    TrainingAction fundedDossier() {
        TrainingAction action = dossiers.create(DossierDriver.ORGANISATION_USER, DossierDriver.REGION, "Accessoiriste");
        dossiers.complete(DossierDriver.ORGANISATION_USER, action, "Task_SubmitDossier", DossierDriver.programme(3));
        dossiers.approve(action, "CallActivity_ValidateSubmission");
        return action;
    }

    TrainingOffer offerOf(TrainingAction action) {
        return offers.findByActionId(action.getId()).orElseThrow();
    }

    TrainingOffer reload(TrainingOffer offer) {
        return offers.findById(offer.getId()).orElseThrow();
    }

    ProcessInstance instance(TrainingOffer offer) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(offer.getProcessInstanceId()).singleResult();
    }

    Task task(TrainingOffer offer, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(offer.getProcessInstanceId()).taskDefinitionKey(key)
                .singleResult();
    }

    Map<String, Object> form(TrainingOffer offer, String key) {
        return engine.getTaskService().getVariablesLocal(task(offer, key).getId());
    }

    void submit(String userId, TrainingOffer offer, String key, Map<String, Object> values) {
        Task task = task(offer, key);
        dossiers.as(userId, () -> {
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    /** « Envoyer pour validation » with the pre-filled values, changed by these. */
    void sendForValidation(TrainingOffer offer, Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(form(offer, "Task_CompleteOffer"));
        values.putAll(changes);
        submit(DossierDriver.ORGANISATION_USER, offer, "Task_CompleteOffer", values);
    }

    void publish(TrainingOffer offer, String formacode) {
        submit(DossierDriver.FUNDER_USER, offer, "Task_ValidateOffer", Map.of("decision", "APPROVE", "formacode", formacode));
    }

    void sendBack(TrainingOffer offer, String reason) {
        submit(DossierDriver.FUNDER_USER, offer, "Task_ValidateOffer", Map.of("decision", "REJECT", "reason", reason));
    }

    /** Runs the jobs of this instance that are due at the engine's current time (timers and asynchronous steps). */
    void runDueJobs(String processInstanceId) {
        for (boolean any = true; any; ) {
            List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .duedateLowerThan(new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 1000)).list();
            List<Job> messages = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).messages().list();
            any = !jobs.isEmpty() || !messages.isEmpty();
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
            messages.stream().filter(m -> jobs.stream().noneMatch(j -> j.getId().equals(m.getId())))
                    .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
