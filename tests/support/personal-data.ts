/** A household member as the portal stores them: the personal data that must never leave it. */
export type InvolvedPerson = { name: string; birthYear: number | null; bsn?: string | null };

export type PersonalDataFinding = {
  kind: "name" | "name part" | "birth year" | "bsn" | "any bsn";
  value: string;
  where: string;
};

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
/** A hexadecimal identifier of 12 or more characters, with both letters and digits, standing on its own. */
const HEX_TOKEN = /(?<![0-9a-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}(?![0-9a-z])/gi;

const NOT_A_YEAR = [
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g,
  new RegExp(`\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}`, "gi"),
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Nine digits passing the elfproef (weights 9..2 and −1), written here independently of the product's check. */
function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || digits === "000000000") return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * (weights[i] ?? 0), 0) % 11 === 0;
}

/** A BSN's digits with an optional space, dot, dash or underscore between any two: 123456782, 1234.56.782, 123 456 782. */
function bsnSource(digits: string): string {
  return [...digits].join("[\\s.\\-_]?");
}

/** URLs and form bodies: %-escapes and "+" for a space, so "Noor%20Bakker" and "1234%2E56%2E782" are seen too. */
function decodeUrlEscapes(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
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
 * Each BSN is found with or without separators between its digits. With `anyBsn`, every nine-digit number that
 * passes the elfproef counts as well, whoever's it is (for URLs and logs, where no number of that kind belongs).
 * Text is scanned as given, with HTML entities decoded and with URL escapes decoded.
 */
export function createPersonalDataScanner(options: {
  persons: InvolvedPerson[];
  publicWords?: string[];
  knownIdentifiers?: string[];
  anyBsn?: boolean;
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
  for (const person of options.persons) {
    const digits = (person.bsn ?? "").replace(/\D/g, "");
    // Not bounded by words like names are: "bsn123456782" is as much a leak.
    if (digits.length === 9) {
      patterns.push({ kind: "bsn", value: digits, pattern: new RegExp(`(?<!\\d)${bsnSource(digits)}(?!\\d)`, "u") });
    }
  }
  const years = new Set(options.persons.flatMap((p) => (p.birthYear === null ? [] : [String(p.birthYear)])));
  const nineDigits = /(?<!\d)(\d(?:[\s.\-_]?\d){8})(?!\d)/g;
  const identifiers = (options.knownIdentifiers ?? []).filter(Boolean).map((id) => new RegExp(escapeRegExp(id), "gi"));
  const yearToken = new RegExp(`${WORD_BEFORE}(\\d{4})${WORD_AFTER}`, "gu");

  return {
    /** The name parts checked on their own (for a report of what the scan covered). */
    nameParts: patterns.filter((p) => p.kind === "name part").map((p) => p.value),
    scan(text: string, where: string): PersonalDataFinding[] {
      const findings: PersonalDataFinding[] = [];
      for (const variant of new Set([text, decodeHtmlEntities(text), decodeUrlEscapes(text)])) {
        for (const { kind, value, pattern } of patterns) {
          if (pattern.test(variant)) findings.push({ kind, value, where });
        }
        let rest = variant;
        for (const pattern of [...identifiers, ...NOT_A_YEAR]) rest = rest.replace(pattern, " ");
        for (const match of rest.matchAll(yearToken)) {
          const year = match[1] ?? "";
          if (years.has(year)) findings.push({ kind: "birth year", value: year, where });
        }
        if (options.anyBsn) {
          // UUIDs and dates are gone from `rest`; a run of more than nine digits is no BSN. So are hexadecimal
          // tokens (MIME boundaries, Message-IDs, hashes): one in eleven digit runs inside them passes the elfproef
          // by chance. A BSN glued to other letters ("bsn123456782x") is still found.
          for (const match of rest.replace(HEX_TOKEN, " ").matchAll(nineDigits)) {
            const digits = (match[1] ?? "").replace(/\D/g, "");
            if (passesElfproef(digits)) findings.push({ kind: "any bsn", value: digits, where });
          }
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
