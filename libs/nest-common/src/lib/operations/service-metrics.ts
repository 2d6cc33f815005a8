import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Pool } from 'pg';

/**
 * Prometheus metrics of one service process: RPC outcomes and latency, inbound message
 * outcomes, timers, and — read from the database at scrape time — how far each processor is
 * behind the log, dead letters, and overdue timers. One registry per instance (tests run
 * several services in one process).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly rpcDuration: Histogram<'subject' | 'outcome'>;
  readonly consumed: Counter<'consumer' | 'outcome'>;
  readonly consumedBatch: Histogram<'consumer'>;
  readonly timers: Counter<'kind' | 'outcome'>;

  constructor(service: string, pool: () => Pool | undefined) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.rpcDuration = new Histogram({
      name: 'cs_rpc_duration_seconds',
      help: 'RPC handling time by subject and outcome (ok or error kind)',
      labelNames: ['subject', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.consumed = new Counter({
      name: 'cs_inbound_messages_total',
      help: 'Messages from other services by consumer and outcome (applied, duplicate, retried, dead_lettered)',
      labelNames: ['consumer', 'outcome'],
      registers: [this.registry],
    });
    this.consumedBatch = new Histogram({
      name: 'cs_inbound_batch_size',
      help: 'Messages from other services applied per transaction, by consumer',
      labelNames: ['consumer'],
      buckets: [1, 2, 4, 8, 16, 32],
      registers: [this.registry],
    });
    this.timers = new Counter({
      name: 'cs_timers_total',
      help: 'Durable timers tried, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers: [this.registry],
    });
    const processorLag = new Gauge({
      name: 'cs_processor_lag_events',
      help: 'Events in the log not yet processed, per processor (projections, relay, schedulers)',
      labelNames: ['processor'],
      registers: [this.registry],
      async collect() {
        const db = pool();
        if (!db) return;
        const { rows } = await db.query<{ processor_id: string; lag: string }>(
          `select p.processor_id,
                  (select count(*) from es_events e
                    where (e.transaction_id, e.global_position) > (p.last_transaction_id, p.last_global_position)) as lag
             from es_checkpoints p`,
        );
        processorLag.reset();
        for (const row of rows) processorLag.set({ processor: row.processor_id }, Number(row.lag));
      },
    });
    const deadLetters = new Gauge({
      name: 'cs_dead_letters',
      help: 'Messages parked in the dead-letter table, per consumer',
      labelNames: ['consumer'],
      registers: [this.registry],
      async collect() {
        const db = pool();
        if (!db) return;
        const { rows } = await db.query<{ consumer_id: string; n: string }>('select consumer_id, count(*) as n from es_dead_letters group by consumer_id');
        deadLetters.reset();
        for (const row of rows) deadLetters.set({ consumer: row.consumer_id }, Number(row.n));
      },
    });
    const overdue = new Gauge({
      name: 'cs_timers_overdue',
      help: 'Timers past their due instant by more than a minute and not fired (should stay 0)',
      registers: [this.registry],
      async collect() {
        const db = pool();
        if (!db) return;
        const { rows } = await db.query<{ n: string }>(
          "select count(*) as n from es_timers where fired_at is null and cancelled_at is null and due_at < now() - interval '1 minute'",
        );
        overdue.set(Number(rows[0].n));
      },
    });
  }
}
