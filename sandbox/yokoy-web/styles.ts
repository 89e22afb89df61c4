/**
 * The look-alike's stylesheet, served as /assets/app.css: a dark navy side navigation and a
 * bright mint accent on a light work area, like Yokoy's web app. Plain CSS, no build step.
 */
export const appCss = /* css */ `
:root {
  --navy: #0c1533; --navy-2: #16214a; --navy-3: #24305e; --ink: #0c1533; --muted: #5b6480;
  --line: #e3e6ef; --bg: #f5f6fa; --card: #fff; --accent: #21e0a0; --accent-ink: #06271c;
  --accent-soft: #dcfbef; --danger: #c62a47; --danger-soft: #fdecef; --warn: #8a5a00; --warn-soft: #fff4d6;
  --radius: 10px; --shadow: 0 1px 2px rgba(12,21,51,.06), 0 4px 16px rgba(12,21,51,.06);
  font-family: Inter, "Segoe UI", system-ui, -apple-system, Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); font-size: 14px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
a { color: inherit; }
button, input, select { font: inherit; color: inherit; }
code, .mono { font-family: "JetBrains Mono", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 12px; top: 12px; z-index: 100; background: #fff; padding: 8px 12px; border-radius: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.app { display: grid; grid-template-columns: 248px 1fr; min-height: 100vh; }
.sidebar { background: var(--navy); color: #dfe4f5; display: flex; flex-direction: column; padding: 18px 12px; position: sticky; top: 0; height: 100vh; }
.brand { display: flex; align-items: center; gap: 10px; padding: 4px 10px 20px; text-decoration: none; color: #fff; }
.brand svg { height: 26px; width: auto; }
.nav, .nav ul { list-style: none; margin: 0; padding: 0; }
.nav { flex: 1; overflow-y: auto; }
.nav a, .nav .nav-group > button { display: flex; align-items: center; gap: 10px; width: 100%; padding: 9px 12px; border-radius: 8px;
  text-decoration: none; background: none; border: 0; cursor: pointer; text-align: left; color: #c9d0ea; }
.nav a:hover, .nav .nav-group > button:hover { background: var(--navy-2); color: #fff; }
.nav .nav-group > button::after { content: ""; margin-left: auto; width: 7px; height: 7px; border-right: 2px solid currentColor;
  border-bottom: 2px solid currentColor; transform: rotate(45deg); transition: transform .15s; opacity: .7; }
.nav .nav-group > button[aria-expanded="true"]::after { transform: rotate(-135deg); }
.nav .nav-group > ul { padding: 2px 0 6px 26px; }
.nav .nav-group > ul[hidden] { display: none; }
.nav a[aria-current="page"] { background: var(--navy-3); color: #fff; box-shadow: inset 3px 0 0 var(--accent); }
.nav .icon { width: 18px; height: 18px; flex: none; opacity: .85; }
.user { border-top: 1px solid var(--navy-3); padding-top: 12px; position: relative; }
.user > button { display: flex; align-items: center; gap: 10px; width: 100%; background: none; border: 0; color: #fff; padding: 8px; border-radius: 8px; cursor: pointer; text-align: left; }
.user > button:hover { background: var(--navy-2); }
.avatar { width: 32px; height: 32px; border-radius: 50%; background: var(--accent); color: var(--accent-ink); display: grid; place-items: center; font-weight: 700; font-size: 13px; flex: none; }
.user small { display: block; color: #9aa3c7; font-size: 12px; }
.menu { position: absolute; bottom: 58px; left: 0; right: 0; background: #fff; color: var(--ink); border-radius: 10px; box-shadow: 0 12px 32px rgba(0,0,0,.3); padding: 6px; z-index: 20; }
.menu[hidden] { display: none; }
.menu form { margin: 0; }
.menu .menu-label { padding: 6px 10px; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.menu [role^="menuitem"] { display: flex; width: 100%; padding: 8px 10px; border: 0; background: none; border-radius: 6px; cursor: pointer; text-align: left; text-decoration: none; }
.menu [role^="menuitem"]:hover, .menu [role^="menuitem"]:focus { background: var(--bg); outline: none; }
.menu [aria-checked="true"]::after { content: "✓"; margin-left: auto; color: #0a9b6c; font-weight: 700; }
.menu hr { border: 0; border-top: 1px solid var(--line); margin: 6px 0; }

.main { padding: 28px 36px 48px; min-width: 0; }
.page-header { display: flex; align-items: flex-start; justify-content: space-between; gap: 24px; margin-bottom: 20px; }
.page-header h1 { font-size: 24px; margin: 0; letter-spacing: -.01em; }
.page-header p { margin: 6px 0 0; color: var(--muted); max-width: 640px; }
.page-tools { display: flex; align-items: center; gap: 10px; flex: none; }
.org-id { display: flex; align-items: center; gap: 8px; background: var(--card); border: 1px solid var(--line); border-radius: 999px; padding: 4px 6px 4px 14px; box-shadow: var(--shadow); }
.org-id span { color: var(--muted); font-size: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); }
.card-header { display: flex; align-items: center; justify-content: space-between; padding: 16px 20px; border-bottom: 1px solid var(--line); }
.card-header h2 { font-size: 16px; margin: 0; }
.empty { padding: 36px 20px; text-align: center; color: var(--muted); }

.btn { display: inline-flex; align-items: center; justify-content: center; gap: 6px; padding: 9px 16px; border-radius: 8px; border: 1px solid var(--line); background: #fff; cursor: pointer; font-weight: 600; text-decoration: none; white-space: nowrap; }
.btn:hover { border-color: #c7cce0; }
.btn-primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.btn-primary:hover { background: #1ccf93; border-color: #1ccf93; }
.btn-dark { background: var(--navy); border-color: var(--navy); color: #fff; }
.btn:disabled { opacity: .45; cursor: not-allowed; }
.btn-icon { padding: 6px 10px; font-weight: 500; font-size: 13px; border-radius: 999px; }
.btn-icon.is-done { background: var(--accent-soft); border-color: var(--accent); }
:focus-visible { outline: 3px solid rgba(33,224,160,.55); outline-offset: 2px; }

table { width: 100%; border-collapse: collapse; }
th, td { padding: 11px 20px; text-align: left; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { white-space: nowrap; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; background: #fafbfd; }
tbody tr:last-child td { border-bottom: 0; }
.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--bg); color: var(--muted); }
.badge-new { background: var(--accent-soft); color: #06734f; }
.badge-busy { background: var(--warn-soft); color: var(--warn); }

.field { display: grid; gap: 6px; margin-bottom: 16px; }
.field label, .field .label { font-weight: 600; }
.field input[type="text"], .field input[type="email"], .field input[type="password"], .field select, .select {
  width: 100%; padding: 10px 12px; border: 1px solid #cfd4e4; border-radius: 8px; background: #fff; }
.field input:focus, .select:focus { border-color: var(--accent); outline: 3px solid rgba(33,224,160,.25); }
.field .hint { color: var(--muted); font-size: 13px; }
.field .error, .form-error { color: var(--danger); font-size: 13px; }
.form-error { background: var(--danger-soft); border-radius: 8px; padding: 10px 12px; margin-bottom: 14px; }
[aria-invalid="true"] { border-color: var(--danger) !important; }
.copy-field { display: flex; gap: 8px; }
.copy-field input { flex: 1; font-family: "JetBrains Mono", ui-monospace, monospace; background: #f7f8fb !important; }
.select-inline { display: flex; align-items: center; gap: 10px; }
.select-inline label { color: var(--muted); font-size: 13px; white-space: nowrap; }
.select-inline .select { min-width: 220px; padding: 8px 12px; box-shadow: var(--shadow); }

.backdrop { position: fixed; inset: 0; background: rgba(12,21,51,.55); display: grid; place-items: center; z-index: 50; padding: 24px; }
.backdrop[hidden] { display: none; }
.dialog { background: #fff; border-radius: 14px; width: min(560px, 100%); box-shadow: 0 24px 64px rgba(0,0,0,.35); }
.dialog header { display: flex; align-items: center; justify-content: space-between; padding: 20px 24px 0; }
.dialog h2 { font-size: 18px; margin: 0; }
.dialog .dialog-body { padding: 16px 24px 8px; }
.dialog footer { display: flex; justify-content: flex-end; gap: 10px; padding: 12px 24px 20px; }
.dialog .x { border: 0; background: none; font-size: 22px; line-height: 1; cursor: pointer; color: var(--muted); padding: 4px 8px; border-radius: 6px; }
.choice { display: flex; gap: 12px; padding: 14px; border: 1px solid var(--line); border-radius: 10px; margin-bottom: 10px; cursor: pointer; }
.choice:has(input:checked) { border-color: var(--accent); background: #f3fdf9; }
.choice:has(input:disabled) { cursor: not-allowed; opacity: .6; }
.choice strong { display: block; }
.choice span { color: var(--muted); font-size: 13px; }
fieldset { border: 0; padding: 0; margin: 0; }
legend { font-weight: 600; margin-bottom: 10px; padding: 0; }
.alert { display: flex; gap: 10px; padding: 12px 14px; border-radius: 10px; background: var(--warn-soft); color: #5c3d00; margin-bottom: 18px; }
.alert::before { content: "!"; flex: none; width: 20px; height: 20px; border-radius: 50%; background: #f0b429; color: #fff; display: grid; place-items: center; font-weight: 800; font-size: 13px; }
.check { display: flex; gap: 10px; align-items: center; font-weight: 600; margin-top: 6px; }
.check input { width: 18px; height: 18px; accent-color: #12b981; }

.auth { min-height: 100vh; display: grid; place-items: center; background: radial-gradient(1200px 600px at 80% -10%, #24356f 0, var(--navy) 55%); padding: 24px; }
.auth .panel { width: min(420px, 100%); background: #fff; border-radius: 16px; padding: 32px; box-shadow: 0 30px 80px rgba(0,0,0,.35); }
.auth .brand { padding: 0 0 18px; color: var(--navy); }
.auth h1 { font-size: 22px; margin: 0 0 6px; }
.auth p.lead { color: var(--muted); margin: 0 0 22px; }
.auth .btn { width: 100%; padding: 11px 16px; }
.auth .stack { display: grid; gap: 10px; margin-top: 8px; }
.auth ul.scopes { padding-left: 20px; margin: 8px 0 18px; }
.auth .who { display: flex; align-items: center; gap: 10px; padding: 10px 12px; background: var(--bg); border-radius: 10px; margin: 16px 0; }
.auth .muted, .muted { color: var(--muted); font-size: 13px; }
.auth .links { display: flex; justify-content: space-between; align-items: center; margin-top: 14px; font-size: 13px; }
.auth .links form { margin: 0; }
.auth .links select { border: 1px solid var(--line); border-radius: 6px; padding: 3px 6px; background: #fff; font-size: 13px; }
.people { list-style: none; padding: 0; margin: 10px 0 20px; display: grid; gap: 8px; }
.people li { display: flex; align-items: center; gap: 10px; }
.notice { max-width: 640px; padding: 28px; }
.notice h2 { margin-top: 0; }
`;
