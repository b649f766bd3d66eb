// A real Prometheus (Debian's package) scrapes a running instance on its
// metrics port; after a storm of bookings on a few seats its query API
// returns exactly as many booked attempts as there were 201s, and as many
// conflicts as 409s — and none before the storm (the control).
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { freePort, startApp, waitForPort } from "./support/processes.ts";
import { skipUnless } from "./support/services.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { seatIdsOf } from "./support/booking_api.ts";

const PROMETHEUS = "/usr/bin/prometheus";

function installed(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

const ignore = skipUnless(`Prometheus (${PROMETHEUS})`, installed(PROMETHEUS));

interface Prometheus {
  url: string;
  stop(): Promise<void>;
}

async function startPrometheus(target: string): Promise<Prometheus> {
  const dir = await Deno.makeTempDir({ prefix: "busbook-prometheus-" });
  const port = freePort();
  await Deno.writeTextFile(
    `${dir}/prometheus.yml`,
    [
      "global:",
      "  scrape_interval: 1s",
      "  scrape_timeout: 1s",
      "scrape_configs:",
      "  - job_name: busbook",
      "    static_configs:",
      `      - targets: ["${target}"]`,
      "",
    ].join("\n"),
  );
  const child = new Deno.Command(PROMETHEUS, {
    args: [
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/data`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // already gone
    }
    await child.status;
    await Deno.remove(dir, { recursive: true });
  };
  try {
    await waitForPort(port, true);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${url}/-/ready`).catch(() => undefined);
      await res?.body?.cancel();
      if (res?.ok) return { url, stop };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("Prometheus was not ready in 30 s");
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The value of an instant query that yields one number, or undefined. */
async function query(prometheus: Prometheus, promql: string) {
  const res = await fetch(
    `${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`,
  );
  const body = await res.json();
  assert.equal(body.status, "success", JSON.stringify(body));
  const [sample] = body.data.result as { value: [number, string] }[];
  return sample === undefined ? undefined : Number(sample.value[1]);
}

/** Polls a query until it equals `expected` (bounded: a few scrapes). */
async function untilEquals(
  prometheus: Prometheus,
  promql: string,
  expected: number,
): Promise<number | undefined> {
  const deadline = Date.now() + 20_000;
  let value = await query(prometheus, promql);
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await query(prometheus, promql);
  }
  return value;
}

dbTest(
  "Prometheus scrapes the metrics port: its booking counter matches the 201s of a booking storm",
  async () => {
    const metricsPort = freePort();
    const app = await startApp({
      METRICS_PORT: String(metricsPort),
      METRICS_HOSTNAME: "127.0.0.1",
    });
    const prometheus = await startPrometheus(`127.0.0.1:${metricsPort}`);
    try {
      const booked =
        'sum(busbook_bookings_total{kind="book",outcome="booked"})';
      const conflicts =
        'sum(busbook_bookings_total{kind="book",outcome="conflict"})';
      assert.equal(
        await untilEquals(prometheus, 'up{job="busbook"}', 1),
        1,
        "Prometheus scrapes the instance",
      );
      assert.equal(
        await query(prometheus, booked) ?? 0,
        0,
        "control: nothing booked before the storm",
      );

      const trip = await createTestTrip({ totalSeats: 8 });
      const seats = await seatIdsOf(trip.id);
      const users = await Promise.all(
        Array.from({ length: 40 }, () => createTestUser()),
      );
      const statuses = await Promise.all(users.map(async (user, i) => {
        const res = await fetch(`${app.url}/api/bookings`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${user.token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            tripId: trip.id,
            seatIds: [seats[i % seats.length]],
          }),
        });
        await res.body?.cancel();
        return res.status;
      }));
      const created = statuses.filter((s) => s === 201).length;
      const refused = statuses.filter((s) => s === 409).length;
      assert.equal(created, seats.length, "one winner per seat");
      assert.equal(created + refused, users.length, `statuses: ${statuses}`);

      assert.equal(await untilEquals(prometheus, booked, created), created);
      assert.equal(await untilEquals(prometheus, conflicts, refused), refused);
      const requests = await untilEquals(
        prometheus,
        'sum(busbook_http_requests_total{route="/api/bookings",method="POST",status="201"})',
        created,
      );
      assert.equal(requests, created, "requests by route pattern and status");
    } finally {
      await prometheus.stop();
      await app.stop();
    }
  },
  { ignore },
);
