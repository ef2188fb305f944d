import type { core } from 'zod/mini';
import { RECEIPT_TOKEN, RECEIPT_TOKEN_LIMITS, ReceiptToken, TrackResult, type Dossier } from '../../src/api/dossiers/schema.ts';
import type { Problem } from '../../src/api/problem/schema.ts';
import { HandoffContent, HandoffSlot } from '../../src/api/kiosk/schema.ts';
import { sealHandoff } from '../../src/api/kiosk/handoff-seal.ts';
import { CheckFailed, expect, type Answer, type CallOptions, type Check } from './conformance-runner.ts';

/**
 * Conformance checks of the hand-off to a phone (docs/domain/kiosks.md, "Hand-off"): a slot for
 * the person signed in, a payload sealed with its key (the app's own sealing code), redeemed once
 * by that person only.
 */
export const handoffChecks = <C, A extends Answer>(t: ReceiptTools<C, A>): Check<C>[] => [
  {
    name: 'POST /handoffs gives the signed-in person a slot; POST /handoffs/{id}/redeem opens it for that person only (403 `handoff-not-yours` for another), once (410 `handoff-used`)',
    run: async (ctx) => {
      const slot = t.parsed(HandoffSlot, await t.call(ctx, 'POST', '/handoffs', { token: await t.token(ctx) }), 201);
      const content: HandoffContent = { procedureId: '1.004873', procedureName: 'conformance', definitionVersion: 1, step: 'form', values: { note: 'conformance' }, provenance: {}, prefilledCount: 0, issuedAt: slot.serverTime };
      const payload = await sealHandoff(content, slot);
      const redeem = (token: string) => t.call(ctx, 'POST', `/handoffs/${slot.id}/redeem`, { token, json: { payload } });
      const stranger = t.refused(await redeem(await t.otherToken(ctx)), 403);
      expect(stranger.code === 'handoff-not-yours', `another citizen's redemption answered code "${stranger.code}"`);
      const opened = t.parsed(HandoffContent, await redeem(await t.token(ctx)));
      expect(opened.values.note === 'conformance', 'the redeemed hand-off does not carry what was sealed');
      const again = t.refused(await redeem(await t.token(ctx)), 410);
      expect(again.code === 'handoff-used', `a second redemption answered code "${again.code}"`);
      t.refused(await t.call(ctx, 'POST', '/handoffs'), 401);
    },
  },
];

/**
 * Conformance checks of receipt tokens (docs/domain/kiosks.md, "Receipt tokens"): the opaque,
 * revocable token a receipt's QR code carries, looked up at POST /track/receipt; unknown,
 * malformed, revoked tokens told apart; a flood of unknown ones paused per client.
 */
export interface ReceiptTools<C, A extends Answer> {
  call: (ctx: C, method: string, path: string, options?: CallOptions) => Promise<A>;
  token: (ctx: C) => Promise<string>;
  otherToken: (ctx: C) => Promise<string>;
  /** A dossier of the first citizen's, as POST /dossiers answered it. */
  dossier: (ctx: C) => Promise<Dossier>;
  parsed: <T>(schema: core.$ZodType<T>, answer: A, expected?: number | readonly number[]) => T;
  refused: (answer: A, expected: number | readonly number[]) => Problem;
  tooMany: (answer: A) => Problem;
  retryAfterSeconds: (answer: A) => number;
}

const renewPath = (code: string) => `/dossiers/${encodeURIComponent(code)}/receipt-token`;
/** Right shape, never issued (a real backend's 128 random bits will not be all A's). */
const NEVER_ISSUED = `rt_${'A'.repeat(22)}`;

export const receiptChecks = <C, A extends Answer>(t: ReceiptTools<C, A>): Check<C>[] => {
  const lookUp = (ctx: C, token: string) => t.call(ctx, 'POST', '/track/receipt', { json: { token } });
  const tokenOf = async (ctx: C) => {
    const dossier = await t.dossier(ctx);
    expect(dossier.receiptToken, 'POST /dossiers answered a dossier without receiptToken');
    return { dossier, token: (dossier.receiptToken as ReceiptToken).token };
  };
  return [
    {
      name: 'A dossier carries an opaque receiptToken; POST /track/receipt with it answers the status (TrackResult), nothing personal',
      run: async (ctx) => {
        const { dossier, token } = await tokenOf(ctx);
        expect(RECEIPT_TOKEN.test(token), `receiptToken "${token}" is not rt_ and 22 base64url characters`);
        expect(!token.includes(dossier.code), 'the receipt token contains the dossier code');
        const answer = await lookUp(ctx, token);
        const result = t.parsed(TrackResult, answer);
        expect(result.code === dossier.code, `the look-up answered dossier ${result.code}, expected ${dossier.code}`);
        expect(!answer.text.includes(dossier.applicantName), 'the look-up by receipt token names the applicant');
      },
    },
    {
      name: 'POST /track/receipt: a token never issued is 404 `receipt-token-unknown`, something else 400 `invalid-receipt-token`',
      run: async (ctx) => {
        const unknown = t.refused(await lookUp(ctx, NEVER_ISSUED), 404);
        expect(unknown.code === 'receipt-token-unknown', `an unknown token answered code "${unknown.code}"`);
        const malformed = t.refused(await lookUp(ctx, '000.00.99.H99-991231-0001'), 400);
        expect(malformed.code === 'invalid-receipt-token', `a dossier code as token answered code "${malformed.code}"`);
      },
    },
    {
      name: 'POST /dossiers/{code}/receipt-token: the owner gets a new token and the old one is 410 `receipt-token-revoked`; another citizen gets 404',
      run: async (ctx) => {
        const { dossier, token } = await tokenOf(ctx);
        t.refused(await t.call(ctx, 'POST', renewPath(dossier.code), { token: await t.otherToken(ctx) }), [403, 404]);
        const fresh = t.parsed(ReceiptToken, await t.call(ctx, 'POST', renewPath(dossier.code), { token: await t.token(ctx) }), 201);
        expect(fresh.token !== token, 'the new receipt token is the old one');
        const revoked = t.refused(await lookUp(ctx, token), 410);
        expect(revoked.code === 'receipt-token-revoked', `a replaced token answered code "${revoked.code}", expected receipt-token-revoked`);
        t.parsed(TrackResult, await lookUp(ctx, fresh.token));
      },
    },
  ];
};

/** Spends this client's budget of unknown receipt tokens (paused for up to its window): run late. */
export const receiptFloodCheck = <C, A extends Answer>(t: ReceiptTools<C, A>): Check<C> => ({
  name: `POST /track/receipt: ${RECEIPT_TOKEN_LIMITS.misses} unknown tokens from one client in ${RECEIPT_TOKEN_LIMITS.windowMs / 60_000} minutes, then 429 \`too-many-receipt-misses\` with Retry-After (spends this client's budget)`,
  run: async (ctx) => {
    for (let i = 0; i <= RECEIPT_TOKEN_LIMITS.misses; i++) {
      const answer = await t.call(ctx, 'POST', '/track/receipt', { json: { token: `rt_${String(i).padStart(22, 'B')}` } });
      if (answer.status === 429) {
        const problem = t.tooMany(answer);
        expect(problem.code === 'too-many-receipt-misses', `a flooding client answered code "${problem.code}"`);
        const wait = t.retryAfterSeconds(answer);
        expect(wait > 0 && wait <= RECEIPT_TOKEN_LIMITS.windowMs / 1000, `Retry-After ${wait} s`);
        return;
      }
      t.refused(answer, 404);
    }
    throw new CheckFailed(`${RECEIPT_TOKEN_LIMITS.misses + 1} unknown receipt tokens in a row were all answered: no limit`);
  },
});
