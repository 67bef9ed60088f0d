import client from "prom-client";
import { processSingleton } from "./shared";

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by route pattern, method and status.",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    holdDriftRepairs: new client.Counter({
      name: "hold_drift_repairs_total",
      help: "Slots whose held count disagreed with their live holds and was repaired (must stay 0).",
      registers: [registry],
    }),
    paymentRefunds: new client.Counter({
      name: "payment_refunds_total",
      help: "Captured payments refunded automatically instead of becoming tickets, by reason.",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    ticketRefunds: new client.Counter({
      name: "ticket_refunds_total",
      help: "Refunds staff made of tickets (a cancelled slot, the service desk) through the provider, by outcome: done, or failed (its job is dead; the payment needs a person).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    doorScans: new client.Counter({
      name: "door_scans_total",
      help: "Tickets scanned at the door, by source (online, or uploaded from an offline scanner) and result; conflict counts tickets admitted twice while offline.",
      labelNames: ["source", "result"] as const,
      registers: [registry],
    }),
    paymentsNeedingAttention: new client.Counter({
      name: "payments_needing_attention_total",
      help: "Captured payments a person must look at: unmatched (names no order here) or refund_failed (its refund job is dead).",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    outboxDeadJobs: new client.Gauge({
      name: "outbox_dead_jobs",
      help: "Outbox jobs (e-mails, refunds) that failed OUTBOX_MAX_ATTEMPTS times and are no longer tried, by kind (must stay 0).",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    backgroundJobsLeader: new client.Gauge({
      name: "background_jobs_leader",
      help: "1 while this process runs the background jobs for its database (one process at a time does).",
      registers: [registry],
    }),
    funnelEvents: new client.Counter({
      name: "funnel_events_total",
      help: "Steps of the booking funnel recorded by the domain verbs (as in the funnel_events table), by kind and outcome: cart_add's outcome is ok or the refusal's code, paid's is paid or late_paid.",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    signInToFirstCart: new client.Histogram({
      name: "funnel_sign_in_to_first_cart_seconds",
      help: "Time from a sign-in to that user's first successful add to cart after it (session establishment).",
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 1800, 3600],
      registers: [registry],
    }),
    holdsExpired: new client.Counter({
      name: "holds_expired_total",
      help: "Cart lines whose hold ran out, released by the sweeper (funnel_events also has those a visitor's own request found expired first).",
      registers: [registry],
    }),
    databaseClockOffset: new client.Gauge({
      name: "database_clock_offset_seconds",
      help: "The database's clock minus this host's; the app reads the database's time.",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

export function metrics(): Metrics {
  return processSingleton("metrics", create);
}
