/** @jsxImportSource ~/lib/in-page/dom */
/**
 * The spotlight: the viewport dimmed except a hole over the step's control, and a ring around
 * the hole. Drawn in the guide's shadow root, fixed, so the page's own layout never moves. The
 * dimmed part takes the pointer (the user's attention stays on the step); the hole lets it
 * through to the control (SVG hit-testing follows the painted area, and evenodd leaves the
 * hole unpainted). The ring carries the hole's box in `data-rect` for tests and demos.
 */
import { dimPath, type Box } from '../../in-page/geometry';

export interface GuideSpotlight {
  nodes: Node[];
  update(viewport: { width: number; height: number }, hole: Box | undefined): void;
}

export function createGuideSpotlight(): GuideSpotlight {
  let svg!: SVGSVGElement;
  let path!: SVGPathElement;
  let ring!: HTMLElement;
  const nodes = [
    <svg class="spotlight" aria-hidden="true" ref={(el) => (svg = el as SVGSVGElement)}>
      <path fill-rule="evenodd" ref={(el) => (path = el as SVGPathElement)} />
    </svg>,
    <div class="ring" data-testid="guide-highlight" hidden ref={(el) => (ring = el as HTMLElement)} />,
  ];
  let last = '';
  return {
    nodes,
    update(viewport, hole) {
      const key = JSON.stringify([viewport, hole]);
      if (key === last) return;
      last = key;
      // No control to show: no dimming either, the page stays fully usable.
      svg.toggleAttribute('hidden', !hole);
      ring.hidden = !hole;
      if (!hole) return ring.removeAttribute('data-rect');
      svg.setAttribute('viewBox', `0 0 ${viewport.width} ${viewport.height}`);
      path.setAttribute('d', dimPath(viewport, hole));
      Object.assign(ring.style, { left: `${hole.x}px`, top: `${hole.y}px`, width: `${hole.width}px`, height: `${hole.height}px` });
      ring.setAttribute('data-rect', [hole.x, hole.y, hole.width, hole.height].map(Math.round).join(','));
    },
  };
}
