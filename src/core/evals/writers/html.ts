// The eval report as one self-contained HTML page (no network): the verdict and why first, then what changed
// against the baseline case by case, the metrics, and every case with filters and a search box. Runtime: any.
import type { CaseDiff } from '../compare.ts';
import type { CaseSummary, EvalReport } from '../report.ts';
import type { TurnResult } from '../run-eval.ts';
import { differenceLines, escape, headline, num, orNa, pct, rejectedModelAnswers } from './format.ts';
import { riskCoverageSvg } from './risk-coverage-svg.ts';
import { wordDiff } from './word-diff.ts';

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;max-width:1200px;margin:1.5rem auto;padding:0 1rem;color:#1f2328}h1{margin:.2rem 0}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
.verdict{display:inline-block;padding:.2rem .7rem;border-radius:6px;font-weight:700;color:#fff}.verdict.pass{background:#1a7f37}.verdict.fail{background:#cf222e}
.meta{color:#59636e;font-size:12px}.why li{color:#cf222e}.flip{border:1px solid #d0d7de;border-radius:6px;margin:.8rem 0;padding:.5rem .8rem}.flip.broken{border-left:5px solid #cf222e}.flip.fixed{border-left:5px solid #1a7f37}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}.side{background:#f6f8fa;border-radius:6px;padding:.4rem .6rem}.side h4{margin:.1rem 0}.reasons{color:#cf222e;font-size:12px}.ok{color:#1a7f37;font-size:12px}
ins{background:#dafbe1;text-decoration:none}del{background:#ffebe9}.diff{white-space:pre-wrap;background:#fff;border:1px dashed #d0d7de;padding:.3rem .5rem;border-radius:6px}
details.case{border-bottom:1px solid #eaeef2;padding:.2rem 0}details.case>summary{cursor:pointer}.case.fail>summary{color:#cf222e}.case.pass>summary{color:#1a7f37}.turn{border-left:3px solid #d0d7de;padding-left:.8rem;margin:.4rem 0}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;border-bottom:1px solid #d0d7de;z-index:1}.filters input[type=search]{min-width:16rem}
.bar{display:inline-block;height:.6rem;background:#0969da;vertical-align:middle}.chart .grid{stroke:#eaeef2}.chart .frame{fill:none;stroke:#8c959f}.chart .curve{fill:none;stroke:#0969da;stroke-width:2}.chart text{font-size:11px;fill:#59636e}.chart .axis{font-size:12px;fill:#1f2328}
.chart .mark{fill:#bf8700}.chart .mark.handoff{fill:#cf222e}.chart .mark-label{font-size:11px;fill:#1f2328}`;

/** The filters and search box: inline script, so the page works offline and needs nothing from the network. */
const SCRIPT = `(()=>{const form=document.querySelector('#filters');if(!form)return;const cases=[...document.querySelectorAll('details.case')];const count=document.querySelector('#shown');
const apply=()=>{const f=new FormData(form);const status=f.get('status'),suite=f.get('suite'),tag=f.get('tag'),lang=f.get('lang'),query=String(f.get('q')||'').toLowerCase();let shown=0;
for(const el of cases){const d=el.dataset;const ok=(status==='all'||(status==='failing'&&d.passed==='false')||(status==='passing'&&d.passed==='true')||(status==='flipped'&&d.flip!=='same'&&d.flip!==''))&&(suite===''||d.suite===suite)&&(tag===''||(' '+d.tags+' ').includes(' '+tag+' '))&&(lang===''||d.lang===lang)&&(query===''||el.textContent.toLowerCase().includes(query));el.hidden=!ok;if(ok)shown++;}
count.textContent=String(shown);};form.addEventListener('input',apply);form.addEventListener('submit',(e)=>e.preventDefault());apply();})();`;

const options = (values: readonly string[]) => values.map((value) => `<option>${escape(value)}</option>`).join('');

function replyBlock(title: string, turns: readonly TurnResult[]): string {
  const body = turns
    .map((turn) => {
      const reply = turn.reply;
      const claims = [...(turn.model?.unsupported.map((claim) => `${claim.kind} «${claim.claim}» (${claim.verdict})`) ?? []), ...(turn.deliveredUnsupported ?? [])];
      const judge = turn.judge == null ? '' : `<p class="meta">judge: politeness ${num(turn.judge.politeness)}, factuality ${num(turn.judge.factuality)}${turn.judge.reason === '' ? '' : ` — ${escape(turn.judge.reason)}`}</p>`;
      return `<p><b>${escape(reply?.action ?? 'silent')}${reply?.composer === undefined ? '' : ` · ${escape(reply.composer)}`}${turn.model === undefined ? '' : ` · model answer ${escape(turn.model.outcome)}`}</b></p><p>${escape(reply?.text ?? '—').replace(/\n/g, '<br>')}</p>${claims.length === 0 ? '' : `<p class="reasons">unsupported claims: ${escape(claims.join('; '))}</p>`}${turn.reasons.length === 0 ? '<p class="ok">passed its checks</p>' : `<p class="reasons">${escape(turn.reasons.join('; '))}</p>`}${judge}`;
    })
    .join('');
  return `<div class="side"><h4>${title}</h4>${body}</div>`;
}

function flipSection(report: EvalReport): string {
  if (report.comparison === undefined || report.baseline === undefined) return '';
  const now = new Map(report.cases.filter((entry) => entry.repeat === 0).map((entry) => [`${entry.suite}/${entry.id}`, entry]));
  const then = new Map(report.baseline.cases.filter((entry) => entry.repeat === 0).map((entry) => [`${entry.suite}/${entry.id}`, entry]));
  const flips = [...report.comparison.cases.filter((entry) => entry.change === 'pass→fail'), ...report.comparison.cases.filter((entry) => entry.change === 'fail→pass')];
  const { mcnemar } = report.comparison;
  const deltas = Object.entries(report.comparison.deltas)
    .map(([name, interval]) => `<tr><td>${escape(name)}</td><td>${interval.delta >= 0 ? '+' : ''}${num(interval.delta)}</td><td>${num(interval.low)} … ${num(interval.high)}</td><td>${interval.high < 0 ? 'worse' : interval.low > 0 ? 'better' : 'no significant change'}</td></tr>`)
    .join('');
  const flipHtml = (diff: CaseDiff) => {
    const current = now.get(`${diff.suite}/${diff.id}`);
    const previous = then.get(`${diff.suite}/${diff.id}`);
    if (current === undefined || previous === undefined) return '';
    const customer = current.turns.map((turn) => escape(turn.customer)).join('<br>');
    const diffHtml = wordDiff(previous.turns.map((turn) => turn.reply?.text ?? '').join('\n'), current.turns.map((turn) => turn.reply?.text ?? '').join('\n'))
      .map((part) => (part.kind === 'same' ? escape(part.text) : part.kind === 'added' ? `<ins>${escape(part.text)}</ins>` : `<del>${escape(part.text)}</del>`))
      .join('');
    return `<section class="flip ${diff.change === 'pass→fail' ? 'broken' : 'fixed'}" data-flip-case="${escape(`${diff.suite}/${diff.id}`)}"><h3>${diff.change === 'pass→fail' ? '✗ broken' : '✓ fixed'}: ${escape(diff.suite)}/${escape(diff.id)} <span class="meta">${escape(current.lang ?? '')} ${escape(current.tags.join(', '))}</span></h3><p><b>Customer:</b> ${customer}</p><div class="sides">${replyBlock('baseline', previous.turns)}${replyBlock('candidate', current.turns)}</div><p class="meta">what changed in the replies:</p><div class="diff">${diffHtml}</div></section>`;
  };
  return `<h2>Against the baseline</h2><p>${mcnemar.failToPass} fixed, ${mcnemar.passToFail} broken (McNemar exact p = ${num(mcnemar.pValue)}); differences of case means with 95% bootstrap intervals:</p><table><tr><th>measure</th><th>Δ</th><th>95% CI</th><th>reading</th></tr>${deltas}</table>${flips.length === 0 ? '<p>No case changed between pass and fail.</p>' : flips.map(flipHtml).join('')}`;
}

function configurationSection(report: EvalReport): string {
  const configuration = report.configuration;
  if (configuration === undefined) return '';
  const side = (name: string, entry: NonNullable<typeof configuration.baseline>) =>
    `<tr><th>${name}</th><td>${escape(entry.source)}</td><td>${escape(entry.model)}</td><td>${escape(Object.entries(entry.promptVersions).map(([prompt, version]) => `${prompt} v${version}`).join(', ') || 'n/a')}</td><td>${escape(Object.entries(entry.settings).map(([key, value]) => `${key}=${value}`).join(', ') || 'none')}</td></tr>`;
  const differs = differenceLines(report);
  return `<table><tr><th></th><th>from</th><th>model</th><th>prompt versions</th><th>settings</th></tr>${side('candidate', configuration.candidate)}${configuration.baseline === undefined ? '' : side('baseline', configuration.baseline)}</table>${configuration.baseline === undefined ? '' : `<p><b>What differs:</b></p><ul>${differs.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`}`;
}

function rejectedSection(report: EvalReport): string {
  const rejected = rejectedModelAnswers(report);
  if (rejected.length === 0) return '';
  return `<h3>Model answers the check rejected, or that were wrong</h3><table><tr><th>case</th><th>outcome</th><th>why</th></tr>${rejected.map((entry) => `<tr><td>${escape(entry.case)}</td><td>${escape(entry.outcome)}</td><td>${escape(entry.why)}</td></tr>`).join('')}</table>`;
}

function handoffSection(report: EvalReport): string {
  const { perReason, confusion } = report.metrics.handoff;
  const labels = Object.keys(confusion);
  if (labels.length === 0) return '<h2>Handoffs</h2><p>n/a: no case expects an action</p>';
  const reasons = Object.entries(perReason).map(([reason, row]) => `<tr><td>${escape(reason)}</td><td>${num(row.precision)}</td><td>${num(row.recall)}</td><td>${num(row.f1)}</td><td>${row.support}</td></tr>`).join('');
  const matrix = labels.map((expected) => `<tr><th>${escape(expected)}</th>${labels.map((actual) => `<td>${confusion[expected]?.[actual] ?? 0}</td>`).join('')}</tr>`).join('');
  return `<h2>Handoffs</h2><div class="sides"><div><table><tr><th>reason</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>${reasons}</table></div><div><table><tr><th>expected ↓ / got →</th>${labels.map((label) => `<th>${escape(label)}</th>`).join('')}</tr>${matrix}</table></div></div>`;
}

function casesSection(report: EvalReport): string {
  const flips = new Map((report.comparison?.cases ?? []).map((entry) => [`${entry.suite}/${entry.id}`, entry.change]));
  const all = (pick: (entry: CaseSummary) => readonly string[]) => [...new Set(report.cases.flatMap(pick))].sort();
  const rows = report.cases
    .map((entry) => {
      const flip = flips.get(`${entry.suite}/${entry.id}`) ?? '';
      const turns = entry.turns.map((turn) => `<div class="turn"><p><b>Customer:</b> ${escape(turn.customer)}</p>${replyBlock('reply', [turn])}</div>`).join('');
      return `<details class="case ${entry.passed ? 'pass' : 'fail'}" data-passed="${entry.passed}" data-suite="${escape(entry.suite)}" data-tags="${escape(entry.tags.join(' '))}" data-lang="${escape(entry.lang ?? '')}" data-flip="${escape(flip)}"><summary>${entry.passed ? '✓' : '✗'} ${escape(entry.suite)}/${escape(entry.id)}${entry.repeat > 0 ? ` #${entry.repeat + 1}` : ''}${entry.mustPass ? ' (must pass)' : ''} ${flip === '' || flip === 'same' ? '' : `<b>${escape(flip)}</b>`} <span class="meta">${escape(entry.lang ?? '')} ${escape(entry.tags.join(', '))}${entry.passed ? '' : ` — ${escape(entry.reasons.join('; '))}`}</span></summary>${turns}</details>`;
    })
    .join('\n');
  return `<h2>Cases</h2><form id="filters" class="filters" aria-label="Filter the cases"><label>show <select name="status"><option value="all">all</option><option value="failing"${report.gate.passed ? '' : ' selected'}>failing</option><option value="passing">passing</option><option value="flipped">flipped</option></select></label><label>suite <select name="suite"><option value="">any</option>${options(all((entry) => [entry.suite]))}</select></label><label>tag <select name="tag"><option value="">any</option>${options(all((entry) => entry.tags))}</select></label><label>language <select name="lang"><option value="">any</option>${options(all((entry) => (entry.lang === undefined ? [] : [entry.lang])))}</select></label><label>search <input type="search" name="q" placeholder="words in the messages or replies"></label><span class="meta"><span id="shown">${report.cases.length}</span> of ${report.cases.length} shown</span></form>${rows}`;
}

export function toHtml(report: EvalReport): string {
  const rows = headline(report.metrics).map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(value)}</td></tr>`).join('');
  const breakdown = Object.entries(report.breakdown)
    .map(([group, row]) => `<tr><td>${escape(group)}</td><td>${row.cases}</td><td><span class="bar" style="width:${(row.passRate * 80).toFixed(0)}px"></span> ${pct(row.passRate)}</td><td>${num(row.politeness)}</td><td>${orNa(row.factRecall)}</td></tr>`)
    .join('');
  const checker = Object.entries(report.checker?.candidate ?? {})
    .map(([split, metrics]) => `<tr><td>${escape(split)}</td><td>${metrics.cases}</td><td>${num(metrics.precision)}</td><td>${num(metrics.recall)}</td><td>${num(metrics.falseRejection)}</td></tr>`)
    .join('');
  const verdict = `<p><span class="verdict ${report.gate.passed ? 'pass' : 'fail'}">${report.gate.passed ? 'PASS' : 'FAIL'}</span> ${report.gate.passed ? 'Every must-pass case passed and nothing regressed.' : 'Why it fails:'}</p>${report.gate.failures.length === 0 ? '' : `<ul class="why">${report.gate.failures.map((failure) => `<li>${escape(failure)}</li>`).join('')}</ul>`}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Firstline eval ${escape(report.createdAt)}</title><style>${STYLE}</style></head><body>
<h1>Firstline eval</h1>${verdict}<p class="meta">${escape(report.createdAt)} · ${report.seconds.toFixed(1)} s · suites: ${escape(report.suites.join(', '))} · ${report.usage.calls} model calls (+${report.usage.cacheHits} cached)</p>${configurationSection(report)}
${flipSection(report)}
<h2>Metrics</h2><table>${rows}</table>${checker === '' ? '' : `<h3>Claim check on the labelled grounding sets</h3><table><tr><th>split</th><th>replies</th><th>precision</th><th>recall</th><th>false rejection</th></tr>${checker}</table>`}
${rejectedSection(report)}
<h2>Risk–coverage</h2>${riskCoverageSvg(report.metrics, report.thresholds)}
${handoffSection(report)}
<h2>By language and tag</h2><table><tr><th>group</th><th>cases</th><th>pass rate</th><th>politeness</th><th>fact recall</th></tr>${breakdown}</table>
${casesSection(report)}
<script>${SCRIPT}</script></body></html>
`;
}
