// The eval report as one self-contained HTML page (no network): the verdict and why first, then what changed
// against the baseline case by case, the metrics, and every case with filters and a search box. Runtime: any.
import type { CaseDiff } from '../compare.ts';
import type { CaseSummary, EvalReport } from '../report.ts';
import type { TurnResult } from '../run-eval.ts';
import { differenceLines, escape, headline, num, orNa, pct, rejectedModelAnswers } from './format.ts';
import { riskCoverageSvg } from './risk-coverage-svg.ts';
import { wordDiff } from './word-diff.ts';

/** The page's style sheet: a rule (or part of a long one) per line here, each inner list one line of the page. */
const STYLE = [
  [
    'body{font:14px/1.5 system-ui,sans-serif;max-width:1200px;margin:1.5rem auto;padding:0 1rem;color:#1f2328}',
    'h1{margin:.2rem 0}',
    'h2{margin-top:2rem;border-bottom:1px solid #d0d7de}',
  ],
  [
    'table{border-collapse:collapse;margin:.6rem 0}',
    'td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}',
    'th{background:#f6f8fa}',
  ],
  [
    '.verdict{display:inline-block;padding:.2rem .7rem;border-radius:6px;font-weight:700;color:#fff}',
    '.verdict.pass{background:#1a7f37}',
    '.verdict.fail{background:#cf222e}',
  ],
  [
    '.meta{color:#59636e;font-size:12px}',
    '.why li{color:#cf222e}',
    '.flip{border:1px solid #d0d7de;border-radius:6px;margin:.8rem 0;padding:.5rem .8rem}',
    '.flip.broken{border-left:5px solid #cf222e}',
    '.flip.fixed{border-left:5px solid #1a7f37}',
  ],
  [
    '.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}',
    '.side{background:#f6f8fa;border-radius:6px;padding:.4rem .6rem}',
    '.side h4{margin:.1rem 0}',
    '.reasons{color:#cf222e;font-size:12px}',
    '.ok{color:#1a7f37;font-size:12px}',
  ],
  [
    'ins{background:#dafbe1;text-decoration:none}',
    'del{background:#ffebe9}',
    '.diff{white-space:pre-wrap;background:#fff;border:1px dashed #d0d7de;padding:.3rem .5rem;border-radius:6px}',
  ],
  [
    'details.case{border-bottom:1px solid #eaeef2;padding:.2rem 0}',
    'details.case>summary{cursor:pointer}',
    '.case.fail>summary{color:#cf222e}',
    '.case.pass>summary{color:#1a7f37}',
    '.turn{border-left:3px solid #d0d7de;padding-left:.8rem;margin:.4rem 0}',
  ],
  [
    '.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.6rem;',
    'align-items:center;border-bottom:1px solid #d0d7de;z-index:1}',
    '.filters input[type=search]{min-width:16rem}',
  ],
  [
    '.bar{display:inline-block;height:.6rem;background:#0969da;vertical-align:middle}',
    '.chart .grid{stroke:#eaeef2}',
    '.chart .frame{fill:none;stroke:#8c959f}',
    '.chart .curve{fill:none;stroke:#0969da;stroke-width:2}',
    '.chart text{font-size:11px;fill:#59636e}',
    '.chart .axis{font-size:12px;fill:#1f2328}',
  ],
  [
    '.chart .mark{fill:#bf8700}',
    '.chart .mark.handoff{fill:#cf222e}',
    '.chart .mark-label{font-size:11px;fill:#1f2328}',
  ],
]
  .map((rules) => rules.join(''))
  .join('\n');

/**
 * The filters and search box: inline script, so the page works offline and needs nothing from the network.
 * A statement (or part of a long one) per line here, each inner list one line of the page.
 */
const SCRIPT = [
  [
    `(()=>{const form=document.querySelector('#filters');if(!form)return;`,
    `const cases=[...document.querySelectorAll('details.case')];`,
    `const count=document.querySelector('#shown');`,
  ],
  [
    `const apply=()=>{const f=new FormData(form);`,
    `const status=f.get('status'),suite=f.get('suite'),tag=f.get('tag'),lang=f.get('lang'),`,
    `query=String(f.get('q')||'').toLowerCase();`,
    `let shown=0;`,
  ],
  [
    `for(const el of cases){const d=el.dataset;`,
    `const ok=(status==='all'||(status==='failing'&&d.passed==='false')||(status==='passing'&&d.passed==='true')`,
    `||(status==='flipped'&&d.flip!=='same'&&d.flip!==''))`,
    `&&(suite===''||d.suite===suite)`,
    `&&(tag===''||(' '+d.tags+' ').includes(' '+tag+' '))`,
    `&&(lang===''||d.lang===lang)`,
    `&&(query===''||el.textContent.toLowerCase().includes(query));`,
    `el.hidden=!ok;if(ok)shown++;}`,
  ],
  [
    `count.textContent=String(shown);};`,
    `form.addEventListener('input',apply);`,
    `form.addEventListener('submit',(e)=>e.preventDefault());`,
    `apply();})();`,
  ],
]
  .map((parts) => parts.join(''))
  .join('\n');

const options = (values: readonly string[]) => values.map((value) => `<option>${escape(value)}</option>`).join('');

function replyBlock(title: string, turns: readonly TurnResult[]): string {
  const body = turns
    .map((turn) => {
      const reply = turn.reply;
      const claims = [
        ...(turn.model?.unsupported.map((claim) => `${claim.kind} «${claim.claim}» (${claim.verdict})`) ?? []),
        ...(turn.deliveredUnsupported ?? []),
      ];
      const judge =
        turn.judge == null
          ? ''
          : `<p class="meta">judge: politeness ${num(turn.judge.politeness)}, ` +
            `factuality ${num(turn.judge.factuality)}` +
            `${turn.judge.reason === '' ? '' : ` — ${escape(turn.judge.reason)}`}</p>`;
      const composer = reply?.composer === undefined ? '' : ` · ${escape(reply.composer)}`;
      const model = turn.model === undefined ? '' : ` · model answer ${escape(turn.model.outcome)}`;
      const text = escape(reply?.text ?? '—').replace(/\n/g, '<br>');
      const unsupported =
        claims.length === 0 ? '' : `<p class="reasons">unsupported claims: ${escape(claims.join('; '))}</p>`;
      const checks =
        turn.reasons.length === 0
          ? '<p class="ok">passed its checks</p>'
          : `<p class="reasons">${escape(turn.reasons.join('; '))}</p>`;
      const action = `<p><b>${escape(reply?.action ?? 'silent')}${composer}${model}</b></p>`;
      return `${action}<p>${text}</p>${unsupported}${checks}${judge}`;
    })
    .join('');
  return `<div class="side"><h4>${title}</h4>${body}</div>`;
}

/** A table row of cells, each given as its inner HTML. */
const row = (cells: readonly (string | number)[]) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
/** A table's heading row. */
const headings = (names: readonly string[]) => `<tr>${names.map((name) => `<th>${name}</th>`).join('')}</tr>`;

function flipSection(report: EvalReport): string {
  if (report.comparison === undefined || report.baseline === undefined) return '';
  const now = new Map(
    report.cases.filter((entry) => entry.repeat === 0).map((entry) => [`${entry.suite}/${entry.id}`, entry]),
  );
  const then = new Map(
    report.baseline.cases.filter((entry) => entry.repeat === 0).map((entry) => [`${entry.suite}/${entry.id}`, entry]),
  );
  const flips = [
    ...report.comparison.cases.filter((entry) => entry.change === 'pass→fail'),
    ...report.comparison.cases.filter((entry) => entry.change === 'fail→pass'),
  ];
  const { mcnemar } = report.comparison;
  const deltas = Object.entries(report.comparison.deltas)
    .map(([name, interval]) => {
      const reading = interval.high < 0 ? 'worse' : interval.low > 0 ? 'better' : 'no significant change';
      const delta = `${interval.delta >= 0 ? '+' : ''}${num(interval.delta)}`;
      return row([escape(name), delta, `${num(interval.low)} … ${num(interval.high)}`, reading]);
    })
    .join('');
  const flipHtml = (diff: CaseDiff) => {
    const current = now.get(`${diff.suite}/${diff.id}`);
    const previous = then.get(`${diff.suite}/${diff.id}`);
    if (current === undefined || previous === undefined) return '';
    const customer = current.turns.map((turn) => escape(turn.customer)).join('<br>');
    const before = previous.turns.map((turn) => turn.reply?.text ?? '').join('\n');
    const after = current.turns.map((turn) => turn.reply?.text ?? '').join('\n');
    const diffHtml = wordDiff(before, after)
      .map((part) =>
        part.kind === 'same'
          ? escape(part.text)
          : part.kind === 'added'
            ? `<ins>${escape(part.text)}</ins>`
            : `<del>${escape(part.text)}</del>`,
      )
      .join('');
    const broken = diff.change === 'pass→fail';
    const name = `${escape(diff.suite)}/${escape(diff.id)}`;
    const about = `<span class="meta">${escape(current.lang ?? '')} ${escape(current.tags.join(', '))}</span>`;
    return (
      `<section class="flip ${broken ? 'broken' : 'fixed'}" data-flip-case="${escape(`${diff.suite}/${diff.id}`)}">` +
      `<h3>${broken ? '✗ broken' : '✓ fixed'}: ${name} ${about}</h3>` +
      `<p><b>Customer:</b> ${customer}</p>` +
      `<div class="sides">${replyBlock('baseline', previous.turns)}${replyBlock('candidate', current.turns)}</div>` +
      `<p class="meta">what changed in the replies:</p><div class="diff">${diffHtml}</div>` +
      `</section>`
    );
  };
  return (
    `<h2>Against the baseline</h2>` +
    `<p>${mcnemar.failToPass} fixed, ${mcnemar.passToFail} broken (McNemar exact p = ${num(mcnemar.pValue)}); ` +
    `differences of case means with 95% bootstrap intervals:</p>` +
    `<table>${headings(['measure', 'Δ', '95% CI', 'reading'])}${deltas}</table>` +
    `${flips.length === 0 ? '<p>No case changed between pass and fail.</p>' : flips.map(flipHtml).join('')}`
  );
}

function configurationSection(report: EvalReport): string {
  const configuration = report.configuration;
  if (configuration === undefined) return '';
  const side = (name: string, entry: NonNullable<typeof configuration.baseline>) => {
    const versions = Object.entries(entry.promptVersions).map(([prompt, version]) => `${prompt} v${version}`);
    const settings = Object.entries(entry.settings).map(([key, value]) => `${key}=${value}`);
    const cells = [
      escape(entry.source),
      escape(entry.model),
      escape(versions.join(', ') || 'n/a'),
      escape(settings.join(', ') || 'none'),
    ];
    return `<tr><th>${name}</th>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  };
  const differs = differenceLines(report);
  const baseline = configuration.baseline === undefined ? '' : side('baseline', configuration.baseline);
  const sides = `${side('candidate', configuration.candidate)}${baseline}`;
  const differences =
    configuration.baseline === undefined
      ? ''
      : `<p><b>What differs:</b></p><ul>${differs.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`;
  return `<table>${headings(['', 'from', 'model', 'prompt versions', 'settings'])}${sides}</table>${differences}`;
}

function rejectedSection(report: EvalReport): string {
  const rejected = rejectedModelAnswers(report);
  if (rejected.length === 0) return '';
  const rows = rejected.map((entry) => row([escape(entry.case), escape(entry.outcome), escape(entry.why)])).join('');
  return (
    `<h3>Model answers the check rejected, or that were wrong</h3>` +
    `<table>${headings(['case', 'outcome', 'why'])}${rows}</table>`
  );
}

function handoffSection(report: EvalReport): string {
  const { perReason, confusion } = report.metrics.handoff;
  const labels = Object.keys(confusion);
  if (labels.length === 0) return '<h2>Handoffs</h2><p>n/a: no case expects an action</p>';
  const reasons = Object.entries(perReason)
    .map(([reason, entry]) =>
      row([escape(reason), num(entry.precision), num(entry.recall), num(entry.f1), entry.support]),
    )
    .join('');
  const counts = (expected: string) =>
    labels.map((actual) => `<td>${confusion[expected]?.[actual] ?? 0}</td>`).join('');
  const matrix = labels.map((expected) => `<tr><th>${escape(expected)}</th>${counts(expected)}</tr>`).join('');
  return (
    `<h2>Handoffs</h2><div class="sides">` +
    `<div><table>${headings(['reason', 'precision', 'recall', 'F1', 'support'])}${reasons}</table></div>` +
    `<div><table>${headings(['expected ↓ / got →', ...labels.map(escape)])}${matrix}</table></div>` +
    `</div>`
  );
}

/** A drop-down of the cases' filter form: "any" first, then each value. */
const select = (name: string, values: readonly string[]) =>
  `<select name="${name}"><option value="">any</option>${options(values)}</select>`;

function casesSection(report: EvalReport): string {
  const flips = new Map((report.comparison?.cases ?? []).map((entry) => [`${entry.suite}/${entry.id}`, entry.change]));
  const all = (pick: (entry: CaseSummary) => readonly string[]) => [...new Set(report.cases.flatMap(pick))].sort();
  const rows = report.cases
    .map((entry) => {
      const flip = flips.get(`${entry.suite}/${entry.id}`) ?? '';
      const turns = entry.turns
        .map(
          (turn) =>
            `<div class="turn"><p><b>Customer:</b> ${escape(turn.customer)}</p>${replyBlock('reply', [turn])}</div>`,
        )
        .join('');
      const data = [
        `data-passed="${entry.passed}"`,
        `data-suite="${escape(entry.suite)}"`,
        `data-tags="${escape(entry.tags.join(' '))}"`,
        `data-lang="${escape(entry.lang ?? '')}"`,
        `data-flip="${escape(flip)}"`,
      ].join(' ');
      const name =
        `${entry.passed ? '✓' : '✗'} ${escape(entry.suite)}/${escape(entry.id)}` +
        `${entry.repeat > 0 ? ` #${entry.repeat + 1}` : ''}${entry.mustPass ? ' (must pass)' : ''}`;
      const change = flip === '' || flip === 'same' ? '' : `<b>${escape(flip)}</b>`;
      const why = entry.passed ? '' : ` — ${escape(entry.reasons.join('; '))}`;
      const about = `<span class="meta">${escape(entry.lang ?? '')} ${escape(entry.tags.join(', '))}${why}</span>`;
      return (
        `<details class="case ${entry.passed ? 'pass' : 'fail'}" ${data}>` +
        `<summary>${name} ${change} ${about}</summary>${turns}</details>`
      );
    })
    .join('\n');
  const status = [
    `<select name="status">`,
    `<option value="all">all</option>`,
    `<option value="failing"${report.gate.passed ? '' : ' selected'}>failing</option>`,
    `<option value="passing">passing</option>`,
    `<option value="flipped">flipped</option>`,
    `</select>`,
  ].join('');
  const languages = all((entry) => (entry.lang === undefined ? [] : [entry.lang]));
  const form = [
    `<form id="filters" class="filters" aria-label="Filter the cases">`,
    `<label>show ${status}</label>`,
    `<label>suite ${select(
      'suite',
      all((entry) => [entry.suite]),
    )}</label>`,
    `<label>tag ${select(
      'tag',
      all((entry) => entry.tags),
    )}</label>`,
    `<label>language ${select('lang', languages)}</label>`,
    `<label>search <input type="search" name="q" placeholder="words in the messages or replies"></label>`,
    `<span class="meta"><span id="shown">${report.cases.length}</span> of ${report.cases.length} shown</span>`,
    `</form>`,
  ].join('');
  return `<h2>Cases</h2>${form}${rows}`;
}

export function toHtml(report: EvalReport): string {
  const rows = headline(report.metrics)
    .map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(value)}</td></tr>`)
    .join('');
  const breakdown = Object.entries(report.breakdown)
    .map(([group, entry]) => {
      const width = (entry.passRate * 80).toFixed(0);
      const bar = `<span class="bar" style="width:${width}px"></span> ${pct(entry.passRate)}`;
      return row([escape(group), entry.cases, bar, num(entry.politeness), orNa(entry.factRecall)]);
    })
    .join('');
  const checker = Object.entries(report.checker?.candidate ?? {})
    .map(([split, metrics]) =>
      row([escape(split), metrics.cases, num(metrics.precision), num(metrics.recall), num(metrics.falseRejection)]),
    )
    .join('');
  const { gate } = report;
  const failures = gate.failures.map((failure) => `<li>${escape(failure)}</li>`).join('');
  const why = gate.failures.length === 0 ? '' : `<ul class="why">${failures}</ul>`;
  const verdict =
    `<p><span class="verdict ${gate.passed ? 'pass' : 'fail'}">${gate.passed ? 'PASS' : 'FAIL'}</span> ` +
    `${gate.passed ? 'Every must-pass case passed and nothing regressed.' : 'Why it fails:'}</p>${why}`;
  const meta =
    `<p class="meta">${escape(report.createdAt)} · ${report.seconds.toFixed(1)} s · ` +
    `suites: ${escape(report.suites.join(', '))} · ` +
    `${report.usage.calls} model calls (+${report.usage.cacheHits} cached)</p>`;
  const checkerTable =
    checker === ''
      ? ''
      : `<h3>Claim check on the labelled grounding sets</h3>` +
        `<table>${headings(['split', 'replies', 'precision', 'recall', 'false rejection'])}${checker}</table>`;
  const breakdownHead = headings(['group', 'cases', 'pass rate', 'politeness', 'fact recall']);
  const head =
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>Firstline eval ${escape(report.createdAt)}</title><style>${STYLE}</style></head>`;
  return [
    `<!doctype html><html lang="en">${head}<body>`,
    `<h1>Firstline eval</h1>${verdict}${meta}${configurationSection(report)}`,
    flipSection(report),
    `<h2>Metrics</h2><table>${rows}</table>${checkerTable}`,
    rejectedSection(report),
    `<h2>Risk–coverage</h2>${riskCoverageSvg(report.metrics, report.thresholds)}`,
    handoffSection(report),
    `<h2>By language and tag</h2><table>${breakdownHead}${breakdown}</table>`,
    casesSection(report),
    `<script>${SCRIPT}</script></body></html>`,
    '',
  ].join('\n');
}
