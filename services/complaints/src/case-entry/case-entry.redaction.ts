/**
 * Strips personal data from a case text before it enters the library (§1.7.4, R96): mobile and
 * landline numbers, e-mail addresses, resident id numbers, and the names the case is known to
 * carry (customer, staff). Pure; what it cannot recognise stays, so reviewers still read drafts.
 */
const PATTERNS: RegExp[] = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail
  /\b\d{17}[\dXx]\b/g, // resident id number
  /(?<!\d)(\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, // mainland mobile
  /(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)/g, // landline with area code
];

export const REDACTED = '[redacted]';

export function redactPersonalData(text: string, knownNames: readonly string[] = []): string {
  let out = text;
  for (const pattern of PATTERNS) out = out.replace(pattern, REDACTED);
  for (const name of [...knownNames].filter((n) => n.trim().length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(name).join(REDACTED);
  }
  return out;
}
