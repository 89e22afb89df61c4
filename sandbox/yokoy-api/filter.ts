/**
 * The `filter` query parameter: a SCIM (RFC 7644 §3.4.2.2) subset, evaluated against the JSON
 * the API serves, so every public field is filterable (the description: "All public fields
 * are supported"), nested ones with dots (`customInformation.banqupId`).
 *
 * Supported: eq ne co sw ew gt ge lt le pr, `and`, `or`, `not (…)`, parentheses. Values may be
 * quoted (`"INV-1"`, SCIM) or bare (`foo`, `2024-03-02T09:00.000Z`), as the description's own
 * example writes them. String comparison is exact (case-sensitive): the strict reading, so an
 * extension that works here does not rely on case folding Yokoy may not do. Attribute names
 * are case-insensitive, as SCIM says. Anything else is a 400 "Invalid filter string: …".
 */

type Value = { text: string; quoted: boolean };
type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; inner: Node }
  | { kind: 'cmp'; path: string[]; op: string; value?: Value };

const operators = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr']);

type Token = { t: 'lp' | 'rp' } | { t: 'word'; text: string } | { t: 'str'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (/\s/.test(c)) i++;
    else if (c === '(') tokens.push({ t: 'lp' }), i++;
    else if (c === ')') tokens.push({ t: 'rp' }), i++;
    else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < input.length && input[j] !== '"') {
        if (input[j] === '\\' && j + 1 < input.length) j++;
        text += input[j];
        j++;
      }
      if (j >= input.length) throw new Error('unterminated string');
      tokens.push({ t: 'str', text });
      i = j + 1;
    } else {
      let j = i;
      while (j < input.length && !/[\s()"]/.test(input[j] ?? '')) j++;
      tokens.push({ t: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

export function parseFilter(input: string): Node {
  const tokens = tokenize(input);
  let pos = 0;
  const peekWord = () => {
    const tok = tokens[pos];
    return tok?.t === 'word' ? tok.text.toLowerCase() : undefined;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peekWord() === 'or') pos++, (left = { kind: 'or', left, right: andExpr() });
    return left;
  };
  const andExpr = (): Node => {
    let left = unary();
    while (peekWord() === 'and') pos++, (left = { kind: 'and', left, right: unary() });
    return left;
  };
  const group = (): Node => {
    if (tokens[pos]?.t !== 'lp') throw new Error('expected (');
    pos++;
    const inner = orExpr();
    if (tokens[pos]?.t !== 'rp') throw new Error('expected )');
    pos++;
    return inner;
  };
  const unary = (): Node => {
    if (peekWord() === 'not') return (pos++, { kind: 'not', inner: group() });
    if (tokens[pos]?.t === 'lp') return group();
    const attr = tokens[pos++];
    if (attr?.t !== 'word' || !/^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/.test(attr.text)) throw new Error('expected attribute');
    const op = tokens[pos++];
    if (op?.t !== 'word' || !operators.has(op.text.toLowerCase())) throw new Error('expected operator');
    const path = attr.text.split('.');
    if (op.text.toLowerCase() === 'pr') return { kind: 'cmp', path, op: 'pr' };
    const v = tokens[pos++];
    if (!v || (v.t !== 'word' && v.t !== 'str')) throw new Error('expected value');
    return { kind: 'cmp', path, op: op.text.toLowerCase(), value: { text: v.text, quoted: v.t === 'str' } };
  };
  if (tokens.length === 0) throw new Error('empty filter');
  const node = orExpr();
  if (pos !== tokens.length) throw new Error('unexpected trailing input');
  return node;
}

/** Looks a dotted path up, attribute names case-insensitively. */
function lookup(obj: unknown, path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    const rec = cur as Record<string, unknown>;
    const actual = key in rec ? key : Object.keys(rec).find((k) => k.toLowerCase() === key.toLowerCase());
    cur = actual === undefined ? undefined : rec[actual];
  }
  return cur;
}

function compare(actual: unknown, op: string, value: Value): boolean {
  if (Array.isArray(actual)) return actual.some((a) => compare(a, op, value));
  const bare = value.quoted ? undefined : value.text.toLowerCase();
  if (bare === 'null')
    return op === 'eq' ? actual === null || actual === undefined : op === 'ne' ? actual !== null && actual !== undefined : false;
  if (actual === null || actual === undefined) return op === 'ne';
  let a: string | number | boolean;
  let v: string | number | boolean;
  if (typeof actual === 'number') {
    a = actual;
    v = Number(value.text);
    if (value.text.trim() === '' || Number.isNaN(v)) v = value.text;
  } else if (typeof actual === 'boolean') {
    a = actual;
    v = bare === 'true' ? true : bare === 'false' ? false : value.text;
  } else if (typeof actual === 'string') {
    a = actual;
    v = value.text;
  } else return false;
  switch (op) {
    case 'eq':
      return a === v;
    case 'ne':
      return a !== v;
    case 'co':
      return typeof a === 'string' && a.includes(String(v));
    case 'sw':
      return typeof a === 'string' && a.startsWith(String(v));
    case 'ew':
      return typeof a === 'string' && a.endsWith(String(v));
    case 'gt':
      return typeof a === typeof v && a > v;
    case 'ge':
      return typeof a === typeof v && a >= v;
    case 'lt':
      return typeof a === typeof v && a < v;
    case 'le':
      return typeof a === typeof v && a <= v;
    default:
      return false;
  }
}

export function matches(node: Node, obj: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, obj) && matches(node.right, obj);
    case 'or':
      return matches(node.left, obj) || matches(node.right, obj);
    case 'not':
      return !matches(node.inner, obj);
    case 'cmp': {
      const actual = lookup(obj, node.path);
      if (node.op === 'pr')
        return actual !== undefined && actual !== null && actual !== '' && !(Array.isArray(actual) && actual.length === 0);
      return node.value !== undefined && compare(actual, node.op, node.value);
    }
  }
}

/** Parses `filter` (if given) into a predicate; `undefined` predicate = no filter; `error` for a 400. */
export function compileFilter(filter: string | null): { predicate?: (obj: unknown) => boolean } | { error: string } {
  if (filter === null) return {};
  try {
    const node = parseFilter(filter);
    return { predicate: (obj) => matches(node, obj) };
  } catch {
    return { error: `Invalid filter string: ${filter}` };
  }
}
