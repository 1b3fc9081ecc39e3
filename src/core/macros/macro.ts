// A canned response (macro): a titled text in one language that agents insert into replies, with placeholders the
// console fills in. Runtime: any.

export type MacroLang = 'ru' | 'en';

export interface Macro {
  readonly id: string;
  readonly title: string;
  /** Kept verbatim, placeholders such as `{{customer.name}}` included (see macro-placeholders.ts). */
  readonly text: string;
  readonly lang: MacroLang;
  /** The id of the agent who created it, or `system` for the defaults the migration adds. */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewMacro {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly lang: MacroLang;
  readonly createdBy: string;
  readonly at: string;
}

/** The fields an edit may change; those left out stay as they are. */
export interface MacroChanges {
  readonly title?: string | undefined;
  readonly text?: string | undefined;
  readonly lang?: MacroLang | undefined;
}
