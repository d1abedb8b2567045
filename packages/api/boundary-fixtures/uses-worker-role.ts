// Deliberate violation for tests/boundaries: API code outside the background services reaching the worker role.
import { withSystemTask } from "@ketenportaal/db/system";

export const reachesWorkerRole = withSystemTask;
