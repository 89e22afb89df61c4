/**
 * A JSX runtime that builds real DOM nodes, for the UI on Banqup's pages. Why not Preact: the
 * Banqup content script has a 15 KB (gzip) budget and Preact alone is 4.6 KB of it; the guide's
 * panel is small, built once and updated in place, so it needs no virtual DOM. Use it with
 * `/** @jsxImportSource ~/lib/in-page/dom *\/` at the top of a .tsx file.
 *
 * Props: `class`, `style` (a string), `on<Event>` listeners, `ref` (called with the element),
 * `true`/`false`/null toggle attributes, anything else becomes an attribute.
 */
export type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = { [name: string]: unknown; children?: Child; ref?: (el: Element) => void };
type Component = (props: Props) => Node;

const SVG = 'http://www.w3.org/2000/svg';
const svgTags = new Set(['svg', 'path', 'rect', 'g', 'circle']);

export function append(parent: Node, child: Child): void {
  if (Array.isArray(child)) child.forEach((c) => append(parent, c));
  else if (child instanceof Node) parent.appendChild(child);
  else if (child !== null && child !== undefined && typeof child !== 'boolean') parent.appendChild(document.createTextNode(String(child)));
}

export function jsx(tag: string | Component, props: Props): Node {
  if (typeof tag === 'function') return tag(props);
  const el = svgTags.has(tag) ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === null || value === undefined || value === false) continue;
    if (name === 'ref') (value as (el: Element) => void)(el);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, props.children);
  return el;
}

export const jsxs = jsx;

export function Fragment(props: { children?: Child }): Node {
  const fragment = document.createDocumentFragment();
  append(fragment, props.children);
  return fragment;
}

export namespace JSX {
  export type Element = Node;
  export interface IntrinsicElements {
    [tag: string]: Props;
  }
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}
