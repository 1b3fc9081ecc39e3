// One pattern that matches wherever any of several does: a single scan answers "could any rule apply?"
// before the rules run one by one, and most messages match none. Runtime: any.

/** Combines patterns that share their flags; refuses back-references, which would change meaning. */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? 'u';
  for (const pattern of patterns) {
    if (pattern.flags !== flags)
      throw new Error(`anyOf needs patterns with the same flags: /${pattern.source}/${pattern.flags} against ${flags}`);
    if (/\\[1-9]|\\k</.test(pattern.source))
      throw new Error(`anyOf cannot combine a pattern with back-references: /${pattern.source}/`);
  }
  if (/[gy]/.test(flags)) throw new Error('anyOf patterns must not be global or sticky');
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), flags);
}
