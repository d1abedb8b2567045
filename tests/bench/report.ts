import { readFile, writeFile } from "node:fs/promises";
import type { BenchResult, Figure } from "./run-bench";

const mark = (figure: Figure) => (figure.met === null ? "—" : figure.met ? "yes" : "**no**");

function value(figure: Figure): string {
  return `${figure.value} ${figure.unit}`;
}

/** The figures as a Markdown table (also readable in a terminal). */
export function figuresTable(result: BenchResult): string {
  const lines = [
    "| figure | measured | compared with | ratio | target | met | load avg | notes |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const f of result.figures) {
    const baseline = f.baseline ? `${f.baseline.name}: ${f.baseline.value} ${f.baseline.unit}` : "—";
    lines.push(
      `| ${f.name} | ${value(f)} | ${baseline} | ${f.ratio ?? "—"} | ${f.target} | ${mark(f)} | ${f.loadAverage} | ${f.note ?? ""} |`,
    );
  }
  return lines.join("\n");
}

/** One run's section of docs/performance.md: machine, date, settings, generation speed, figures. */
export function resultSection(result: BenchResult): string {
  const m = result.machine;
  const o = result.options;
  const generation = result.generation
    .map(
      (g) =>
        `${g.handovers.toLocaleString("en")} handovers: ${g.totalRows.toLocaleString("en")} rows in ${g.seconds.toFixed(1)} s (${Math.round(g.rowsPerSecond).toLocaleString("en")} rows/s)`,
    )
    .join("; ");
  return [
    `### Run at size \`${o.size}\``,
    "",
    `${m.date.slice(0, 16).replace("T", " ")} UTC · ${m.cores} cores (${m.cpuModel}) · ${m.ramGiB} GiB RAM · PostgreSQL ${m.postgres} · Node ${m.node}`,
    "",
    `Settings: ${o.connections} connections/clients, ${o.durationSeconds} s per throughput run, ${o.rssSeconds} s of inbox load for RSS, ${o.acceptHttp} HTTP accepts and ${o.acceptPgbench} pgbench accepts, ${o.latencyRate} transitions/s for ${o.latencySeconds} s for the latency.`,
    "",
    `Generation: ${generation}.`,
    "",
    figuresTable(result),
    "",
  ].join("\n");
}

/**
 * Replaces (or appends) the section of this size between its markers in docs/performance.md; the hand-written
 * findings outside the markers stay as they are.
 */
export async function writeResultSection(path: string, result: BenchResult): Promise<void> {
  const start = `<!-- bench:${result.options.size}:start -->`;
  const end = `<!-- bench:${result.options.size}:end -->`;
  const section = `${start}\n${resultSection(result)}${end}`;
  let doc = await readFile(path, "utf8").catch(() => "# Performance\n\n## Results\n\n");
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from !== -1 && to > from) doc = doc.slice(0, from) + section + doc.slice(to + end.length);
  else {
    const anchor = "<!-- bench:results -->";
    doc = doc.includes(anchor) ? doc.replace(anchor, `${anchor}\n\n${section}`) : `${doc.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(path, doc);
}
