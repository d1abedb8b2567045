// A portal module that calls into the API package at run time instead of through the load context.

import type { ApiCaller } from "@ketenportaal/api";
import { seedDemoRegion } from "@ketenportaal/api";
import { SESSION_COOKIE_NAME } from "@ketenportaal/api/session-cookie";

export const probe: [typeof seedDemoRegion, ApiCaller | null, string] = [seedDemoRegion, null, SESSION_COOKIE_NAME];
