/**
 * Where the spotlight's hole and the guide's panel go, as plain geometry so it is testable
 * without a browser: the hole covers the control (and its own label when that sits beside it,
 * so the terms link stays clickable), the panel takes the first viewport corner that does not
 * cover the hole.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAD = 6;
const MARGIN = 16;

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The hole around a control: its box, joined with its label's when both fit in a modest area. */
export function holeFor(control: Box, labels: Box[], viewport: { width: number; height: number }): Box {
  let box = control;
  for (const label of labels) {
    const joined = union(box, label);
    if (label.width > 0 && joined.width * joined.height < (viewport.width * viewport.height) / 6) box = joined;
  }
  return { x: box.x - PAD, y: box.y - PAD, width: box.width + 2 * PAD, height: box.height + 2 * PAD };
}

/** An SVG path: the whole viewport minus the hole (drawn with fill-rule evenodd). */
export function dimPath(viewport: { width: number; height: number }, hole?: Box): string {
  const outer = `M0 0H${viewport.width}V${viewport.height}H0Z`;
  if (!hole) return outer;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `${outer}M${r(hole.x)} ${r(hole.y)}h${r(hole.width)}v${r(hole.height)}h${r(-hole.width)}Z`;
}

/** Top-left corner for the panel: bottom right (above the launcher), else the other corners. */
export function placePanel(
  panel: { width: number; height: number },
  viewport: { width: number; height: number },
  hole?: Box,
): { x: number; y: number } {
  const right = viewport.width - panel.width - MARGIN;
  const bottom = viewport.height - panel.height - 64;
  const corners = [
    { x: right, y: bottom },
    { x: MARGIN, y: bottom },
    { x: right, y: MARGIN },
    { x: MARGIN, y: MARGIN },
  ].map((c) => ({ x: Math.max(0, c.x), y: Math.max(0, c.y) }));
  return (hole && corners.find((c) => !overlaps({ ...c, ...panel }, hole))) || corners[0]!;
}
