export const SESSION_COOKIE = "steward_session";
