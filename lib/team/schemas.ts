// STAND-IN until the team schedule lands on main (contract from the brief); replaced at merge.
export type TeamSchedule = {
  timeZone: string;
  workingDays: number[];
  workStart: string;
  workEnd: string;
  holidays: string[];
  businessHours: boolean;
};

export const DEFAULT_TEAM_SCHEDULE: TeamSchedule = {
  timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], workStart: "09:00", workEnd: "17:00", holidays: [], businessHours: false,
};
