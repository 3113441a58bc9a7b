// Whether a target is inside a maintenance window at a moment: its alerts then open no incident.
export { isTargetUnderMaintenance as isUnderMaintenance, maintenanceChecker } from "./maintenance";
