/**
 * A readable, unique slug for a name: accents dropped, lower case, runs of anything else as one hyphen, at most 60
 * characters ("Zuid-Kennemerland" → zuid-kennemerland); when taken, -2, -3, … is added.
 */
export function findFreeSlug(options: { name: string; fallback: string; taken: ReadonlySet<string> }): string {
  const base =
    options.name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || options.fallback;
  let slug = base;
  for (let n = 2; options.taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
