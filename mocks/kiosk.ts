import { randomBytes, timingSafeEqual } from 'node:crypto';
import { KIOSK_TRIES, type CounterGroup, type Enrolment, type NowServing, type Ticket } from '../src/api/kiosk/schema.ts';
import { agencyById, fieldById } from './fixtures/catalogue-refs.ts';
import { resetHandoffs } from './handoffs.ts';

/**
 * The simulated backend's kiosks: the centres that hand out enrolment codes, the devices
 * enrolled with them, the staff PINs that let a device leave kiosk mode, and each centre's
 * queue. Wrong codes and wrong PINs are counted (a few tries, then a pause). Reset between tests.
 */

interface CentreFixture {
  id: string;
  name: string;
  nameEn: string;
  /** The enrolment code staff type at /kiosk/setup, and until when it works. */
  enrolmentCodes: { code: string; expiresAt: string }[];
  /** The PIN staff type to leave kiosk mode (a real backend keeps only a slow hash of it). */
  staffPin: string;
  agencies: string[];
  counterGroups: CounterGroup[];
  idleSeconds: number;
  countdownSeconds: number;
}

/** Demo centre: its codes and PIN are in the README (test data, not secrets). */
export const DEMO_CENTRE = {
  code: 'BENTHANH-2026',
  expiredCode: 'BENTHANH-2025',
  pin: '246810',
} as const;

const centres: CentreFixture[] = [
  {
    id: 'hcm-ben-thanh',
    name: 'Trung tâm Phục vụ hành chính công phường Bến Thành',
    nameEn: 'Ben Thanh Ward Public Administration Service Centre',
    enrolmentCodes: [
      { code: DEMO_CENTRE.code, expiresAt: '2099-12-31T16:59:59Z' },
      { code: DEMO_CENTRE.expiredCode, expiresAt: '2025-12-31T16:59:59Z' },
    ],
    staffPin: DEMO_CENTRE.pin,
    agencies: ['commune-pc', 'commune-police'],
    counterGroups: [
      { id: 'civil', prefix: 'A', name: 'Hộ tịch, chứng thực', nameEn: 'Civil status, certification', counters: ['1', '2'], fieldIds: ['civil-status', 'certification', 'judicial-records'] },
      { id: 'residence', prefix: 'B', name: 'Cư trú, căn cước', nameEn: 'Residence, identity cards', counters: ['3'], fieldIds: ['residence', 'identity'] },
      { id: 'business', prefix: 'C', name: 'Hộ kinh doanh, đất đai, xây dựng', nameEn: 'Household businesses, land, construction', counters: ['4'], fieldIds: ['business-household', 'land', 'construction'] },
      { id: 'social', prefix: 'D', name: 'Bảo hiểm, việc làm, bảo trợ xã hội', nameEn: 'Insurance, employment, social protection', counters: ['5'], fieldIds: ['social-insurance', 'health-insurance', 'employment', 'social-protection', 'meritorious-people'] },
    ],
    idleSeconds: 90,
    countdownSeconds: 30,
  },
];

/** Minutes a counter spends on one person, on average (for the estimated wait). */
export const MINUTES_PER_PERSON = 6;

interface Kiosk {
  id: string;
  token: string;
  centreId: string;
  wrongPins: number;
  lockedUntil: number;
}

interface Queue {
  issued: number;
  served: number;
}

interface State {
  kiosks: Map<string, Kiosk>;
  /** Wrong enrolment codes per client, and until when a client is paused. */
  wrongCodes: Map<string, { count: number; lockedUntil: number }>;
  queues: Map<string, Queue>;
}

/** A hall in the morning: a few people served, a few waiting. */
const openingQueues = () => new Map<string, Queue>([['hcm-ben-thanh/civil', { issued: 7, served: 4 }], ['hcm-ben-thanh/residence', { issued: 2, served: 1 }]]);

const fresh = (): State => ({ kiosks: new Map(), wrongCodes: new Map(), queues: openingQueues() });
let state = fresh();

export const resetKiosks = (): void => {
  state = fresh();
  resetHandoffs();
};

export type Refusal = { status: number; code: string; title: string; extra?: Record<string, unknown>; retryAfter?: number };
export type Result<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const normaliseCode = (code: string) => code.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');

const lockMs = KIOSK_TRIES.lockMinutes * 60_000;
const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * Enrol a device: a wrong code and an expired one are told apart (staff need to know to ask for
 * a new one), and both count towards the client's tries.
 */
export const enrol = (rawCode: string, client: string, now = Date.now()): Result<Enrolment> => {
  const tries = state.wrongCodes.get(client) ?? { count: 0, lockedUntil: 0 };
  if (tries.lockedUntil > now) {
    const retryAfter = secondsUntil(tries.lockedUntil, now);
    return { ok: false, status: 429, code: 'enrolment-tries-exceeded', title: 'Too many wrong enrolment codes; wait before trying again', retryAfter, extra: { retryAfter } };
  }
  const code = normaliseCode(rawCode);
  let centre: CentreFixture | undefined;
  let expired = false;
  for (const c of centres) {
    for (const known of c.enrolmentCodes) {
      if (!same(known.code, code)) continue;
      centre = c;
      expired = Date.parse(known.expiresAt) <= now;
    }
  }
  if (!centre || expired) {
    tries.count += 1;
    const triesLeft = Math.max(0, KIOSK_TRIES.enrolCodes - tries.count);
    if (triesLeft === 0) tries.lockedUntil = now + lockMs;
    state.wrongCodes.set(client, tries);
    return expired
      ? { ok: false, status: 410, code: 'enrolment-code-expired', title: 'This enrolment code has expired; ask the centre for a new one', extra: { triesLeft } }
      : { ok: false, status: 422, code: 'enrolment-code-invalid', title: 'No centre has this enrolment code', extra: { triesLeft } };
  }
  state.wrongCodes.delete(client);
  const kiosk: Kiosk = { id: `KIOSK-${randomBytes(4).toString('hex').toUpperCase()}`, token: randomBytes(24).toString('base64url'), centreId: centre.id, wrongPins: 0, lockedUntil: 0 };
  state.kiosks.set(kiosk.token, kiosk);
  const fieldIds = [...new Set(centre.counterGroups.flatMap((g) => g.fieldIds))];
  return {
    ok: true,
    value: {
      kioskId: kiosk.id,
      kioskToken: kiosk.token,
      centre: { id: centre.id, name: centre.name, nameEn: centre.nameEn },
      agencies: centre.agencies.map(agencyById),
      fields: fieldIds.map(fieldById),
      counterGroups: centre.counterGroups,
      idleSeconds: centre.idleSeconds,
      countdownSeconds: centre.countdownSeconds,
    },
  };
};

const kioskFor = (token: string | undefined): { kiosk: Kiosk; centre: CentreFixture } | undefined => {
  const kiosk = token ? state.kiosks.get(token) : undefined;
  const centre = kiosk ? centres.find((c) => c.id === kiosk.centreId) : undefined;
  return kiosk && centre ? { kiosk, centre } : undefined;
};

const UNKNOWN_KIOSK: Refusal = { status: 401, code: 'kiosk-unknown', title: 'This device is not an enrolled kiosk' };

/** Staff PIN to leave kiosk mode: a few tries, then the kiosk is locked for a while. */
export const unlock = (token: string | undefined, pin: string, now = Date.now()): Result<{ unlocked: true }> => {
  const found = kioskFor(token);
  if (!found) return { ok: false, ...UNKNOWN_KIOSK };
  const { kiosk, centre } = found;
  if (kiosk.lockedUntil > now) {
    const retryAfter = secondsUntil(kiosk.lockedUntil, now);
    return { ok: false, status: 429, code: 'pin-tries-exceeded', title: 'Too many wrong PINs; wait before trying again', retryAfter, extra: { retryAfter } };
  }
  if (!same(centre.staffPin, pin)) {
    kiosk.wrongPins += 1;
    const triesLeft = Math.max(0, KIOSK_TRIES.pins - kiosk.wrongPins);
    if (triesLeft === 0) {
      kiosk.lockedUntil = now + lockMs;
      kiosk.wrongPins = 0;
    }
    return { ok: false, status: 403, code: 'pin-wrong', title: 'Wrong staff PIN', extra: { triesLeft } };
  }
  kiosk.wrongPins = 0;
  // Leaving kiosk mode retires the device's token: it is no kiosk any more.
  state.kiosks.delete(kiosk.token);
  return { ok: true, value: { unlocked: true } };
};

const ticketNumber = (group: CounterGroup, n: number) => `${group.prefix}${String(n % 1000).padStart(3, '0')}`;

export const takeTicket = (token: string | undefined, fieldId: string, now = new Date()): Result<Ticket> => {
  const found = kioskFor(token);
  if (!found) return { ok: false, ...UNKNOWN_KIOSK };
  const group = found.centre.counterGroups.find((g) => g.fieldIds.includes(fieldId));
  if (!group) return { ok: false, status: 404, code: 'field-not-served', title: 'No counter of this centre receives that field' };
  const key = `${found.centre.id}/${group.id}`;
  const queue = state.queues.get(key) ?? { issued: 0, served: 0 };
  const ahead = queue.issued - queue.served;
  queue.issued += 1;
  state.queues.set(key, queue);
  return {
    ok: true,
    value: {
      number: ticketNumber(group, queue.issued),
      counterGroupId: group.id,
      counters: group.counters,
      ahead,
      estimatedWaitMinutes: Math.ceil((ahead * MINUTES_PER_PERSON) / group.counters.length),
      issuedAt: now.toISOString(),
    },
  };
};

export const nowServing = (token: string | undefined, now = new Date()): Result<NowServing> => {
  const found = kioskFor(token);
  if (!found) return { ok: false, ...UNKNOWN_KIOSK };
  return {
    ok: true,
    value: {
      groups: found.centre.counterGroups.map((group) => {
        const queue = state.queues.get(`${found.centre.id}/${group.id}`) ?? { issued: 0, served: 0 };
        return { counterGroupId: group.id, serving: queue.served > 0 ? ticketNumber(group, queue.served) : null, waiting: queue.issued - queue.served };
      }),
      at: now.toISOString(),
    },
  };
};

/** Test control (a counter calls the next number): the hall's screen must follow. */
export const callNext = (centreId: string, groupId: string): boolean => {
  const centre = centres.find((c) => c.id === centreId);
  if (!centre?.counterGroups.some((g) => g.id === groupId)) return false;
  const key = `${centreId}/${groupId}`;
  const queue = state.queues.get(key) ?? { issued: 0, served: 0 };
  if (queue.served < queue.issued) queue.served += 1;
  state.queues.set(key, queue);
  return true;
};
