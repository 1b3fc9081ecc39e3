// Fills a macro's placeholders when an agent inserts it: `{{customer.name}}`, `{{agent.name}}`, `{{ticket.id}}`.
// A value that is missing (a customer who gave no name) is left out together with the comma or spaces before it,
// so "Hello, {{customer.name}}!" reads "Hello!" and «Здравствуйте, {{customer.name}}!» reads «Здравствуйте!».
// Runtime: any (the agent console runs it in the browser).

export const MACRO_PLACEHOLDERS = ['customer.name', 'agent.name', 'ticket.id'] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export type PlaceholderValues = Partial<Record<MacroPlaceholder, string | null | undefined>>;

const PLACEHOLDER = /(,?[ \t]*)?\{\{\s*([\w.]+)\s*\}\}(,[ \t]*)?/g;

const known = (name: string): name is MacroPlaceholder => (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * The text with every known placeholder replaced by its value. A missing or blank value removes the placeholder
 * with the comma and spaces before it (or, at the start of a line, the comma after it). Unknown placeholders stay as
 * written, so a typo is seen rather than silently dropped.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(
    PLACEHOLDER,
    (
      whole: string,
      before: string | undefined,
      name: string,
      after: string | undefined,
      offset: number,
      all: string,
    ) => {
      if (!known(name)) return whole;
      const value = values[name]?.trim();
      if (value !== undefined && value !== '') return `${before ?? ''}${value}${after ?? ''}`;
      // The comma after stays between the words around it, unless nothing comes before on the line.
      const atLineStart = offset === 0 || all[offset - 1] === '\n';
      return atLineStart ? '' : (after ?? '');
    },
  );
}
