import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { productionServerForThisFile } from "../support/production-server";

const METRICS_TOKEN = "metrics-token-for-grafana-tests-01";
const server = productionServerForThisFile({ METRICS_TOKEN });

type Panel = { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string; datasource: { uid: string } }[] };
type Dashboard = { __inputs: { name: string; type: string; pluginId: string }[]; panels: Panel[] };

/** The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping labels and function calls are taken out. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(by|without)\s*\([^)]*\)/g, "");
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((match) => match[1]!);
}

describe("the Grafana dashboard (ops/grafana/museum-tickets.json)", () => {
  it("is importable with a Prometheus data source chosen at import, and queries only metrics the app's /metrics has", async () => {
    const dashboard = JSON.parse(await fs.readFile("ops/grafana/museum-tickets.json", "utf8")) as Dashboard;
    expect(dashboard.__inputs).toEqual([expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" })]);
    const queried = dashboard.panels.filter((panel) => panel.type !== "row");
    for (const panel of queried) {
      expect(panel.datasource?.uid, panel.title).toBe("${DS_PROMETHEUS}");
      for (const target of panel.targets ?? []) expect(target.datasource.uid, panel.title).toBe("${DS_PROMETHEUS}");
    }
    const names = new Set(queried.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricNames(target.expr))));
    // The funnel, the hold rush and the existing figures are all there.
    expect([...names]).toEqual(expect.arrayContaining(["funnel_events_total", "funnel_sign_in_to_first_cart_seconds_bucket", "holds_expired_total", "http_requests_total", "hold_drift_repairs_total", "outbox_dead_jobs"]));

    const scraped = await server.current.client().get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    const types = new Map([...scraped.text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
    const exists = (name: string) => types.has(name) || ["_bucket", "_count", "_sum"].some((suffix) => name.endsWith(suffix) && types.get(name.slice(0, -suffix.length)) === "histogram");
    expect([...names].filter((name) => !exists(name)), "metrics the dashboard queries that /metrics does not have").toEqual([]);
  });

  it("reads metric names out of PromQL", () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{route="/api/cart/items"}[1m])))')).toEqual(["http_request_duration_seconds_bucket"]);
    expect(metricNames('sum(increase(a_total{kind="x"}[$__range])) / sum(b_total) * 60')).toEqual(["a_total", "b_total"]);
  });
});
