import type { AuthedContext } from "../../context";
import { loadOpenTrajectoryFor } from "./manage-conditions";
import { addTimeline, auditVv } from "./vv-support";

/** A note on the shared timeline, by either organisation, under the author's name and organisation. */
export async function addTimelineEntry(options: { ctx: AuthedContext; input: { trajectoryId: string; text: string } }) {
  const { ctx, input } = options;
  const { trajectory, person } = await loadOpenTrajectoryFor(ctx, input.trajectoryId);
  const entry = await addTimeline(ctx, { trajectoryId: trajectory.id, kind: "note", text: input.text, author: person });
  await auditVv(ctx, {
    action: "create",
    objectType: "vv_timeline_entry",
    objectId: String(entry.id),
    caseId: trajectory.caseId,
  });
  return { id: entry.id, trajectoryId: trajectory.id };
}
