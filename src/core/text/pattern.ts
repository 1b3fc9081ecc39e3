// Long regexes written as data: the alternatives one per line (or a few related ones per line), joined at module
// load into the same pattern a one-line literal would be. Runtime: any.

function check(pattern: string, flags: string, what: string): void {
  if (pattern === '') throw new Error(`${what}: an empty part would match everywhere`);
  try {
    new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch (error) {
    throw new Error(`${what}: /${pattern}/ is not a pattern on its own (${(error as Error).message})`);
  }
}

/**
 * The alternatives as one regex source, `a|b|c`, to put inside a group: `(?:${alternatives(WORDS)})`.
 * Each alternative must be a valid pattern on its own, so a line never cuts a group or a class in two.
 */
export function alternatives(patterns: readonly string[], flags = 'u'): string {
  if (patterns.length === 0) throw new Error('alternatives needs at least one pattern');
  for (const pattern of patterns) check(pattern, flags, 'alternatives');
  return patterns.join('|');
}

/** A regex that matches wherever any of the alternatives does: `new RegExp('a|b|c', flags)`. */
export function alternation(patterns: readonly string[], flags = 'u'): RegExp {
  return new RegExp(alternatives(patterns, flags), flags);
}

/**
 * A regex written as parts one after another, one per line: `new RegExp(parts.join(''), flags)`. Each part must be
 * a valid pattern on its own, as for {@link alternatives}.
 */
export function sequence(parts: readonly string[], flags = 'u'): RegExp {
  if (parts.length === 0) throw new Error('sequence needs at least one part');
  for (const part of parts) check(part, flags, 'sequence');
  return new RegExp(parts.join(''), flags);
}
