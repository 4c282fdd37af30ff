/**
 * Which Electronegativity findings fail the build: MEDIUM or higher, unless a reviewed allowlist
 * entry (check + file + a piece of the flagged line, with a reason) explains it. Entries that no
 * longer match anything fail too, so the allowlist cannot quietly outlive the code it excused.
 */

/** Electronegativity's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3. */
export const FAIL_FROM_SEVERITY = 2;

/** @param {unknown} raw */
export function parseAllowlist(raw) {
  const entries = /** @type {{ entries?: unknown }} */ (raw)?.entries;
  if (!Array.isArray(entries)) throw new Error('electronegativity-allowlist.json: "entries" must be a list');
  return entries.map((entry, i) => {
    const { check, file, sample, reason } = entry ?? {};
    if (typeof check !== 'string' || typeof file !== 'string' || typeof sample !== 'string') {
      throw new Error(`electronegativity-allowlist.json: entry ${i + 1} needs "check", "file" and "sample" strings`);
    }
    if (typeof reason !== 'string' || reason.trim().length < 20) {
      throw new Error(`electronegativity-allowlist.json: entry ${i + 1} (${check} in ${file}) needs a reason of at least 20 characters`);
    }
    return { check, file, sample, reason };
  });
}

/**
 * @param {{ id: string; file: string; sample?: string; severity: { value: number; name: string }; location: { line: number; column: number }; description: string }[]} issues
 * @param {{ check: string; file: string; sample: string }[]} allowlist
 */
export function gate(issues, allowlist) {
  const used = new Set();
  const unexplained = [];
  for (const issue of issues) {
    if (issue.severity.value < FAIL_FROM_SEVERITY) continue;
    const index = allowlist.findIndex((entry) => entry.check === issue.id && entry.file === issue.file && (issue.sample ?? '').includes(entry.sample));
    if (index === -1) unexplained.push(issue);
    else used.add(index);
  }
  const stale = allowlist.filter((_entry, i) => !used.has(i));
  return { unexplained, stale };
}
