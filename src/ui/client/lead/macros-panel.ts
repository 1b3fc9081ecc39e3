// The lead dashboard's canned responses: the macros of one language at a time, with a form to add one or edit the
// one chosen, and deletion after a confirmation. Placeholders are kept as written; the agent console fills them.
// Runtime: browser.
import { fill } from '../../i18n.ts';
import type { Macro } from '../api-types.ts';
import { h } from '../dom.ts';
import { lang as pageLang, t } from '../page-lang.ts';
import type { MacroApi, MacroLang } from '../macro-api.ts';

export class MacrosPanel {
  readonly view: HTMLElement;
  private lang: MacroLang = pageLang;
  /** The macro being edited, or undefined while the form adds a new one. */
  private editing: Macro | undefined;
  private sequence = 0;
  private readonly list = h('ul', {
    className: 'macro-items',
    'data-testid': 'macros',
    'aria-labelledby': 'macros-title',
  });
  private readonly title = h('input', { id: 'macro-title', maxlength: 100, required: true });
  private readonly text = h('textarea', { id: 'macro-text', maxlength: 4000, required: true, rows: 5 });
  private readonly submit = h('button', { type: 'submit', className: 'primary' }, t.macroAdd);
  private readonly cancel = h('button', { type: 'button', className: 'secondary', hidden: true }, t.macroCancel);
  private readonly status = h('p', { className: 'hint', role: 'status' });

  /** `fail` reports an error the way the dashboard does (a lost token signs the lead out). */
  constructor(
    private readonly api: MacroApi,
    private readonly fail: (error: unknown) => void,
  ) {
    const languages = (['ru', 'en'] as const).map((code) =>
      h('option', { value: code, selected: code === this.lang }, code === 'ru' ? t.langRu : t.langEn),
    );
    const choose = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (value !== 'ru' && value !== 'en') return;
      this.lang = value;
      this.reset();
      void this.load();
    };
    this.cancel.addEventListener('click', () => this.reset());
    const form = h(
      'form',
      { className: 'macro-form', onsubmit: (event) => void this.save(event) },
      h('label', { for: 'macro-title' }, t.macroTitleLabel),
      this.title,
      h('label', { for: 'macro-text' }, t.macroTextLabel),
      this.text,
      h('p', { className: 'hint' }, t.macroPlaceholders),
      h('div', { className: 'row' }, this.submit, this.cancel, this.status),
    );
    this.view = h(
      'section',
      { className: 'macros', 'aria-labelledby': 'macros-title' },
      h(
        'div',
        { className: 'section-head' },
        h('h2', { id: 'macros-title' }, t.macrosTitle),
        h('label', { for: 'macros-lang' }, t.language),
        h('select', { id: 'macros-lang', onchange: choose }, languages),
      ),
      this.list,
      form,
    );
  }

  /** Lists the chosen language's macros; an answer for a language the lead has left is dropped. */
  async load(): Promise<void> {
    const sequence = (this.sequence += 1);
    const lang = this.lang;
    try {
      const { macros } = await this.api.list(lang);
      if (sequence === this.sequence) this.render(macros);
    } catch (error) {
      if (sequence === this.sequence) this.fail(error);
    }
  }

  private render(macros: readonly Macro[]): void {
    if (macros.length === 0) {
      this.list.replaceChildren(h('li', { className: 'hint' }, t.macrosEmpty));
      return;
    }
    this.list.replaceChildren(
      ...macros.map((macro) =>
        h(
          'li',
          { className: 'macro-item', 'data-macro-id': macro.id },
          h('strong', {}, macro.title),
          h('p', { className: 'macro-text' }, macro.text),
          h(
            'div',
            { className: 'row' },
            h(
              'button',
              {
                type: 'button',
                className: 'secondary',
                'aria-label': `${t.macroEdit}: ${macro.title}`,
                onclick: () => this.edit(macro),
              },
              t.macroEdit,
            ),
            h(
              'button',
              {
                type: 'button',
                className: 'secondary',
                'aria-label': `${t.macroDelete}: ${macro.title}`,
                onclick: () => void this.remove(macro),
              },
              t.macroDelete,
            ),
          ),
        ),
      ),
    );
  }

  private edit(macro: Macro): void {
    this.editing = macro;
    this.title.value = macro.title;
    this.text.value = macro.text;
    this.submit.textContent = t.macroSave;
    this.cancel.hidden = false;
    this.status.textContent = '';
    this.title.focus();
  }

  private reset(): void {
    this.editing = undefined;
    this.title.value = '';
    this.text.value = '';
    this.submit.textContent = t.macroAdd;
    this.cancel.hidden = true;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const title = this.title.value.trim();
    const text = this.text.value;
    if (title === '' || text.trim() === '') return;
    this.submit.disabled = true;
    try {
      if (this.editing === undefined) await this.api.create({ title, text, lang: this.lang });
      else await this.api.update(this.editing.id, { title, text });
      this.reset();
      this.status.textContent = t.macroSaved;
      await this.load();
    } catch (error) {
      this.fail(error);
    } finally {
      this.submit.disabled = false;
    }
  }

  private async remove(macro: Macro): Promise<void> {
    if (!window.confirm(fill(t.macroDeleteConfirm, { title: macro.title }))) return;
    try {
      await this.api.remove(macro.id);
      if (this.editing?.id === macro.id) this.reset();
      await this.load();
    } catch (error) {
      this.fail(error);
    }
  }
}
