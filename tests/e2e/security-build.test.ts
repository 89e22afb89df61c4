/**
 * The production builds keep MV3's default content security policy for extension pages (no
 * `unsafe-eval`, no remote code): the manifests declare no `content_security_policy` (nor
 * `externally_connectable`, nor script-bearing web-accessible resources), no built JS file calls
 * `eval(` / `new Function(` / `importScripts(` or imports or injects a script from `http(s)://`,
 * and the popup's and options page's HTML load only the extension's own files. Static scan of
 * the output `tests/e2e/global-setup.ts` builds (`WXT_OUT_DIR` respected).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDir } from './support/browser';

const builds = ['chrome-mv3', 'firefox-mv2'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('production builds: default CSP, no remote or dynamic code', () => {
  for (const build of builds) {
    const dir = resolve(outputDir, build);

    it(`${build}: the manifest loosens nothing`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.content_security_policy).toBeUndefined();
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.sandbox).toBeUndefined();
      // Web-accessible: the content scripts' style sheets, and the Banqup page module's folder
      // (the module the Banqup content script imports once the page has settled, and its guide
      // chunk): never a page. In MV3 they are reachable only through the session's random URL
      // (use_dynamic_url), the module only from Banqup's origins.
      type Resource = string | { resources: string[]; matches?: string[]; use_dynamic_url?: boolean };
      const entries: Resource[] = manifest.web_accessible_resources ?? [];
      const resources = entries.flatMap((r) => (typeof r === 'string' ? [r] : r.resources));
      expect(resources.filter((r) => !r.endsWith('.css'))).toEqual(['content-scripts/banqup-page/*']);
      expect(readdirSync(join(dir, 'content-scripts/banqup-page')).sort()).toEqual(['guide.js', 'page.js']);
      for (const entry of entries) {
        if (typeof entry === 'string') continue;
        expect(entry.use_dynamic_url).toBe(true);
        if (entry.resources.includes('content-scripts/banqup-page/*'))
          expect(entry.matches).toEqual(['https://app.banqup.com/*', 'https://app.btx.banqup.com/*']);
      }
    });

    it(`${build}: no built JS evaluates strings or loads a remote script`, () => {
      const js = files(dir).filter((f) => f.endsWith('.js'));
      expect(js.length).toBeGreaterThan(3);
      const offences: string[] = [];
      const patterns: [string, RegExp][] = [
        ['eval(', /(^|[^\w$.])eval\s*\(/],
        ['new Function(', /new\s+Function\s*\(/],
        ['Function("…")', /(^|[^\w$.])Function\s*\(\s*["'`]/],
        ['importScripts(', /importScripts\s*\(/],
        ['import("http…")', /import\s*\(\s*["'`]https?:/],
        ['import … from "http…"', /from\s*["'`]https?:\/\//],
        ['script src = "http…"', /\.src\s*=\s*["'`]https?:/],
        ['setTimeout("…")', /set(Timeout|Interval)\s*\(\s*["'`]/],
        ['<script src="http…"', /<script[^>]+src=\\?["']https?:/i],
      ];
      for (const file of js) {
        const text = readFileSync(file, 'utf8');
        for (const [name, pattern] of patterns) if (pattern.test(text)) offences.push(`${file.slice(dir.length + 1)}: ${name}`);
      }
      expect(offences).toEqual([]);
    });

    it(`${build}: popup and options load only the extension's own scripts and styles`, () => {
      for (const page of ['popup.html', 'options.html', 'import.html']) {
        const html = readFileSync(join(dir, page), 'utf8');
        const refs = [...html.matchAll(/<(script|link)\b[^>]*?\b(src|href)=["']([^"']+)["']/gi)].map((m) => m[3]!);
        expect(refs.length, page).toBeGreaterThan(0);
        expect(
          refs.filter((r) => /^[a-z][\w+.-]*:|^\/\//i.test(r)),
          page,
        ).toEqual([]);
        // No inline script either (MV3's CSP would block it; its presence would mean a loosened policy was planned).
        expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi) ?? [], page).toEqual([]);
        expect(html).not.toMatch(/\son\w+\s*=/i);
      }
    });
  }
});
