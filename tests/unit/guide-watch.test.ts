// @vitest-environment happy-dom
// (watches a document's mutations once per animation frame)
/** The page watcher: one run per frame after changes, none while the page is idle, none after stop. */
import { describe, expect, it } from 'vitest';
import { watchPage } from '../../lib/in-page/watch';

/** A frame and the task after it, and one more: content changes are reported in a task just after the frame. */
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => setTimeout(r, 0), 0)));

describe('watching the page', () => {
  it('coalesces a burst of changes into one run, and stays silent while idle', async () => {
    const abort = new AbortController();
    let runs = 0;
    watchPage({ doc: document, win: window, signal: abort.signal }, () => runs++);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('p'));
    document.body.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    await frame();
    expect(runs).toBe(1);
    await frame();
    await frame();
    expect(runs).toBe(1);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await frame();
    expect(runs).toBe(2);
    abort.abort();
    document.body.append(document.createElement('p'));
    await frame();
    await frame();
    expect(runs).toBe(2);
  });
});

describe('changes on a big page', () => {
  it('a change away from every relevant element is not reported; one inside a relevant element is content; a scroll is layout only', async () => {
    document.body.innerHTML =
      '<main><table><tbody><tr><td id="cell">1</td><td><input type="checkbox" id="tick"></td></tr></tbody></table><button id="go">Go</button></main>';
    const abort = new AbortController();
    const changes: boolean[] = [];
    watchPage({ doc: document, win: window, signal: abort.signal, relevant: 'button, input[type="checkbox"]' }, (c) =>
      changes.push(c.content),
    );
    document.getElementById('cell')!.firstChild!.textContent = '2';
    await frame();
    document.getElementById('cell')!.classList.add('updated');
    await frame();
    document.getElementById('go')!.textContent = 'Connect';
    await frame();
    document.getElementById('tick')!.setAttribute('checked', '');
    await frame();
    const row = document.createElement('tr');
    row.innerHTML = '<td>new</td>';
    document.querySelector('tbody')!.append(row);
    await frame();
    const withButton = document.createElement('tr');
    withButton.innerHTML = '<td><button>Activate</button></td>';
    document.querySelector('tbody')!.append(withButton);
    await frame();
    window.dispatchEvent(new Event('scroll'));
    await frame();
    abort.abort();
    // The cell's text, its class and a plain row: nothing; the button, the checkbox, the row
    // with a button: content; the scroll: layout only.
    expect(changes).toEqual([true, true, true, false]);
  });
  it('shows every record of a batch to `relevant`, not only up to the first that matters', async () => {
    document.body.innerHTML = '<main><ul id="a"></ul><ul id="b"></ul></main>';
    const abort = new AbortController();
    const seen: string[] = [];
    let runs = 0;
    const relevant = (r: MutationRecord) => (seen.push((r.target as Element).id), true);
    watchPage({ doc: document, win: window, signal: abort.signal, relevant }, () => runs++);
    document.getElementById('a')!.append(document.createElement('li'));
    document.getElementById('b')!.append(document.createElement('li'));
    await frame();
    abort.abort();
    expect(seen).toEqual(['a', 'b']);
    expect(runs).toBe(1);
  });
});
