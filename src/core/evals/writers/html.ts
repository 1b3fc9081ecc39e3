// The eval report as one self-contained HTML page (no network). Runtime: any.
import type { EvalMetrics } from '../eval-metrics.ts';
import type { EvalReport } from '../report.ts';
import { escape, headline, num, pct } from './format.ts';

function riskCoverageSvg(metrics: EvalMetrics): string {
  const points = metrics.calibration.riskCoverage.map((point) => `${(40 + point.coverage * 320).toFixed(1)},${(210 - point.accuracy * 180).toFixed(1)}`).join(' ');
  return `<svg viewBox="0 0 380 240" width="380" height="240" role="img" aria-label="Risk-coverage curve: accuracy of answered cases against the share answered"><rect x="40" y="30" width="320" height="180" fill="none" stroke="#999"/><polyline points="${points}" fill="none" stroke="#1a5fb4" stroke-width="2"/><text x="200" y="232" text-anchor="middle" font-size="12">coverage (share answered)</text><text x="12" y="120" font-size="12" transform="rotate(-90 12 120)" text-anchor="middle">accuracy</text></svg>`;
}

export function toHtml(report: EvalReport): string {
  const rows = headline(report.metrics).map(([name, value]) => `<tr><th scope="row">${escape(name)}</th><td>${escape(value)}</td></tr>`).join('');
  const breakdown = Object.entries(report.breakdown).map(([group, row]) => `<tr><td>${escape(group)}</td><td>${row.cases}</td><td>${pct(row.passRate)}</td><td>${num(row.politeness)}</td><td>${num(row.factRecall)}</td></tr>`).join('');
  const cases = report.cases
    .map((entry) => {
      const turns = entry.turns
        .map((turn) => `<div class="turn"><p><b>Customer:</b> ${escape(turn.customer)}</p><p><b>Bot (${escape(turn.reply?.action ?? 'silent')}${turn.reply?.reasons.length ? `: ${escape(turn.reply.reasons.join(', '))}` : ''}):</b> ${escape(turn.reply?.text ?? '—').replace(/\n/g, '<br>')}</p><p class="meta">citations: ${escape(turn.reply?.citations.join(', ') || 'none')} · confidence ${num(turn.reply?.confidence ?? 0)} · ${escape(turn.reasons.join('; ') || 'passed')}</p></div>`)
        .join('');
      return `<details class="${entry.passed ? 'pass' : 'fail'}"><summary>${entry.passed ? '✓' : '✗'} ${escape(entry.suite)}/${escape(entry.id)} <span class="meta">${escape(entry.lang ?? '')} ${escape(entry.tags.join(', '))}</span></summary>${turns}</details>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firstline eval ${escape(report.createdAt)}</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.fail>summary{color:#a51d2d}.pass>summary{color:#26a269}.meta{color:#666;font-size:12px}.turn{border-left:3px solid #ddd;padding-left:.8rem;margin:.5rem 0}</style></head><body><h1>Firstline eval — ${report.gate.passed ? 'pass' : 'fail'}</h1><p class="meta">${escape(report.createdAt)} · ${report.seconds.toFixed(1)} s · suites: ${escape(report.suites.join(', '))} · prompts: ${escape(report.prompts)}</p>${report.gate.failures.length > 0 ? `<ul>${report.gate.failures.map((failure) => `<li>${escape(failure)}</li>`).join('')}</ul>` : ''}<table>${rows}</table><h2>Risk–coverage</h2>${riskCoverageSvg(report.metrics)}<h2>By language and tag</h2><table><tr><th>group</th><th>cases</th><th>pass rate</th><th>politeness</th><th>fact recall</th></tr>${breakdown}</table><h2>Cases</h2>${cases}</body></html>\n`;
}

