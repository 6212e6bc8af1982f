package org.foodrisk.topology;

import org.foodrisk.ingest.LogSafe;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Global-store processor for the plan-catalog topic: every instance reads every plan, keeps it
 * in the store and puts it in the in-memory catalog that routing uses. A plan that does not
 * parse is logged and skipped, leaving the previous version of that plan in force.
 */
final class PlanCatalogUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(PlanCatalogUpdater.class);

    private final PlanCatalog catalog;
    private KeyValueStore<String, byte[]> store;

    PlanCatalogUpdater(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StoreNames.PLAN_CATALOG);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            Plan plan = PlanCatalog.parse(record.value());
            if (!record.key().equals(plan.planId())) {
                LOG.warn("Plan-catalog record keyed {} holds plan {}; skipped", LogSafe.quote(record.key()), LogSafe.quote(plan.planId()));
                return;
            }
            store.put(record.key(), record.value());
            catalog.put(plan);
        } catch (IOException e) {
            LOG.warn("Plan-catalog record {} is not a valid plan; the previous version stays in force: {}",
                    LogSafe.quote(record.key()), LogSafe.quote(e.getMessage()));
        }
    }
}
