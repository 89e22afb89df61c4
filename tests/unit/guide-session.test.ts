// @vitest-environment happy-dom
// (the session lives in the page's sessionStorage)
/** The guide's session (open state, "I've done this" steps) and the worker's GUIDE_HASH. */
import { describe, expect, it } from 'vitest';
import { GUIDE_HASH as workerHash } from '../../lib/tabs/open-pages';
import { GUIDE_HASH, readSession, takeGuideHash, writeSession } from '../../lib/banqup-page/guide/session';

describe('guide session', () => {
  it('uses the same hash as the worker that opens Banqup with it', () => {
    expect(GUIDE_HASH).toBe(workerHash);
  });

  it('survives a reload through sessionStorage and forgets itself when closed', () => {
    writeSession(sessionStorage, { open: true, acknowledged: ['A3'] });
    expect(readSession(sessionStorage)).toEqual({ open: true, acknowledged: ['A3'] });
    writeSession(sessionStorage, { open: false, acknowledged: [] });
    expect(sessionStorage.length).toBe(0);
    expect(readSession(sessionStorage)).toEqual({ open: false, acknowledged: [] });
  });

  it('shrugs off what the page may have put there', () => {
    sessionStorage.setItem('yokoy-companion-guide', '{"open":true,"acknowledged":["A3","<img>",5]}');
    expect(readSession(sessionStorage)).toEqual({ open: true, acknowledged: ['A3'] });
    sessionStorage.setItem('yokoy-companion-guide', 'not json');
    expect(readSession(sessionStorage)).toEqual({ open: false, acknowledged: [] });
    sessionStorage.clear();
  });

  it('opens on the hash once and removes it from the address', () => {
    history.replaceState(null, '', `/apps?x=1${GUIDE_HASH}`);
    expect(takeGuideHash(window)).toBe(true);
    expect(location.pathname + location.search + location.hash).toBe('/apps?x=1');
    expect(takeGuideHash(window)).toBe(false);
  });
});
