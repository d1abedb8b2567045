// A domain module doing I/O: the boundary rules must refuse it (see tests/boundaries).
import { readFileSync } from "node:fs";

export const probe = readFileSync;
