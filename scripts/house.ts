/**
 * `npx tsx scripts/house.ts`: the house's plan as the imports draw it — which room (folder)
 * imports which, the import circles between files (type-only imports included: they tie the
 * files together for a reader just the same), and the back-imports the rules forbid (lib/
 * importing components/, a page room importing the worker's, a room importing an entrypoint).
 * tests/unit/house.test.ts keeps the answers at none. `--json` prints them for tooling.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const scanned = ['entrypoints', 'components', 'lib', 'modules'];
const extensions = ['.ts', '.tsx'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return extensions.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const specifier =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|\/\*\*\s*@jsxImportSource\s+(\S+)\s*\*\//g;

function resolveImport(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else if (spec.startsWith('~/') || spec.startsWith('@/')) base = resolve(root, spec.slice(2));
  else return undefined;
  for (const candidate of [base, ...extensions.map((e) => base + e), ...extensions.map((e) => join(base, `index${e}`))]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  for (const e of ['jsx-runtime.ts']) {
    try {
      if (statSync(join(base, e)).isFile()) return join(base, e);
    } catch {
      // not a JSX source folder
    }
  }
  return undefined;
}

export interface House {
  files: number;
  rooms: Record<string, number>;
  edges: Record<string, string[]>;
  circles: string[][];
  backImports: string[];
  unresolved: string[];
}

/** The room a file lives in: its folder below lib/ (two levels for lib/sites/<site>), else its top folder. */
export function roomOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'lib') {
    if ((parts[1] === 'sites' || parts[1] === 'banqup-page' || parts[1] === 'yokoy-page') && parts.length > 3)
      return parts.slice(0, 3).join('/');
    return parts.length > 2 ? parts.slice(0, 2).join('/') : 'lib';
  }
  if (parts[0] === 'entrypoints') return parts.slice(0, 2).join('/');
  return parts[0] ?? file;
}

/** Where a room runs, for the back-import rule: page rooms must not import worker-only rooms. */
const pageRooms = /^lib\/(banqup-page|yokoy-page|in-page)/;
const workerOnly = /^lib\/(background|export|import|reconcile|connection|menus|vault|yokoy-api|banqup-api|db|status|tabs)(\/|$)/;

export function readHouse(): House {
  const files = scanned.flatMap((d) => walk(join(root, d)));
  const edges: Record<string, string[]> = {};
  const unresolved: string[] = [];
  for (const file of files) {
    const from = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(specifier)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec) continue;
      const target = resolveImport(file, spec);
      if (target) targets.add(relative(root, target));
      else if (spec.startsWith('.') || spec.startsWith('~/')) unresolved.push(`${from} → ${spec}`);
    }
    edges[from] = [...targets].sort();
  }
  const rooms: Record<string, number> = {};
  for (const file of Object.keys(edges)) rooms[roomOf(file)] = (rooms[roomOf(file)] ?? 0) + 1;
  const backImports: string[] = [];
  for (const [from, targets] of Object.entries(edges)) {
    for (const to of targets) {
      if (from.startsWith('lib/') && to.startsWith('components/')) backImports.push(`${from} → ${to} (lib imports a view)`);
      if (!from.startsWith('entrypoints/') && to.startsWith('entrypoints/')) backImports.push(`${from} → ${to} (imports an entrypoint)`);
      if (pageRooms.test(from) && workerOnly.test(to)) backImports.push(`${from} → ${to} (page code imports worker code)`);
    }
  }
  return { files: files.length, rooms, edges, circles: circles(edges), backImports, unresolved };
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function circles(edges: Record<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of edges[v] ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges[v] ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of Object.keys(edges)) if (!idx.has(v)) visit(v);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const house = readHouse();
  if (process.argv.includes('--json')) console.log(JSON.stringify(house, null, 2));
  else {
    console.log(`${house.files} files in ${Object.keys(house.rooms).length} rooms`);
    for (const [room, n] of Object.entries(house.rooms).sort()) console.log(`  ${room.padEnd(32)} ${n}`);
    console.log(`import circles: ${house.circles.length}`);
    for (const c of house.circles) console.log(`  ${c.join(' ⇄ ')}`);
    console.log(`back-imports: ${house.backImports.length}`);
    for (const b of house.backImports) console.log(`  ${b}`);
    if (house.unresolved.length) console.log(`unresolved: ${house.unresolved.join(', ')}`);
  }
}
