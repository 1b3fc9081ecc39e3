// Renders the KPIs of the last 24 hours in the Prometheus text format. Runtime: any.
import type { Kpis } from '../../core/metrics/kpis.ts';

export function prometheusText(kpis: Kpis): string {
  const lines: string[] = [];
  const gauge = (name: string, help: string, value: number | null, labels = '') => {
    if (!lines.some((line) => line.startsWith(`# HELP ${name} `)))
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    if (value !== null) lines.push(`${name}${labels} ${Number.isFinite(value) ? value : 0}`);
  };
  gauge(
    'firstline_first_response_seconds',
    'Average first response time over the last 24 hours.',
    kpis.firstResponseBotSeconds,
    '{responder="bot"}',
  );
  gauge(
    'firstline_first_response_seconds',
    'Average first response time over the last 24 hours.',
    kpis.firstResponseHumanSeconds,
    '{responder="human"}',
  );
  gauge(
    'firstline_resolution_seconds',
    'Average time from handoff to resolution over the last 24 hours.',
    kpis.resolutionSeconds,
  );
  gauge('firstline_conversations', 'Conversations started in the last 24 hours.', kpis.conversations);
  gauge('firstline_tickets', 'Tickets opened in the last 24 hours.', kpis.tickets);
  gauge('firstline_backlog_tickets', 'Open tickets now.', kpis.backlog);
  gauge('firstline_overdue_tickets', 'Open tickets past their SLA deadline without a human response.', kpis.overdue);
  gauge(
    'firstline_sla_attainment_ratio',
    'Share of tickets answered by a person within SLA (last 24 hours).',
    kpis.slaAttainment,
  );
  gauge(
    'firstline_containment_ratio',
    'Share of conversations that never reached a person (last 24 hours).',
    kpis.containment,
  );
  for (const [reason, rate] of Object.entries(kpis.handoffRateByReason))
    gauge(
      'firstline_handoff_rate',
      'Tickets per conversation by reason (last 24 hours).',
      rate,
      `{reason="${reason}"}`,
    );
  gauge('firstline_csat_average', 'Average customer rating 1..5 (last 24 hours).', kpis.csat.average);
  gauge('firstline_csat_responses', 'Ratings received in the last 24 hours.', kpis.csat.responses);
  return `${lines.join('\n')}\n`;
}
