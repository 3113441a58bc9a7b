// Shared by the server view and the client rows: how many recent checks a target's timeline shows.
export const RECENT_CHECKS = 60;
export const RECENT_CHECKS_LABEL = `last ${RECENT_CHECKS} checks`;
