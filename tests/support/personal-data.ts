/** A household member as the portal stores them: the personal data that must never leave it. */
export type InvolvedPerson = { name: string; birthYear: number | null };

export type PersonalDataFinding = { kind: "name" | "name part" | "birth year"; value: string; where: string };

/** Dutch (and common) surname particles: never a name on their own. */
const PARTICLES = new Set([
  "de",
  "den",
  "der",
  "het",
  "'t",
  "ter",
  "ten",
  "te",
  "van",
  "von",
  "op",
  "in",
  "la",
  "le",
  "el",
]);
const WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const WORD_AFTER = "(?![\\p{L}\\p{N}])";
const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

/**
 * Things that hold four digits without being a birth year, removed before years are looked for: UUIDs (a group can
 * be all digits), ISO dates and times, and dates written out in Dutch ("3 december 2026") — a deadline's year may
 * equal a child's birth year. Identifiers the caller knows (case references like VT-2026-0102) go too.
 */
const NOT_A_YEAR = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  new RegExp(`\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}`, "gi"),
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * A scanner for one set of household members. It finds, case-insensitively and as whole words, each full name and
 * each part of a name (particles aside, and parts that are also `publicWords`: the names of professionals,
 * organisations, teams and places, which legitimately appear), and each birth year as a number of its own.
 * Text is scanned as given and with HTML entities decoded.
 */
export function createPersonalDataScanner(options: {
  persons: InvolvedPerson[];
  publicWords?: string[];
  knownIdentifiers?: string[];
}) {
  const publicWords = new Set(
    (options.publicWords ?? []).flatMap((text) => text.toLowerCase().split(/[\s\-(),.]+/)).filter(Boolean),
  );
  const patterns: { kind: PersonalDataFinding["kind"]; value: string; pattern: RegExp }[] = [];
  const seen = new Set<string>();
  const add = (kind: PersonalDataFinding["kind"], value: string, source: string) => {
    const key = `${kind}:${value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    patterns.push({ kind, value, pattern: new RegExp(`${WORD_BEFORE}${source}${WORD_AFTER}`, "iu") });
  };
  for (const person of options.persons) {
    const words = person.name.trim().split(/\s+/);
    add("name", person.name.trim(), words.map(escapeRegExp).join("\\s+"));
    for (const part of words.flatMap((word) => word.split("-"))) {
      const lower = part.toLowerCase();
      if (part.length < 2 || PARTICLES.has(lower) || publicWords.has(lower)) continue;
      add("name part", part, escapeRegExp(part));
    }
  }
  const years = new Set(options.persons.flatMap((p) => (p.birthYear === null ? [] : [String(p.birthYear)])));
  const identifiers = (options.knownIdentifiers ?? []).filter(Boolean).map((id) => new RegExp(escapeRegExp(id), "gi"));
  const yearToken = new RegExp(`${WORD_BEFORE}(\\d{4})${WORD_AFTER}`, "gu");

  return {
    /** The name parts checked on their own (for a report of what the scan covered). */
    nameParts: patterns.filter((p) => p.kind === "name part").map((p) => p.value),
    scan(text: string, where: string): PersonalDataFinding[] {
      const findings: PersonalDataFinding[] = [];
      for (const variant of new Set([text, decodeHtmlEntities(text)])) {
        for (const { kind, value, pattern } of patterns) {
          if (pattern.test(variant)) findings.push({ kind, value, where });
        }
        let rest = variant;
        for (const pattern of [...identifiers, ...NOT_A_YEAR]) rest = rest.replace(pattern, " ");
        for (const match of rest.matchAll(yearToken)) {
          const year = match[1] ?? "";
          if (years.has(year)) findings.push({ kind: "birth year", value: year, where });
        }
      }
      return findings.filter(
        (finding, i) =>
          findings.findIndex(
            (f) => f.kind === finding.kind && f.value === finding.value && f.where === finding.where,
          ) === i,
      );
    },
  };
}
