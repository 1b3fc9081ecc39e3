// The risk–coverage curve as inline SVG: accuracy of the answered cases against the share answered, with
// labelled axes and the configured thresholds marked. Runtime: any.
import type { EvalMetrics } from '../eval-metrics.ts';

type Point = EvalMetrics['calibration']['riskCoverage'][number];

const X0 = 56;
const Y0 = 24;
const WIDTH = 400;
const HEIGHT = 220;
const x = (coverage: number) => X0 + coverage * WIDTH;
const y = (accuracy: number) => Y0 + (1 - accuracy) * HEIGHT;

/** The curve's point at a confidence threshold, between the measured ones. */
function at(points: readonly Point[], threshold: number): Point | undefined {
  const below = [...points].reverse().find((point) => point.threshold <= threshold);
  const above = points.find((point) => point.threshold >= threshold);
  if (below === undefined || above === undefined) return below ?? above;
  if (above.threshold === below.threshold) return below;
  const share = (threshold - below.threshold) / (above.threshold - below.threshold);
  return {
    threshold,
    coverage: below.coverage + (above.coverage - below.coverage) * share,
    accuracy: below.accuracy + (above.accuracy - below.accuracy) * share,
  };
}

export function riskCoverageSvg(
  metrics: EvalMetrics,
  thresholds?: { readonly answer: number; readonly handoff: number },
): string {
  const points = metrics.calibration.riskCoverage;
  if (points.length === 0) return '<p>n/a: no scored answers</p>';
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  // At each tick: a vertical grid line with its coverage label below, a horizontal one with its accuracy label left.
  const grid = ticks
    .map((tick) =>
      [
        `<line x1="${x(tick)}" y1="${Y0}" x2="${x(tick)}" y2="${Y0 + HEIGHT}" class="grid"/>`,
        `<text x="${x(tick)}" y="${Y0 + HEIGHT + 16}" text-anchor="middle">${tick * 100}%</text>`,
        `<line x1="${X0}" y1="${y(tick)}" x2="${X0 + WIDTH}" y2="${y(tick)}" class="grid"/>`,
        `<text x="${X0 - 6}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}%</text>`,
      ].join(''),
    )
    .join('');
  const line = points.map((point) => `${x(point.coverage).toFixed(1)},${y(point.accuracy).toFixed(1)}`).join(' ');
  // Each threshold's point on the curve, labelled in a row of its own under the title so labels never overlap.
  const marks = Object.entries(thresholds ?? {})
    .flatMap(([name, threshold], index) => {
      const point = at(points, threshold);
      if (point === undefined) return [];
      const setting = name === 'handoff' ? 'HANDOFF_THRESHOLD' : 'ANSWER_THRESHOLD';
      const [answered, right] = [(point.coverage * 100).toFixed(0), (point.accuracy * 100).toFixed(0)];
      const [cx, cy] = [x(point.coverage).toFixed(1), y(point.accuracy).toFixed(1)];
      return [
        [
          `<circle cx="${cx}" cy="${cy}" r="5" class="mark ${name}"/>`,
          `<circle cx="${X0 + 8}" cy="${Y0 + 12 + index * 16}" r="5" class="mark ${name}"/>`,
          `<text x="${X0 + 18}" y="${Y0 + 16 + index * 16}" class="mark-label">`,
          `${setting} ${threshold.toFixed(2)}: ${answered}% answered, ${right}% of them right</text>`,
        ].join(''),
      ];
    })
    .join('');
  const label =
    'Risk–coverage: accuracy of the answered cases against the share answered, as the confidence threshold rises';
  const [width, height, middle] = [X0 + WIDTH + 24, Y0 + HEIGHT + 44, Y0 + HEIGHT / 2];
  return [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="${label}" class="chart">`,
    grid,
    `<rect x="${X0}" y="${Y0}" width="${WIDTH}" height="${HEIGHT}" class="frame"/>`,
    `<polyline points="${line}" class="curve"/>`,
    marks,
    `<text x="${X0 + WIDTH / 2}" y="${Y0 + HEIGHT + 36}" text-anchor="middle" class="axis">`,
    `coverage: share of scored cases answered</text>`,
    `<text x="14" y="${middle}" text-anchor="middle" transform="rotate(-90 14 ${middle})" class="axis">`,
    `accuracy of the answered</text>`,
    `</svg>`,
  ].join('');
}
