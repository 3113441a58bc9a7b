// What the incident editor offers: the incident types and the active users who can be commander.
import { db } from "@/lib/db";
import { getIncidentTypes } from "../types";

export async function getEditorOptions() {
  const [types, users] = await Promise.all([
    getIncidentTypes(),
    db.user.findMany({
      where: { active: true },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  return {
    types: types.map((t) => ({ key: t.key, label: t.label })),
    users: users.map((u) => ({ id: u.id, name: u.displayName })),
  };
}
