import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOSSIER_CODE, Dossier, DossierList, NotificationList, Payment, TrackResult, UPLOAD_LIMITS, Upload } from '../src/api/dossiers/schema.ts';
import { DataStore } from '../src/api/me/schema.ts';
import { InvalidValuesProblem } from '../src/api/problem/schema.ts';
import { FormCheckResult } from '../src/api/forms/schema.ts';
import { todayInVietnam } from '../src/lib/vn/dates.ts';
import { ApiError } from '../src/api/errors.ts';
import { submitDossier as submitWithClient, trackDossier as trackWithClient, uploadFile } from '../src/api/dossiers/requests.ts';
import { copiesAskedFor, feeFor } from '../src/api/procedures/fees.ts';
import { crc16 } from './dossiers/payments.ts';
import { db } from './db.ts';
import { documentPdf } from './pdf.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';
import { validAnswers } from './answers.ts';

/** The dossier lifecycle end to end through msw/node, as the app and the outbox drive it. */

const AN = 'vneid-046095001234'; // Nguyễn Văn An, phone 0912345678, holds doc-an-chungsinh
const LAN = 'vneid-092301004567';

const signIn = async (citizen = AN) => {
  const tokens = (await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string; id_token: string };
  return tokens.access_token;
};

// --- The API -------------------------------------------------------------------------------------
const headers = (token: string | undefined, key?: string, extra: Record<string, string> = {}) => ({
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  ...(key ? { 'Idempotency-Key': key } : {}),
  ...extra,
});

const get = (token: string | undefined, path: string) => fetch(`${origin}/api${path}`, { headers: headers(token) });
const post = (token: string | undefined, path: string, body?: unknown, key?: string) =>
  fetch(`${origin}/api${path}`, {
    method: 'POST',
    headers: headers(token, key, body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

// The headers the backend reads: a JFIF segment then a 1600 × 1200 frame; a 800 × 600 PNG's IHDR.
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x04, 0xb0, 0x06, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
const pngOf = (width: number, height: number) => {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(b.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
};
const PNG = pngOf(800, 600);
const PDF = documentPdf('To khai', ['Nguyen Van An']) as Uint8Array<ArrayBuffer>;
/** A valid PDF of exactly `size` bytes: a comment line after the header pads it out. */
const pdfOfSize = (size: number): Uint8Array<ArrayBuffer> => {
  const text = new TextDecoder('latin1').decode(PDF);
  const head = '%PDF-1.4\n';
  const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
  let pad = size - PDF.length - 2;
  pad -= String(startxref + pad + 2).length - String(startxref).length;
  const rest = new TextEncoder().encode(text.slice(head.length).replace(/startxref\n\d+/, `startxref\n${startxref + pad + 2}`));
  const out = new Uint8Array(head.length + 2 + pad + rest.length).fill(0x78);
  out.set(new TextEncoder().encode(`${head}%`));
  out[head.length + 1 + pad] = 0x0a;
  out.set(rest, head.length + 2 + pad);
  return out;
};
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

const upload = (token: string | undefined, bytes: Uint8Array<ArrayBuffer>, name: string, key: string | undefined = randomUUID(), type = 'application/pdf') =>
  fetch(`${origin}/api/uploads`, {
    method: 'POST',
    body: bytes,
    headers: headers(token, key, { 'Content-Type': type, 'X-File-Name': encodeURIComponent(name) }),
  });

const uploaded = async (token: string, bytes: Uint8Array<ArrayBuffer>, name: string) => {
  const response = await upload(token, bytes, name);
  expect(response.status).toBe(201);
  return Upload.parse(await response.json());
};

const birthBody = (uploadId: string) => ({
  procedureId: '1.001193',
  values: validAnswers('1.001193', AN, { childFullName: 'Nguyễn Minh Anh', receivingAgency: AN_WARD_PC }),
  documents: [
    { requirement: 'giay-chung-sinh', source: 'upload' as const, ref: uploadId },
    { requirement: null, source: 'data-store' as const, ref: 'doc-an-kh' },
  ],
});
/** The offices of An's ward (Phường Thuận Hoá, Huế, 19789): its People's Committee and its police. */
const AN_WARD_PC = 'commune-pc-19789';
const AN_WARD_POLICE = 'commune-police-19789';
const residenceBody = {
  procedureId: '1.004222',
  values: validAnswers('1.004222', AN, { receivingAgency: AN_WARD_POLICE }),
  documents: [{ requirement: 'giay-to-tai-lieu-chung-minh-cho-o-hop-phap', source: 'data-store' as const, ref: 'doc-an-qsdd' }],
};
const maritalBody = { procedureId: '1.004873', values: validAnswers('1.004873', AN, { receivingAgency: AN_WARD_PC }), documents: [] };

const submit = async (token: string, body: unknown, key = randomUUID()) => {
  const response = await post(token, '/dossiers', body, key);
  expect(response.status, await response.clone().text()).toBe(201);
  return Dossier.parse(await response.json());
};

const dossier = async (token: string, code: string) => {
  const response = await get(token, `/dossiers/${encodeURIComponent(code)}`);
  expect(response.status).toBe(200);
  return Dossier.parse(await response.json());
};

const advance = async (code: string, to: string, extra: Record<string, unknown> = {}) => {
  const response = await fetch(`${origin}/api/__mock/dossiers/${encodeURIComponent(code)}/advance`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ to, ...extra }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return Dossier.parse(await response.json());
};

const allDossiers = async () => DossierList.parse(await (await fetch(`${origin}/api/__mock/dossiers`)).json()).dossiers;

const problemOf = async (response: Response) => ((await response.json()) as { code: string }).code;

afterEach(() => {
  vi.useRealTimers();
  delete process.env.MOCK_LIFECYCLE_SECONDS;
});

/** Fix the clock (Date only: msw's own timers keep running). */
const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};

describe('uploads', () => {
  it('accepts JPEG, PNG and PDF by their bytes, whatever the name says', async () => {
    const token = await signIn();
    const jpeg = await uploaded(token, JPEG, 'Giấy chứng sinh.jpg');
    expect(jpeg).toMatchObject({ name: 'Giấy chứng sinh.jpg', mime: 'image/jpeg', size: JPEG.length });
    expect(await uploaded(token, PNG, 'anh.png')).toMatchObject({ mime: 'image/png', size: PNG.length });
    // Claimed as a PDF, really a PNG: the bytes win.
    expect(await uploaded(token, PNG, 'scan.pdf')).toMatchObject({ mime: 'image/png' });
    const pdf = await uploaded(token, PDF, '../../etc/To khai.pdf');
    expect(pdf).toMatchObject({ name: 'To khai.pdf', mime: 'application/pdf' });

    const file = await get(token, `/uploads/${pdf.id}/file`);
    expect(file.headers.get('Content-Type')).toBe('application/pdf');
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...PDF]);
  });

  it('refuses an executable renamed .pdf, an empty file and a file over the limit', async () => {
    const token = await signIn();
    const exe = await upload(token, EXE, 'giay-to.pdf');
    expect(exe.status).toBe(415);
    expect(exe.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await problemOf(exe)).toBe('unsupported-file');

    const empty = await upload(token, new Uint8Array(0), 'rong.pdf');
    expect(empty.status).toBe(422);
    expect(await problemOf(empty)).toBe('empty-file');

    const big = pdfOfSize(UPLOAD_LIMITS.maxFileBytes + 1);
    const tooLarge = await upload(token, big, 'lon.pdf');
    expect(tooLarge.status).toBe(413);
    expect(await problemOf(tooLarge)).toBe('file-too-large');

    const exact = pdfOfSize(UPLOAD_LIMITS.maxFileBytes);
    expect(exact.length).toBe(UPLOAD_LIMITS.maxFileBytes);
    expect((await upload(token, exact, 'vua.pdf')).status).toBe(201);
  });

  it('needs a session and an Idempotency-Key, and is never cached', async () => {
    const token = await signIn();
    const anonymous = await upload(undefined, PDF, 'a.pdf');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('Cache-Control')).toBe('no-store');
    expect(await problemOf(anonymous)).toBe('session-expired');
    const keyless = await upload(token, PDF, 'a.pdf', '');
    expect(keyless.status).toBe(400);
    expect(await problemOf(keyless)).toBe('idempotency-key-required');
    expect((await upload(token, PDF, 'a.pdf')).headers.get('Cache-Control')).toBe('no-store');
  });

  it('stores a retried upload once: same key, same file', async () => {
    const token = await signIn();
    const key = randomUUID();
    const first = await upload(token, JPEG, 'a.jpg', key);
    const again = await upload(token, JPEG, 'a.jpg', key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(Upload.parse(await again.json()).id).toBe(Upload.parse(await first.json()).id);
    // The same key for other bytes is a client bug, not a retry.
    const other = await upload(token, PNG, 'b.png', key);
    expect(other.status).toBe(422);
    expect(await problemOf(other)).toBe('idempotency-key-reused');
    // Keys belong to the citizen: another one using the same key gets their own upload.
    const lan = await upload(await signIn(LAN), JPEG, 'a.jpg', key);
    expect(lan.status).toBe(201);
  });

  it('keeps each citizen’s files to themselves', async () => {
    const an = await signIn();
    const file = await uploaded(an, PDF, 'a.pdf');
    const lan = await signIn(LAN);
    expect((await get(lan, `/uploads/${file.id}/file`)).status).toBe(404);
    const stolen = await post(lan, '/dossiers', { procedureId: '1.004873', values: validAnswers('1.004873', LAN), documents: [{ requirement: null, source: 'upload', ref: file.id }] }, randomUUID());
    expect(stolen.status).toBe(422);
    expect(await problemOf(stolen)).toBe('unknown-document');
  });
});

describe('submitting a dossier', () => {
  it('creates one dossier with an official-format code, the due date in working days and the fee', async () => {
    at('2026-02-13T03:00:00Z'); // Friday 13/2/2026, 10:00 in Vietnam, the last working day before Tết
    const token = await signIn();
    const created = await submit(token, residenceBody);
    expect(created.code).toMatch(DOSSIER_CODE);
    expect(created.code).toBe('000.01.31.H99-260213-0001');
    expect(created).toMatchObject({
      procedureId: '1.004222',
      procedureName: 'Đăng ký thường trú',
      agencyName: 'Công an Phường Thuận Hoá',
      applicantName: 'Nguyễn Văn An',
      status: 'received',
      submittedAt: '2026-02-13T03:00:00.000Z',
      // 7 working days, Tết 16–20/2 skipped.
      dueOn: '2026-03-03',
      overdue: false,
      canWithdraw: true,
      supplement: null,
      result: null,
      // Paper 20.000 đ, online 10.000 đ: the online rate, not the sum.
      payment: { status: 'pending', amount: 10_000 },
    });
    expect(created.events).toEqual([{ at: '2026-02-13T03:00:00.000Z', status: 'received', note: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Your application has been received' } }]);

    // Next one at the same office the same day: sequence 0002.
    expect((await submit(token, residenceBody)).code).toBe('000.01.31.H99-260213-0002');

    // Access tokens last an hour: sign in again after each jump of the clock.
    vi.setSystemTime(new Date('2026-03-03T16:59:00Z')); // still 3/3 in Vietnam
    expect((await dossier(await signIn(), created.code)).overdue).toBe(false);
    vi.setSystemTime(new Date('2026-03-03T17:00:00Z')); // 4/3 in Vietnam
    expect((await dossier(await signIn(), created.code)).overdue).toBe(true);
  });

  it('dates the code in Vietnam’s time zone', async () => {
    at('2026-11-23T17:30:00Z'); // 00:30 on Tuesday 24/11 in Vietnam
    const token = await signIn();
    const created = await submit(token, maritalBody);
    expect(created.code).toBe('000.00.31.H99-261124-0001');
    expect(created.dueOn).toBe('2026-11-27'); // 3 working days
    // Fee set by the province (null): nothing charged online.
    expect(created.payment).toEqual({ status: 'not-required', amount: 0 });
  });

  it('describes the papers from the procedure’s requirements and the data store', async () => {
    const token = await signIn();
    const file = await uploaded(token, JPEG, 'chung-sinh.jpg');
    const created = await submit(token, birthBody(file.id));
    expect(created.documents).toEqual([
      { requirement: 'giay-chung-sinh', title: 'Giấy chứng sinh', source: 'upload', ref: file.id, mime: 'image/jpeg', size: JPEG.length, supplement: false },
      { requirement: null, title: 'Giấy chứng nhận kết hôn', source: 'data-store', ref: 'doc-an-kh', mime: 'application/pdf', size: expect.any(Number) as number, supplement: false },
    ]);
    expect(created.dueOn).not.toBeNull();
  });

  it('creates exactly one dossier however often the same submission is retried', async () => {
    const token = await signIn();
    const file = await uploaded(token, JPEG, 'chung-sinh.jpg');
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(token, '/dossiers', birthBody(file.id), key)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const codes = new Set(await Promise.all(responses.map(async (r) => Dossier.parse(await r.json()).code)));
    expect(codes.size).toBe(1);
    expect(await allDossiers()).toHaveLength(1);
    // Once more, later, sequentially.
    expect((await post(token, '/dossiers', birthBody(file.id), key)).status).toBe(200);
    expect(await allDossiers()).toHaveLength(1);
    // The key cannot be reused for a different dossier.
    const reused = await post(token, '/dossiers', residenceBody, key);
    expect(reused.status).toBe(422);
    expect(await problemOf(reused)).toBe('idempotency-key-reused');
    expect(await allDossiers()).toHaveLength(1);
  });

  it('refuses what cannot be filed', async () => {
    const token = await signIn();
    const keyless = await post(token, '/dossiers', residenceBody);
    expect(keyless.status).toBe(400);
    expect(await problemOf(keyless)).toBe('idempotency-key-required');

    const unknown = await post(token, '/dossiers', { ...residenceBody, procedureId: '9.999999' }, randomUUID());
    expect(unknown.status).toBe(404);
    expect(await problemOf(unknown)).toBe('procedure-not-found');

    const noEForm = await post(token, '/dossiers', { ...residenceBody, procedureId: '1.000656' }, randomUUID());
    expect(noEForm.status).toBe(409);
    expect(await problemOf(noEForm)).toBe('procedure-not-accepting');

    const missingDoc = await post(token, '/dossiers', { ...residenceBody, documents: [{ requirement: null, source: 'data-store', ref: 'doc-lan-bang' }] }, randomUUID());
    expect(missingDoc.status).toBe(422);
    expect(await problemOf(missingDoc)).toBe('unknown-document');

    const badRequirement = await post(token, '/dossiers', { ...residenceBody, documents: [...residenceBody.documents, { requirement: 'no-such-paper', source: 'data-store', ref: 'doc-an-kh' }] }, randomUUID());
    expect(badRequirement.status).toBe(422);
    expect(await badRequirement.json()).toMatchObject({ code: 'papers-refused', papers: [{ requirement: 'no-such-paper', reason: 'unknown-requirement' }] });

    const invalid = await post(token, '/dossiers', { procedureId: '1.004222' }, randomUUID());
    expect(invalid.status).toBe(422);
    expect(await problemOf(invalid)).toBe('invalid-body');

    // Authoritative values from the population database cannot be altered on the device.
    const altered = await post(token, '/dossiers', { procedureId: '1.001193', values: validAnswers('1.001193', AN, { requesterFullName: 'Người Khác' }), documents: [] }, randomUUID());
    expect(altered.status).toBe(422);
    expect(await problemOf(altered)).toBe('locked-value-changed');

    expect(await allDossiers()).toHaveLength(0);
  });

  it('refuses answers that do not hold under the e-form, naming each field (422 invalid-values)', async () => {
    const token = await signIn();
    const birth = (values: Record<string, unknown>) => post(token, '/dossiers', { procedureId: '1.001193', values, documents: [] }, randomUUID());
    const refusal = async (response: Response) => {
      expect(response.status).toBe(422);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      return InvalidValuesProblem.parse(await response.json()).errors;
    };
    const valid = validAnswers('1.001193', AN);
    // No answers at all: every required field is named.
    const empty = await refusal(await birth({}));
    expect(empty).toContainEqual({ path: 'childFullName', code: 'validation.required' });
    expect(empty).toContainEqual({ path: 'declarationAgreed', code: 'validation.mustAgree' });
    expect(await refusal(await birth({ ...valid, childDateOfBirth: '1990-05-01' }))).toEqual([{ path: 'childDateOfBirth', code: 'validation.date.beforeOther' }]);
    expect(await refusal(await birth({ ...valid, childDateOfBirth: '2999-01-01' }))).toEqual([{ path: 'childDateOfBirth', code: 'validation.date.future' }]);
    expect(await refusal(await birth({ ...valid, childSex: 'unknown' }))).toEqual([{ path: 'childSex', code: 'validation.option' }]);
    expect(await refusal(await birth({ ...valid, requesterPhone: 42 }))).toEqual([{ path: 'requesterPhone', code: 'validation.phone.format' }]);
    expect(await refusal(await birth({ ...valid, isAdmin: true }))).toEqual([{ path: 'isAdmin', code: 'validation.unknownField' }]);
    expect(await refusal(await birth({ ...valid, otherParentUnknown: true }))).toContainEqual({ path: 'otherParentFullName', code: 'validation.hidden' });
    expect(await refusal(await birth({ ...valid, childBirthPlace: { ...(valid.childBirthPlace as object), communeCode: '99999' } }))).toEqual([
      { path: 'childBirthPlace', code: 'validation.addressUnknown' },
    ]);
    expect(await allDossiers()).toHaveLength(0);

    // The same answers are refused the same way by the check, and valid ones pass it.
    const check = (values: unknown) => post(token, '/forms/1.001193/check', { values });
    expect(await refusal(await check({ ...valid, childDateOfBirth: '1990-05-01' }))).toEqual([{ path: 'childDateOfBirth', code: 'validation.date.beforeOther' }]);
    expect((await refusal(await check({}))).length).toBeGreaterThan(10);
    expect((await check(valid)).status).toBe(200);
  });

  it('matches papers by requirement id and document type: a health-insurance card is not a birth notice, and a required paper cannot be left out', async () => {
    const token = await signIn();
    const wrongType = await post(token, '/dossiers', { ...birthBody('unused'), documents: [{ requirement: 'giay-chung-sinh', source: 'data-store', ref: 'doc-an-bhyt' }] }, randomUUID());
    expect(wrongType.status).toBe(422);
    expect(wrongType.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await wrongType.json()).toMatchObject({ code: 'papers-refused', papers: [{ requirement: 'giay-chung-sinh', reason: 'wrong-type', accepts: ['birth-notice'] }] });

    const missing = await post(token, '/dossiers', { ...birthBody('unused'), documents: [] }, randomUUID());
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: 'papers-refused', papers: [{ requirement: 'giay-chung-sinh', reason: 'missing' }] });

    // The birth notice from the data store, of its own type, is accepted.
    const right = await submit(token, { ...birthBody('unused'), documents: [{ requirement: 'giay-chung-sinh', source: 'data-store', ref: 'doc-an-chungsinh' }] });
    expect(right.documents).toEqual([expect.objectContaining({ requirement: 'giay-chung-sinh', title: 'Giấy chứng sinh', ref: 'doc-an-chungsinh' })]);
    expect(await allDossiers()).toHaveLength(1);
  });

  it('accepts a birth registered more than 60 days after the birth, flagged late on the check and on the dossier, never refused', async () => {
    const token = await signIn();
    const daysAgo = (days: number) => todayInVietnam(new Date(Date.now() - days * 86_400_000));
    const body = (days: number) => ({ ...birthBody('unused'), values: { ...birthBody('unused').values, childDateOfBirth: daysAgo(days) }, documents: [{ requirement: 'giay-chung-sinh', source: 'data-store', ref: 'doc-an-chungsinh' }] });
    const checked = await post(token, '/forms/1.001193/check', { values: body(75).values });
    expect(checked.status).toBe(200);
    expect(FormCheckResult.parse(await checked.json()).notices).toEqual([{ path: 'childDateOfBirth', code: 'late', days: 75, limitDays: 60 }]);
    const onTime = FormCheckResult.parse(await (await post(token, '/forms/1.001193/check', { values: body(60).values })).json());
    expect(onTime.notices).toEqual([]);

    const late = await submit(token, body(75));
    expect(late.status).toBe('received');
    expect(late.notices).toEqual([{ path: 'childDateOfBirth', code: 'late', days: 75, limitDays: 60 }]);
    expect((await dossier(token, late.code)).notices).toEqual(late.notices);
    expect((await submit(token, body(60))).notices).toBeUndefined();
  });

  it('takes the receiving agency from its own list of offices that handle the procedure, never from text', async () => {
    const token = await signIn();
    for (const receivingAgency of ['<script>alert(1)</script>', 'UBND phường Thuận Hóa', AN_WARD_PC, 'commune-police-99999', undefined]) {
      const refused = await post(token, '/dossiers', { ...residenceBody, values: { ...residenceBody.values, receivingAgency } }, randomUUID());
      expect(refused.status, String(receivingAgency)).toBe(422);
      // Text and markup are not an office id (the form's schema: invalid-values); an id that is
      // not one of this procedure's offices is the backend's own refusal (unknown-agency).
      const body = (await refused.json()) as { code: string; field?: string; errors?: { path: string }[] };
      expect(body.code === 'unknown-agency' ? body.field : body.errors?.map((e) => e.path), String(receivingAgency)).toEqual(body.code === 'unknown-agency' ? 'receivingAgency' : ['receivingAgency']);
      if (typeof receivingAgency === 'string' && /^[a-z0-9-]+$/.test(receivingAgency)) expect(body.code).toBe('unknown-agency');
    }
    expect(await allDossiers()).toHaveLength(0);

    const offices = (await (await get(undefined, '/procedures/1.004222/offices?province=46')).json()) as { offices: { id: string; name: string }[] };
    expect(offices.offices).toContainEqual(expect.objectContaining({ id: AN_WARD_POLICE, name: 'Công an Phường Thuận Hoá', communeCodes: ['19789'] }));
    expect(offices.offices.every((o) => o.id.startsWith('commune-police-'))).toBe(true);
    expect((await get(undefined, '/procedures/1.004222/offices')).status).toBe(400);
    const provincial = (await (await get(undefined, '/procedures/3.000333/offices?province=92')).json()) as { offices: unknown[] };
    expect(provincial.offices).toEqual([{ id: 'province-police-92', name: 'Công an Thành phố Cần Thơ', agencyId: 'province-police', provinceCode: '92' }]);

    const created = await submit(token, residenceBody);
    expect(created.agencyName).toBe('Công an Phường Thuận Hoá');
  });

  it('refuses a dossier whose files together exceed the dossier limit', async () => {
    const token = await signIn();
    // 10 + 10 + 5 MB: exactly the 25 MB a dossier may hold.
    expect(UPLOAD_LIMITS.maxDossierBytes).toBe(25 * 1024 * 1024);
    const sizes = [UPLOAD_LIMITS.maxFileBytes, UPLOAD_LIMITS.maxFileBytes, UPLOAD_LIMITS.maxDossierBytes - 2 * UPLOAD_LIMITS.maxFileBytes];
    const ids = [];
    for (const [i, size] of sizes.entries()) ids.push((await uploaded(token, pdfOfSize(size), `p${i}.pdf`)).id);
    const small = await uploaded(token, PDF, 'them.pdf');
    const documents = [...residenceBody.documents, ...[...ids, small.id].map((ref) => ({ requirement: null, source: 'upload', ref }))];
    const response = await post(token, '/dossiers', { ...residenceBody, documents }, randomUUID());
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toBe('dossier-too-large');
    expect((await post(token, '/dossiers', { ...residenceBody, documents: documents.slice(0, 3) }, randomUUID())).status).toBe(201);
  });

  it('returns 409 while a procedure is closed to new dossiers', async () => {
    const token = await signIn();
    const close = (closed: boolean) =>
      fetch(`${origin}/api/__mock/procedures/1.004222/closed`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ closed }) });
    expect((await close(true)).status).toBe(200);
    const refused = await post(token, '/dossiers', residenceBody, randomUUID());
    expect(refused.status).toBe(409);
    expect(await problemOf(refused)).toBe('procedure-not-accepting');
    await close(false);
    expect((await post(token, '/dossiers', residenceBody, randomUUID())).status).toBe(201);
  });
});

describe('reading dossiers', () => {
  it('lists the citizen’s own, newest first, and hides them from everyone else', async () => {
    const an = await signIn();
    const first = await submit(an, residenceBody);
    const second = await submit(an, maritalBody);
    const list = await get(an, '/dossiers');
    expect(list.headers.get('Cache-Control')).toBe('no-store');
    expect(DossierList.parse(await list.json()).dossiers.map((d) => d.code)).toEqual([second.code, first.code]);

    const lan = await signIn(LAN);
    const theirs = await get(lan, `/dossiers/${first.code}`);
    expect(theirs.status).toBe(404);
    expect(await problemOf(theirs)).toBe('dossier-not-found');
    expect(DossierList.parse(await (await get(lan, '/dossiers')).json()).dossiers).toEqual([]);

    expect((await get(undefined, '/dossiers')).status).toBe(401);
    expect((await get(undefined, `/dossiers/${first.code}`)).status).toBe(401);
    // Case and spaces in the path do not matter.
    expect((await dossier(an, first.code.toLowerCase())).code).toBe(first.code);
  });
});

describe('the lifecycle', () => {
  it('asks for more papers and takes them on the same dossier, exactly once', async () => {
    const token = await signIn();
    const file = await uploaded(token, JPEG, 'chung-sinh.jpg');
    const created = await submit(token, birthBody(file.id));
    await advance(created.code, 'in-progress');

    const early = await post(token, `/dossiers/${created.code}/supplement`, { documents: [{ requirement: 'giay-chung-sinh', source: 'upload', ref: file.id }] }, randomUUID());
    expect(early.status).toBe(409);
    expect(await problemOf(early)).toBe('no-supplement-requested');

    const asked = await advance(created.code, 'supplement-requested');
    expect(asked.status).toBe('supplement-requested');
    expect(asked.supplement?.items).toEqual([{ vi: 'Bản sao Giấy chứng sinh rõ nét hơn', en: expect.stringContaining('clearer') as string }]);
    expect(asked.events.at(-1)?.note).toEqual(asked.supplement?.message);
    expect(asked.canWithdraw).toBe(true);

    const clearer = await uploaded(token, PNG, 'chung-sinh-ro.png');
    const body = { documents: [{ requirement: 'giay-chung-sinh', source: 'upload', ref: clearer.id }] };
    expect((await post(token, `/dossiers/${created.code}/supplement`, body)).status).toBe(400);
    const key = randomUUID();
    const answered = await post(token, `/dossiers/${created.code}/supplement`, body, key);
    expect(answered.status).toBe(200);
    const after = Dossier.parse(await answered.json());
    expect(after).toMatchObject({ code: created.code, status: 'in-progress', supplement: null });
    expect(after.documents).toHaveLength(3);
    expect(after.documents.at(-1)).toMatchObject({ ref: clearer.id, title: 'Giấy chứng sinh', mime: 'image/png', supplement: true });
    expect(after.events.map((e) => e.status)).toEqual(['received', 'in-progress', 'supplement-requested', 'in-progress']);

    // A retry of the same answer changes nothing.
    const retried = await post(token, `/dossiers/${created.code}/supplement`, body, key);
    expect(retried.status).toBe(200);
    expect(Dossier.parse(await retried.json()).documents).toHaveLength(3);
    expect(await allDossiers()).toHaveLength(1);

    // A custom request, worded by the official.
    const custom = await advance(created.code, 'supplement-requested', {
      message: { vi: 'Thiếu chữ ký', en: 'Signature missing' },
      items: [{ vi: 'Tờ khai có chữ ký', en: 'A signed form' }],
    });
    expect(custom.supplement).toMatchObject({ message: { vi: 'Thiếu chữ ký' }, items: [{ vi: 'Tờ khai có chữ ký' }] });
  });

  it('puts the electronic result in the data store, downloadable as a PDF', async () => {
    at('2026-11-23T02:00:00Z');
    const token = await signIn();
    const file = await uploaded(token, JPEG, 'chung-sinh.jpg');
    const created = await submit(token, birthBody(file.id));
    await advance(created.code, 'in-progress');
    const ready = await advance(created.code, 'result-ready');
    expect(ready).toMatchObject({ status: 'result-ready', canWithdraw: false, overdue: false, result: { title: 'Giấy khai sinh', issuedOn: '2026-11-23' } });

    const store = DataStore.parse(await (await get(token, '/me')).json());
    const result = store.documents.find((d) => d.id === ready.result?.documentId);
    expect(result).toMatchObject({
      type: 'birth-certificate',
      origin: 'result',
      title: 'Giấy khai sinh',
      issuer: 'UBND Phường Thuận Hoá',
      issuedOn: '2026-11-23',
      subjectName: 'Nguyễn Minh Anh',
      file: { mime: 'application/pdf' },
    });

    const pdf = await get(token, `/me/documents/${encodeURIComponent(result?.id ?? '')}/file`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBe(result?.file.size);

    const withdraw = await post(token, `/dossiers/${created.code}/withdraw`);
    expect(withdraw.status).toBe(409);
    expect(await problemOf(withdraw)).toBe('cannot-withdraw');

    expect((await advance(created.code, 'returned')).status).toBe('returned');
    // Nothing after a final status.
    const stuck = await fetch(`${origin}/api/__mock/dossiers/${created.code}/advance`, { method: 'POST', body: JSON.stringify({ to: 'in-progress' }) });
    expect(stuck.status).toBe(409);
  });

  it('types results after the procedure', async () => {
    const token = await signIn();
    const marital = await submit(token, maritalBody);
    const ready = await advance(marital.code, 'result-ready');
    const store = DataStore.parse(await (await get(token, '/me')).json());
    const doc = store.documents.find((d) => d.id === ready.result?.documentId);
    expect(doc).toMatchObject({ type: 'marital-status-certificate', title: 'Giấy xác nhận tình trạng hôn nhân' });
    expect(doc?.validUntil).not.toBeNull();

    const residence = await advance((await submit(token, residenceBody)).code, 'result-ready');
    const after = DataStore.parse(await (await get(token, '/me')).json());
    expect(after.documents.find((d) => d.id === residence.result?.documentId)).toMatchObject({ type: 'residence-confirmation', title: 'Thông báo kết quả đăng ký thường trú' });
  });

  it('lets the citizen withdraw while the office is still working on it', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);
    await advance(created.code, 'in-progress');
    const response = await post(token, `/dossiers/${created.code}/withdraw`);
    expect(response.status).toBe(200);
    const withdrawn = Dossier.parse(await response.json());
    expect(withdrawn).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(withdrawn.events.at(-1)).toMatchObject({ status: 'withdrawn', note: { vi: 'Bạn đã rút hồ sơ' } });
    expect((await post(token, `/dossiers/${created.code}/withdraw`)).status).toBe(409);
    expect((await post(await signIn(LAN), `/dossiers/${created.code}/withdraw`)).status).toBe(404);
  });

  it('moves on by itself at MOCK_LIFECYCLE_SECONDS, worked out when read', async () => {
    process.env.MOCK_LIFECYCLE_SECONDS = '60';
    at('2026-11-23T02:00:00Z');
    const token = await signIn();
    const created = await submit(token, maritalBody);
    vi.setSystemTime(new Date('2026-11-23T02:00:59Z'));
    expect((await dossier(token, created.code)).status).toBe('received');
    vi.setSystemTime(new Date('2026-11-23T02:01:30Z'));
    expect((await dossier(token, created.code)).status).toBe('in-progress');
    vi.setSystemTime(new Date('2026-11-23T02:30:00Z'));
    const ready = await dossier(token, created.code);
    expect(ready.status).toBe('result-ready');
    expect(ready.events.map((e) => [e.status, e.at])).toEqual([
      ['received', '2026-11-23T02:00:00.000Z'],
      ['in-progress', '2026-11-23T02:01:00.000Z'],
      ['result-ready', '2026-11-23T02:02:00.000Z'],
    ]);
    expect(ready.result).not.toBeNull();
    vi.setSystemTime(new Date('2026-11-24T02:30:00Z'));
    const nextDay = await signIn();
    expect((await dossier(nextDay, created.code)).status).toBe('result-ready'); // never returned or a supplement by itself

    // A dossier with a fee waits for the payment.
    const owing = await submit(nextDay, residenceBody);
    vi.setSystemTime(new Date('2026-11-24T02:40:00Z'));
    expect((await dossier(nextDay, owing.code)).status).toBe('received');
  });

  it('stays still when MOCK_LIFECYCLE_SECONDS is not set', async () => {
    at('2026-11-23T02:00:00Z');
    const token = await signIn();
    const created = await submit(token, maritalBody);
    vi.setSystemTime(new Date('2026-12-23T02:00:00Z'));
    expect((await dossier(await signIn(), created.code)).status).toBe('received');
  });
});

describe('notifications', () => {
  it('tells the owner about every status change, newest first, and marks them read', async () => {
    at('2026-11-23T02:00:00Z');
    const token = await signIn();
    const created = await submit(token, residenceBody);
    vi.setSystemTime(new Date('2026-11-23T02:10:00Z'));
    await advance(created.code, 'in-progress');
    vi.setSystemTime(new Date('2026-11-23T02:20:00Z'));
    await advance(created.code, 'supplement-requested');

    const response = await get(token, '/notifications');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const { notifications } = NotificationList.parse(await response.json());
    expect(notifications.map((n) => (n.kind === 'dossier-status' ? [n.status, n.dossierCode, n.read] : n.kind))).toEqual([
      ['supplement-requested', created.code, false],
      ['in-progress', created.code, false],
      ['received', created.code, false],
    ]);
    expect(NotificationList.parse(await (await get(await signIn(LAN), '/notifications')).json()).notifications).toEqual([]);

    const read = await post(token, '/notifications/read');
    expect(read.status).toBe(200);
    expect(NotificationList.parse(await read.json()).notifications.every((n) => n.read)).toBe(true);
    expect(NotificationList.parse(await (await get(token, '/notifications')).json()).notifications.every((n) => n.read)).toBe(true);
    expect((await get(undefined, '/notifications')).status).toBe(401);
  });
});

describe('public tracking', () => {
  const track = (code: string | null, phone: string | null) => {
    const params = new URLSearchParams();
    if (code !== null) params.set('code', code);
    if (phone !== null) params.set('phone', phone);
    return fetch(`${origin}/api/track?${params.toString()}`);
  };

  it('answers with the code and the last 4 digits of the phone, as typed on a kiosk', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);

    const right = await track(created.code, '5678');
    expect(right.status).toBe(200);
    expect(right.headers.get('Cache-Control')).toBe('no-store');
    const body = (await right.json()) as Record<string, unknown>;
    expect(TrackResult.parse(body)).toMatchObject({ code: created.code, status: 'received', procedureName: 'Đăng ký thường trú' });
    // Nothing personal.
    expect(Object.keys(body).sort()).toEqual(['agencyName', 'code', 'dueOn', 'events', 'overdue', 'procedureName', 'status', 'submittedAt']);
    expect(JSON.stringify(body)).not.toMatch(/Nguyễn Văn An|0912345678/);

    // Read aloud: lower case, spaces, a typographic dash.
    const spoken = ` ${created.code.toLowerCase().replace(/\./g, '. ').replace('-', ' – ')} `;
    expect((await track(spoken, ' 5678 ')).status).toBe(200);
  });

  it('gives the same 404 for wrong digits, missing digits and unknown codes', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);
    const answers = [await track(created.code, '1234'), await track(created.code, null), await track(created.code, '45678'), await track(created.code.replace(/\d{4}$/, '9999'), '5678')];
    const bodies = await Promise.all(answers.map(async (r) => [r.status, await r.text()]));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]?.[0]).toBe(404);
    expect(JSON.parse(String(bodies[0]?.[1]))).toMatchObject({ code: 'dossier-not-found' });

    const invalid = await track('HS-12345', '5678');
    expect(invalid.status).toBe(400);
    expect(await problemOf(invalid)).toBe('invalid-code');
    expect((await track(null, '5678')).status).toBe(400);
  });
});

// --- Payments ---------------------------------------------------------------------------------

/** EMVCo TLV: id (2), length (2), value. */
const parseTlv = (payload: string): Map<string, string> => {
  const fields = new Map<string, string>();
  for (let i = 0; i < payload.length; ) {
    const id = payload.slice(i, i + 2);
    const length = Number(payload.slice(i + 2, i + 4));
    fields.set(id, payload.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return fields;
};

/** An independent CRC-16/CCITT-FALSE, table-driven, to check the mock's. */
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1;
  return c & 0xffff;
});
const referenceCrc = (text: string) => [...Buffer.from(text, 'utf8')].reduce((crc, byte) => ((crc << 8) ^ (crcTable[((crc >> 8) ^ byte) & 0xff] ?? 0)) & 0xffff, 0xffff);

/** The card page as the payer's browser sees it: a gateway session and the form's CSRF token. */
const cardSessions = new Map<string, { cookie: string; csrf: string }>();
const openCard = async (payment: Payment) => {
  const opened = await fetch(new URL(payment.cardUrl, origin), { redirect: 'manual' });
  const cookie = (opened.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const html = await (await fetch(`${origin}/pay/${payment.id}`, { headers: { Cookie: cookie } })).text();
  cardSessions.set(payment.id, { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' });
  return html;
};
const cardPage = (id: string) => fetch(`${origin}/pay/${id}`, { headers: { Cookie: cardSessions.get(id)?.cookie ?? '' } });
const payPage = (id: string, fields: Record<string, string>) =>
  fetch(`${origin}/pay/${id}`, {
    method: 'POST',
    headers: { Cookie: cardSessions.get(id)?.cookie ?? '' },
    body: new URLSearchParams({ ...fields, csrf: cardSessions.get(id)?.csrf ?? '' }),
    redirect: 'manual',
  });

describe('payments', () => {
  it('computes CRC-16/CCITT-FALSE', () => {
    expect(crc16('123456789')).toBe(0x29b1);
    expect(referenceCrc('123456789')).toBe(0x29b1);
  });

  it('charges the online rate of full-process procedures only', () => {
    const fee = (id: string, values: Record<string, unknown> = {}) => {
      const procedure = db.procedures.get(id) ?? (undefined as never);
      return feeFor(procedure, { channel: 'online', copies: copiesAskedFor(procedure, values) }).total;
    };
    expect(fee('1.004222')).toBe(10_000);
    expect(fee('1.004194')).toBe(7_000);
    expect(fee('3.000333')).toBe(200_000);
    expect(fee('3.000333', { copyCount: 3 })).toBe(205_000);
    expect(fee('1.001193')).toBe(0);
    expect(fee('1.000894')).toBe(0); // partial: paid at the desk
  });

  it('charges a criminal-record certificate with 3 copies 205.000 ₫: the dossier, the payment and the VietQR amount', async () => {
    const token = await signIn();
    const created = await submit(token, { procedureId: '3.000333', values: validAnswers('3.000333', AN, { receivingAgency: 'province-police-46', copyCount: 3 }), documents: [] });
    expect(created.agencyName).toBe('Công an Thành phố Huế');
    expect(created.payment).toEqual({ status: 'pending', amount: 205_000 });
    const started = await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID());
    const payment = Payment.parse(await started.json());
    expect(payment.amount).toBe(205_000);
    // EMVCo tag 54 (transaction amount): length 06, value 205000.
    expect(payment.qrPayload).toContain('5406205000');
  });

  it('offers a valid VietQR and a card page, and never charges twice', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);
    expect((await post(token, `/dossiers/${created.code}/payment`)).status).toBe(400);

    const key = randomUUID();
    const started = await post(token, `/dossiers/${created.code}/payment`, undefined, key);
    expect(started.status).toBe(201);
    const payment = Payment.parse(await started.json());
    expect(payment).toMatchObject({ dossierCode: created.code, amount: 10_000, status: 'pending', cardUrl: expect.stringMatching(new RegExp(`^/pay/${payment.id}\\?t=[\\w-]{43}$`)) as string });
    expect(Date.parse(payment.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(payment.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    // VietQR: EMVCo TLV with a CRC over everything up to and including "6304".
    const qr = payment.qrPayload;
    const fields = parseTlv(qr);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    const merchant = parseTlv(fields.get('38') ?? '');
    expect(merchant.get('00')).toBe('A000000727');
    expect(parseTlv(merchant.get('01') ?? '').get('00')).toBe('970415');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(fields.get('53')).toBe('704');
    expect(fields.get('54')).toBe('10000');
    expect(fields.get('58')).toBe('VN');
    expect(parseTlv(fields.get('62') ?? '').get('08')).toBe(created.code);
    expect(qr.slice(-8, -4)).toBe('6304');
    expect(qr.slice(-4)).toBe(referenceCrc(qr.slice(0, -4)).toString(16).toUpperCase().padStart(4, '0'));
    // A corrupted payload no longer matches its CRC.
    expect(referenceCrc(qr.slice(0, -4).replace('10000', '10001')).toString(16).toUpperCase().padStart(4, '0')).not.toBe(qr.slice(-4));

    // Retries and a second tap return the same open payment.
    const again = await post(token, `/dossiers/${created.code}/payment`, undefined, key);
    expect(again.status).toBe(200);
    expect(Payment.parse(await again.json()).id).toBe(payment.id);
    expect(Payment.parse(await (await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID())).json()).id).toBe(payment.id);

    // The card page: plain, accessible HTML.
    const html = await openCard(payment);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<main>');
    expect(html).toContain('<link rel="stylesheet" href="/pay/pay.css">');
    expect(html).toMatch(/<label for="card-number">/);
    expect(html).toMatch(/<label for="card-name">/);
    expect(html).toContain('>Thanh toán</button>');
    expect(html).toContain('>Huỷ</button>');
    expect(html).toContain('10.000 ₫');
    expect(html).not.toMatch(/<script|style=/);
    const css = await fetch(`${origin}/pay/pay.css`);
    expect(css.headers.get('Content-Type')).toContain('text/css');

    const badCard = await payPage(payment.id, { action: 'pay', cardNumber: '1234 5678', cardName: 'NGUYEN VAN AN' });
    expect(badCard.status).toBe(422);
    const badHtml = await badCard.text();
    expect(badHtml).toContain('role="alert"');
    expect(badHtml).toContain('aria-invalid="true"');
    expect(badHtml).not.toContain('1234 5678');

    const paid = await payPage(payment.id, { action: 'pay', cardNumber: '4111 1111 1111 1111', cardName: 'NGUYEN VAN AN' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('Location')).toBe(`${origin}/dossiers/${encodeURIComponent(created.code)}?payment=paid`);

    const after = await dossier(token, created.code);
    expect(after.payment).toMatchObject({ status: 'paid', amount: 10_000, paidAt: expect.any(String) as string, reference: expect.stringMatching(/^FT\d+/) as string });
    expect(after.events.at(-1)).toMatchObject({ status: 'received', note: { vi: 'Đã thanh toán phí, lệ phí' } });
    expect(Payment.parse(await (await get(token, `/payments/${payment.id}`)).json()).status).toBe('paid');

    // Never twice: a new payment is refused, the form posted again changes nothing.
    const second = await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID());
    expect(second.status).toBe(409);
    expect(await problemOf(second)).toBe('already-paid');
    const repost = await payPage(payment.id, { action: 'pay', cardNumber: '4111 1111 1111 1111', cardName: 'NGUYEN VAN AN' });
    expect(repost.headers.get('Location')).toContain('payment=paid');
    expect((await dossier(token, created.code)).events).toHaveLength(after.events.length);

    // Only the owner sees the payment through the API.
    expect((await get(await signIn(LAN), `/payments/${payment.id}`)).status).toBe(404);
  });

  it('fails on the declined test card and on cancel, and lets the citizen try again', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);
    const start = async () => {
      const payment = Payment.parse(await (await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID())).json());
      await openCard(payment);
      return payment;
    };

    const first = await start();
    const declined = await payPage(first.id, { action: 'pay', cardNumber: '4000 0000 0000 0002', cardName: 'NGUYEN VAN AN' });
    expect(declined.status).toBe(303);
    expect(declined.headers.get('Location')).toMatch(/\?payment=failed$/);
    expect(Payment.parse(await (await get(token, `/payments/${first.id}`)).json()).status).toBe('failed');
    expect((await dossier(token, created.code)).payment.status).toBe('failed');

    const second = await start();
    expect(second.id).not.toBe(first.id);
    expect((await dossier(token, created.code)).payment.status).toBe('pending');
    const cancelled = await payPage(second.id, { action: 'cancel' });
    expect(cancelled.headers.get('Location')).toMatch(/\?payment=failed$/);
    // A failed payment's page says so and links back.
    const page = await cardPage(second.id);
    expect(await page.text()).toContain(`href="/dossiers/${created.code}"`);

    const third = await start();
    expect((await payPage(third.id, { action: 'pay', cardNumber: '4111111111111111', cardName: 'AN' })).headers.get('Location')).toMatch(/\?payment=paid$/);
  });

  it('expires after 15 minutes', async () => {
    at('2026-11-23T02:00:00Z');
    const token = await signIn();
    const created = await submit(token, residenceBody);
    const payment = Payment.parse(await (await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID())).json());
    expect(payment.expiresAt).toBe('2026-11-23T02:15:00.000Z');
    await openCard(payment);
    vi.setSystemTime(new Date('2026-11-23T02:14:59Z'));
    expect(Payment.parse(await (await get(token, `/payments/${payment.id}`)).json()).status).toBe('pending');
    vi.setSystemTime(new Date('2026-11-23T02:15:00Z'));
    expect(Payment.parse(await (await get(token, `/payments/${payment.id}`)).json()).status).toBe('expired');
    expect((await dossier(token, created.code)).payment.status).toBe('expired');

    const page = await cardPage(payment.id);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('hết hạn');
    expect(html).toContain(`href="/dossiers/${created.code}"`);
    expect((await payPage(payment.id, { action: 'pay', cardNumber: '4111111111111111', cardName: 'AN' })).status).toBe(410);
    expect((await dossier(token, created.code)).payment.status).toBe('expired');

    const fresh = await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID());
    expect(fresh.status).toBe(201);
  });

  it('can be expired by a test control', async () => {
    const token = await signIn();
    const created = await submit(token, residenceBody);
    const payment = Payment.parse(await (await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID())).json());
    const expired = await fetch(`${origin}/api/__mock/payments/${payment.id}/expire`, { method: 'POST' });
    expect(Payment.parse(await expired.json()).status).toBe('expired');
    expect(Payment.parse(await (await get(token, `/payments/${payment.id}`)).json()).status).toBe('expired');
  });

  it('has nothing to pay for a free procedure', async () => {
    const token = await signIn();
    const created = await submit(token, maritalBody);
    const response = await post(token, `/dossiers/${created.code}/payment`, undefined, randomUUID());
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toBe('payment-not-required');
  });
});

describe('the app’s request functions', () => {
  const signInApp = async (citizen = AN) => {
    const token = await signIn(citizen);
    sessionStorage.setItem(
      'mcs.oidc.user:test',
      JSON.stringify({ access_token: token, id_token: 'x', expires_at: Math.floor(Date.now() / 1000) + 3600, profile: { sub: citizen, name: 'Test' } }),
    );
    return token;
  };
  afterEach(() => sessionStorage.clear());

  it('uploads a file with progress and submits the dossier exactly once', async () => {
    await signInApp();
    const progress: number[] = [];
    const key = randomUUID();
    const file = new Blob([PDF], { type: 'application/pdf' });
    const result = await uploadFile(file, 'Tờ khai.pdf', key, (f) => progress.push(f));
    expect(result).toMatchObject({ name: 'Tờ khai.pdf', mime: 'application/pdf', size: PDF.length });
    expect(progress.at(-1)).toBe(1);
    expect((await uploadFile(file, 'Tờ khai.pdf', key)).id).toBe(result.id);

    const body = { procedureId: '1.004222', values: validAnswers('1.004222', AN), documents: [{ requirement: 'giay-to-tai-lieu-chung-minh-cho-o-hop-phap', source: 'upload' as const, ref: result.id }] };
    const submitKey = randomUUID();
    const first = await submitWithClient(body, submitKey);
    const second = await submitWithClient(body, submitKey);
    expect(second.code).toBe(first.code);
    expect(await allDossiers()).toHaveLength(1);

    const tracked = await trackWithClient(first.code.toLowerCase(), '5678');
    expect(tracked.status).toBe('received');
  });

  it('turns a refused upload into an ApiError with the backend’s code', async () => {
    await signInApp();
    const error: unknown = await uploadFile(new Blob([EXE], { type: 'application/pdf' }), 'virus.pdf', randomUUID()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'client', status: 415, code: 'unsupported-file' });
  });

  it('fails without a session before sending anything', async () => {
    const error: unknown = await uploadFile(new Blob([PDF]), 'a.pdf', randomUUID()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unauthorized', code: 'session-expired' });
  });
});
