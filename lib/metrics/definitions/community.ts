// Community KPIs: stars, forks and new contributors.
import { type KpiSpec } from "./shared";

export const COMMUNITY_SPECS: KpiSpec[] = [
  {
    id: "community.stars",
    label: "Stars",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Stars at the end of the window: the last daily snapshot taken before the end (summed over the selected repositories).",
  },
  {
    id: "community.forks",
    label: "Forks",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Forks at the end of the window: the last daily snapshot taken before the end (summed over the selected repositories).",
  },
  {
    id: "community.stars.change",
    label: "Stars gained",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Stars at the end − stars at the start of the window (last daily snapshots before each); no value without both.",
  },
  {
    id: "community.forks.change",
    label: "Forks gained",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Forks at the end − forks at the start of the window (last daily snapshots before each); no value without both.",
  },
  {
    id: "community.new_contributors",
    label: "New contributors",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "People (not bots or deleted accounts) whose first merged pull request in the selected repositories was merged in the window.",
  },
];
