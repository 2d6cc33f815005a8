/** Deepest object/array nesting a request body may have; deeper bodies are refused before parsing. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text` nests objects or arrays deeper than `max` (the top-level object is depth 1).
 * A linear scan that skips string contents, so a deep body is refused without being parsed or
 * walked recursively by validation; it need not be valid JSON (JSON.parse judges that after).
 */
export function jsonNestingExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}
