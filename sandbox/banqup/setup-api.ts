/**
 * HTTP face of the accounting-app wizard (`setup-wizard.ts` holds the rules):
 *
 *   GET   /api/v1/accounting/setup                  → PublicSetup
 *   PATCH /api/v1/accounting/setup                  → saves draft values of the current screen
 *   POST  /api/v1/accounting/setup/activate         A2  inactive → connection
 *   POST  /api/v1/accounting/setup/next             A3–A5
 *   POST  /api/v1/accounting/setup/back             one screen back
 *   POST  /api/v1/accounting/setup/yokoy-sign-in    A9  → {authorizeUrl} (body may carry the typed credentials)
 *   POST  /api/v1/accounting/setup/connect          A11 (body may carry credentials + termsAccepted)
 *   POST  /api/v1/accounting/setup/finish           A13
 *   POST  /api/v1/accounting/setup/deactivate
 *   GET   /accounting/yokoy/callback?code&state     A9's return from Yokoy's web app; the code is
 *                                                   redeemed at Yokoy web's POST /oauth/token
 *
 * Errors: `{error: code, fields?: {name: code}}` with 400 (bad input), 409 (wrong step or
 * precondition), 422 (refused). Success answers carry the new PublicSetup.
 */
import type { Ctx } from '../http';
import { json, readBody, redirect, type Router } from '../http';
import type { LookAlikeEnv } from '../app';
import { apiGuard, pageGuard } from './auth';
import {
  activateApp,
  applyPatch,
  back,
  beginYokoySignIn,
  checkConnectable,
  connected,
  deactivate,
  finish,
  next,
  parsePatch,
  publicSetup,
  SetupError,
  takeYokoyCallback,
  yokoySignInResult,
  type AccountingSetup,
} from './setup-wizard';
import type { BanqupStore } from './store';
import { connectToYokoy, redeemYokoyCode } from './yokoy-connect';

/** The OAuth client Banqup is registered as in Yokoy's web app (the "Sign in with Yokoy" contract). */
export const yokoySignInClientId = 'banqup-accounting';
export const yokoyCallbackPath = '/accounting/yokoy/callback';

/** Where each step's screen lives in the SPA (the client has the same table). */
export const stepPaths: Record<AccountingSetup['step'], string> = {
  inactive: '/apps/accounting',
  connection: '/apps/accounting/connection',
  exportType: '/apps/accounting/export',
  package: '/apps/accounting/package',
  credentials: '/apps/accounting/yokoy',
  legalEntity: '/apps/accounting/legal-entity',
  active: '/apps/accounting',
};

async function jsonBody(ctx: Ctx): Promise<unknown> {
  const raw = (await readBody(ctx.req, 256 * 1024)).toString('utf8').trim();
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new SetupError(400, 'invalid_json');
  }
}

function fail(ctx: Ctx, error: unknown): void {
  if (error instanceof SetupError) {
    json(ctx.res, error.status, { error: error.code, ...(Object.keys(error.fields).length ? { fields: error.fields } : {}) });
  } else throw error;
}

export function addSetupRoutes(router: Router, store: BanqupStore, env: LookAlikeEnv): void {
  /** Runs one wizard action for the signed-in user and answers with the new state. */
  const action = (run: (setup: AccountingSetup, body: unknown, ctx: Ctx) => unknown) =>
    apiGuard(store, async (ctx, user) => {
      const setup = store.setupFor(user.userId);
      try {
        const body = ctx.req.method === 'GET' ? {} : await jsonBody(ctx);
        const extra = await run(setup, body, ctx);
        json(ctx.res, 200, { ...publicSetup(setup), ...(extra && typeof extra === 'object' ? extra : {}) });
      } catch (error) {
        fail(ctx, error);
      }
    });

  /** Saves any draft values sent along with an action (the screen's fields), then runs it. */
  const withDraft = (body: unknown, setup: AccountingSetup) => {
    if (body && typeof body === 'object' && Object.keys(body).length) applyPatch(setup, parsePatch(body));
  };

  router.get(
    '/api/v1/accounting/setup',
    action(() => undefined),
  );
  router.patch(
    '/api/v1/accounting/setup',
    action((setup, body) => applyPatch(setup, parsePatch(body))),
  );
  router.post(
    '/api/v1/accounting/setup/activate',
    action((setup) => activateApp(setup)),
  );
  router.post(
    '/api/v1/accounting/setup/next',
    action((setup, body) => {
      withDraft(body, setup);
      next(setup);
    }),
  );
  router.post(
    '/api/v1/accounting/setup/back',
    action((setup) => back(setup)),
  );
  router.post(
    '/api/v1/accounting/setup/deactivate',
    action((setup) => deactivate(setup)),
  );

  router.post(
    '/api/v1/accounting/setup/yokoy-sign-in',
    action((setup, body) => {
      withDraft(body, setup);
      const state = beginYokoySignIn(setup);
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: yokoySignInClientId,
        redirect_uri: env.urls.banqup + yokoyCallbackPath,
        state,
      });
      return { authorizeUrl: `${env.urls.yokoyWeb}/oauth/authorize?${params}` };
    }),
  );

  router.post(
    '/api/v1/accounting/setup/connect',
    action(async (setup, body) => {
      withDraft(body, setup);
      checkConnectable(setup);
      const result = await connectToYokoy(env.internalUrls.yokoyApi, setup.credentials);
      if (!result.ok) {
        setup.lastConnectFailure = result.reason;
        throw new SetupError(422, 'connection_failed');
      }
      setup.lastConnectFailure = null;
      connected(setup, result.legalEntities);
    }),
  );

  router.post(
    '/api/v1/accounting/setup/finish',
    action((setup, body) => {
      withDraft(body, setup);
      finish(setup);
    }),
  );

  // The browser comes back here from Yokoy's consent page; the SPA then shows the outcome.
  router.get(
    yokoyCallbackPath,
    pageGuard(store, async ({ res, url }, user) => {
      const setup = store.setupFor(user.userId);
      const code = takeYokoyCallback(setup, {
        code: url.searchParams.get('code'),
        state: url.searchParams.get('state'),
        error: url.searchParams.get('error'),
      });
      if (code) {
        const account = await redeemYokoyCode(env.internalUrls.yokoyWeb, {
          code,
          redirectUri: env.urls.banqup + yokoyCallbackPath,
          clientId: yokoySignInClientId,
        });
        yokoySignInResult(setup, account);
      }
      redirect(res, stepPaths[setup.step]);
    }),
  );
}
