import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationList } from '../src/api/dossiers/schema.ts';
import { MyQuestion, MyQuestionList, POST_LIMITS, PublicQuestionList, ReportReceipt, TEXT_LIMITS } from '../src/api/questions/schema.ts';
import { CLIENT_ADDRESS_HEADER } from './handlers/client.ts';
import { codeFrom, consent, exchange, origin } from './oidc-test-client.ts';

/** Questions and feedback through msw/node, as the app and its outbox drive them. */

const AN = 'vneid-046095001234';
const LAN = 'vneid-092301004567';
const BIRTH = '1.001193';

const signIn = async (citizen = AN) => ((await (await exchange(codeFrom(await consent(citizen)))).json()) as { access_token: string }).access_token;

const call = (method: string, path: string, { token, body, key, headers = {} }: { token?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${origin}/api${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'Idempotency-Key': key } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ask = (token: string, text: string, key = randomUUID(), procedureId = BIRTH) => call('POST', `/procedures/${procedureId}/questions`, { token, body: { text, lang: 'vi' }, key });
const report = (text: string, key = randomUUID(), client = '203.0.113.7', path = '/services/1.001193') =>
  call('POST', '/feedback', { body: { path, text }, key, headers: { [CLIENT_ADDRESS_HEADER]: client } });

const problem = async (response: Response, status: number) => {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return (await response.json()) as { code: string; fields?: Record<string, string>; retryAfter?: number };
};

const QUESTION = 'Con tôi sinh ở nước ngoài thì đăng ký khai sinh ở đâu?';

afterEach(() => {
  vi.useRealTimers();
  delete process.env.MOCK_LIFECYCLE_SECONDS;
});

describe('public questions', () => {
  it('lists the answered questions of a procedure, seeded for popular ones, without who asked', async () => {
    const response = await call('GET', `/procedures/${BIRTH}/questions`);
    expect(response.status).toBe(200);
    const { questions } = PublicQuestionList.parse(await response.json());
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.every((q) => q.procedureId === BIRTH)).toBe(true);
    for (const id of ['3.000333', '1.004222']) expect(PublicQuestionList.parse(await (await call('GET', `/procedures/${id}/questions`)).json()).questions.length).toBeGreaterThan(0);
  });

  it('is 404 problem+json for an unknown procedure, to read or to ask', async () => {
    expect((await problem(await call('GET', '/procedures/0.000000/questions'), 404)).code).toBe('procedure-not-found');
    expect((await problem(await ask(await signIn(), QUESTION, randomUUID(), '0.000000'), 404)).code).toBe('procedure-not-found');
  });
});

describe('asking a question', () => {
  it('needs a live session', async () => {
    await problem(await call('POST', `/procedures/${BIRTH}/questions`, { body: { text: QUESTION }, key: randomUUID() }), 401);
    await problem(await call('GET', '/questions/mine'), 401);
  });

  it('is asked exactly once per Idempotency-Key, waits, and is the asker’s alone', async () => {
    const token = await signIn();
    const key = randomUUID();
    const first = await ask(token, QUESTION, key);
    expect(first.status).toBe(201);
    const question = MyQuestion.parse(await first.json());
    expect(question).toMatchObject({ procedureId: BIRTH, procedureName: 'Đăng ký khai sinh', question: QUESTION, status: 'waiting', answer: null });
    const again = await ask(token, QUESTION, key);
    expect(again.status).toBe(200);
    expect(MyQuestion.parse(await again.json()).id).toBe(question.id);
    expect((await problem(await ask(token, `${QUESTION} Xin cảm ơn.`, key), 422)).code).toBe('idempotency-key-reused');
    const mine = MyQuestionList.parse(await (await call('GET', '/questions/mine', { token })).json());
    expect(mine.questions.map((q) => q.id)).toEqual([question.id]);
    expect(MyQuestionList.parse(await (await call('GET', '/questions/mine', { token: await signIn(LAN) })).json()).questions).toEqual([]);
    // Not public until answered.
    const visible = PublicQuestionList.parse(await (await call('GET', `/procedures/${BIRTH}/questions`)).json());
    expect(visible.questions.some((q) => q.id === question.id)).toBe(false);
    await problem(await call('POST', `/procedures/${BIRTH}/questions`, { token, body: { text: QUESTION } }), 400);
  });

  it.each([
    ['5,000 characters', 'a'.repeat(5000), 'too-long'],
    ['one character over the limit', 'a'.repeat(TEXT_LIMITS.question.max + 1), 'too-long'],
    ['only spaces', '      \n\t  ', 'blank'],
    ['too short', 'Hỏi?', 'too-short'],
    ['an ID number', 'Số căn cước của tôi là 046095001234, tôi cần làm gì?', 'personal-number'],
  ])('refuses a question of %s with 422 and the field that is wrong', async (_label, text, reason) => {
    const body = await problem(await ask(await signIn(), text), 422);
    expect(body.fields).toEqual({ text: reason });
  });

  it('keeps <script> as text: stored and answered back character for character', async () => {
    const token = await signIn();
    const text = '<script>alert("x")</script> Đăng ký khai sinh cần giấy gì?';
    const question = MyQuestion.parse(await (await ask(token, text)).json());
    expect(question.question).toBe(text);
  });

  it(`limits a citizen to ${POST_LIMITS.questions.requests} questions an hour: 429 with Retry-After, then again once the window has passed`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));
    const token = await signIn();
    for (let i = 0; i < POST_LIMITS.questions.requests; i++) expect((await ask(token, `${QUESTION} (${i + 1})`)).status).toBe(201);
    const refused = await ask(token, `${QUESTION} (thêm)`);
    const body = await problem(refused, 429);
    expect(body.code).toBe('too-many-questions');
    expect(Number(refused.headers.get('Retry-After'))).toBe(60 * 60);
    expect(body.retryAfter).toBe(60 * 60);
    // Another citizen is not held to it; the app reads when to try again.
    expect((await ask(await signIn(LAN), QUESTION)).status).toBe(201);
    // The access token outlives no hour: sign in again, as the app would.
    vi.setSystemTime(new Date('2026-11-23T03:00:01Z'));
    expect((await ask(await signIn(), `${QUESTION} (sau một giờ)`)).status).toBe(201);
  });
});

describe('the office answers', () => {
  it('after MOCK_LIFECYCLE_SECONDS, worked out when read: a notification, and the answer is public without the asker', async () => {
    process.env.MOCK_LIFECYCLE_SECONDS = '60';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));
    const token = await signIn();
    const question = MyQuestion.parse(await (await ask(token, QUESTION)).json());
    vi.setSystemTime(new Date('2026-11-23T02:00:59Z'));
    expect(MyQuestionList.parse(await (await call('GET', '/questions/mine', { token })).json()).questions[0]?.status).toBe('waiting');
    vi.setSystemTime(new Date('2026-11-23T02:01:00Z'));
    const { notifications } = NotificationList.parse(await (await call('GET', '/notifications', { token })).json());
    expect(notifications).toEqual([
      expect.objectContaining({ kind: 'question-answered', questionId: question.id, procedureId: BIRTH, procedureName: 'Đăng ký khai sinh', at: '2026-11-23T02:01:00.000Z', read: false }),
    ]);
    const [mine] = MyQuestionList.parse(await (await call('GET', '/questions/mine', { token })).json()).questions;
    expect(mine).toMatchObject({ status: 'answered', answer: { answeredAt: '2026-11-23T02:01:00.000Z' } });
    expect(mine?.answer?.text).toContain('Đăng ký khai sinh');
    const text = await (await call('GET', `/procedures/${BIRTH}/questions`)).text();
    const published = PublicQuestionList.parse(JSON.parse(text)).questions[0];
    expect(published).toMatchObject({ id: question.id, question: QUESTION, answer: mine?.answer?.text, lang: 'vi' });
    // Nothing of the asker's: no name, no citizen id.
    expect(text).not.toMatch(/vneid|Nguyễn Văn An|046095001234/);
  });

  it('when a test says so (control endpoint), once', async () => {
    const token = await signIn();
    const question = MyQuestion.parse(await (await ask(token, QUESTION)).json());
    const forced = await call('POST', `/__mock/questions/${question.id}/answer`, { body: { text: 'Ông/bà nộp tại UBND xã nơi cư trú.' } });
    expect(forced.status).toBe(200);
    expect(MyQuestion.parse(await forced.json()).answer?.text).toBe('Ông/bà nộp tại UBND xã nơi cư trú.');
    expect((await call('POST', `/__mock/questions/${question.id}/answer`, { body: {} })).status).toBe(409);
    expect((await call('POST', '/__mock/questions/hd-none/answer', { body: {} })).status).toBe(404);
    const { notifications } = NotificationList.parse(await (await call('GET', '/notifications', { token })).json());
    expect(notifications.filter((n) => n.kind === 'question-answered')).toHaveLength(1);
  });
});

describe('reporting a problem with a page', () => {
  it('needs no sign-in, is held exactly once per Idempotency-Key, and keeps <script> as text', async () => {
    const key = randomUUID();
    const text = 'Nút “Nộp hồ sơ” không bấm được <script>alert(1)</script>';
    const first = await report(text, key);
    expect(first.status).toBe(201);
    const receipt = ReportReceipt.parse(await first.json());
    const again = await report(text, key);
    expect(again.status).toBe(200);
    expect(ReportReceipt.parse(await again.json()).id).toBe(receipt.id);
    const held = (await (await call('GET', '/__mock/feedback')).json()) as { reports: { id: string; path: string; text: string }[] };
    expect(held.reports).toEqual([expect.objectContaining({ id: receipt.id, path: '/services/1.001193', text })]);
    expect(JSON.stringify(held)).not.toContain('203.0.113.7');
    await problem(await call('POST', '/feedback', { body: { path: '/', text } }), 400);
  });

  it.each([
    ['5,000 characters', { path: '/', text: 'x'.repeat(5000) }, { text: 'too-long' }],
    ['only spaces', { path: '/', text: '     ' }, { text: 'blank' }],
    ['a phone number', { path: '/', text: 'Gọi lại cho tôi: 0912 345 678' }, { text: 'personal-number' }],
    ['a full URL for a path', { path: 'https://evil.example/', text: 'Trang bị lỗi' }, { path: 'invalid' }],
  ])('refuses a report of %s with 422 naming the field', async (_label, body, fields) => {
    const response = await call('POST', '/feedback', { body, key: randomUUID() });
    expect((await problem(response, 422)).fields).toEqual(fields);
  });

  it(`limits a client to ${POST_LIMITS.reports.requests} reports in 10 minutes (429 with Retry-After); another client is not held to it`, async () => {
    for (let i = 0; i < POST_LIMITS.reports.requests; i++) expect((await report(`Trang chậm lần ${i + 1}`)).status).toBe(201);
    const refused = await report('Trang chậm lần nữa');
    expect((await problem(refused, 429)).code).toBe('too-many-reports');
    const wait = Number(refused.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect((await report('Trang chậm', randomUUID(), '198.51.100.2')).status).toBe(201);
  });
});
