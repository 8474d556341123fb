package fr.formaflow.process.monitoring;

import fr.formaflow.dossier.DossierService;
import fr.formaflow.invoicing.InvoiceRepository;
import fr.formaflow.invoicing.InvoiceStatus;
import fr.formaflow.security.AsSystem;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Formaflow's figures for Prometheus (/actuator/prometheus), read from the engine's history and the domain tables at
 * each scrape, so that every node of a cluster reports the same totals: dossiers started, tasks completed, invoice
 * totals by status, open incidents. The engine's counts run without the operator's authorizations: the endpoint is the
 * operators' alone ({@code MetricsAccess}), and checking each of 2.4 million finished tasks against the operator's grants
 * made a scrape take 30 s at 100 000 dossiers. The history's two are native counts over the engine's indexes on the
 * definition key and the end time: Camunda's own queries count distinct ids, which PostgreSQL cannot take from an index
 * (3.4 s for the finished tasks at 100 000 dossiers).
 */
@Component
public class FormaflowMetrics implements MeterBinder {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final InvoiceRepository invoices;
    private final AsSystem asSystem;
    private final String processInstances;
    private final String tasks;

    public FormaflowMetrics(HistoryService history, RuntimeService runtime, ManagementService management, InvoiceRepository invoices,
                            AsSystem asSystem) {
        this.history = history;
        this.runtime = runtime;
        this.invoices = invoices;
        this.asSystem = asSystem;
        this.processInstances = management.getTableName(HistoricProcessInstance.class);
        this.tasks = management.getTableName(HistoricTaskInstance.class);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("formaflow.dossiers.started", history,
                        h -> h.createNativeHistoricProcessInstanceQuery()
                                .sql("select count(*) from " + processInstances + " where PROC_DEF_KEY_ = #{key}")
                                .parameter("key", DossierService.PROCESS_KEY).count())
                .description("Dossiers started (training-dossier process instances)").register(registry);
        FunctionCounter.builder("formaflow.tasks.completed", history,
                        h -> h.createNativeHistoricTaskInstanceQuery().sql("select count(*) from " + tasks + " where END_TIME_ is not null").count())
                .description("User tasks completed").register(registry);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            // in cents, as stored: a whole number is exact in the double that Micrometer's gauges take, a sum in euros is not
            Gauge.builder("formaflow.invoices.net", invoices, r -> r.sumNetCentsWithoutCreditNotes(status)).tag("status", status.name())
                    .baseUnit("cents").description("Invoices (credit notes excluded), net of VAT, by status, in cents").register(registry);
        }
        Gauge.builder("formaflow.incidents.open", runtime, r -> asSystem.call(() -> r.createIncidentQuery().count()))
                .description("Open incidents (failed jobs) of every process").register(registry);
    }
}
