// A portal module that reaches for the database: the boundary rules must refuse it (see tests/boundaries).
import { createDatabase } from "@ketenportaal/db";

export const probe = createDatabase;
