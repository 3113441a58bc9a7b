// Seeds the demo's incidents (scripts/demo/incident-fixtures.ts) once per data directory.
import { DEMO_INCIDENTS, MIN } from "./incident-fixtures";
import { waitForDatabase } from "./wait-for-database";

export async function seedIncidentsDemo(now = new Date()): Promise<void> {
  const db = await waitForDatabase((db) => db.$queryRaw`SELECT 1 FROM "Incident" LIMIT 1`);
  // Seeded once per data directory. Incidents the demo's own services or P0 issues open may come first,
  // so look for the seeded ones by title rather than for any incident.
  if ((await db.incident.count({ where: { title: { in: DEMO_INCIDENTS.map((d) => d.title) } } })) > 0) return;
  const { getIncidentTypes } = await import("@/lib/incidents/types");
  await getIncidentTypes();
  for (const d of DEMO_INCIDENTS) {
    const started = new Date(
      now.getTime() - d.daysAgo * 24 * 60 * MIN - (d.daysAgo === 0 ? 26 * MIN : 0) - 2 * 60 * MIN * (d.daysAgo % 3),
    );
    const at = (m: number | null) => (m === null ? null : new Date(started.getTime() + m * MIN));
    await db.incident.create({
      data: {
        title: d.title,
        typeKey: d.type,
        severity: d.severity,
        status: d.status,
        public: d.isPublic,
        commanderName: d.commander,
        startedAt: started,
        detectedAt: started,
        acknowledgedAt: at(d.ack),
        acknowledgedByName: d.ack === null ? null : d.commander.split(" ")[0]!.toLowerCase(),
        mitigatedAt: at(d.mitigated),
        resolvedAt: at(d.resolved),
        postmortem: d.postmortem,
        repositories: ["acme/widgets"],
        responseBreachedAt: d.type === "critical-bug" ? at(60) : null,
        events: {
          create: d.steps.map((s) => ({
            kind: s.kind,
            source: s.source,
            body: s.body,
            status: s.status,
            public: s.public ?? false,
            actorName: s.actor ?? null,
            at: at(s.after)!,
          })),
        },
      },
    });
  }
  console.log(`demo: ${DEMO_INCIDENTS.length} incidents (1 in progress)`);
}
