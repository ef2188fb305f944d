import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '../../i18n/i18n.ts';
import { FormDefinition } from '../../api/forms/schema.ts';
import { loadDraft, type Draft } from '../../offline/personal-db.ts';
import { EForm } from './EForm.tsx';
import { formatVietnameseDate, todayInVietnam } from '../../lib/vn/dates.ts';
import type * as InputFieldModule from './fields/InputField.tsx';

/** How often each text box was drawn, by input id: typing must redraw no box, not even its own. */
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('./fields/InputField.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof InputFieldModule>();
  return {
    InputField: (props: Parameters<typeof original.InputField>[0]) => {
      renders.set(props.frame.id, (renders.get(props.frame.id) ?? 0) + 1);
      return original.InputField(props);
    },
  };
});

beforeAll(async () => {
  await initI18n('vi');
  await import('i18next').then((m) => m.default.loadNamespaces('eform'));
});

const definition = FormDefinition.parse({
  procedureId: 'test',
  version: 1,
  title: { vi: 'Tờ khai thử' },
  sections: [
    {
      id: 'applicant',
      title: { vi: 'Người khai' },
      fields: [
        { id: 'fullName', type: 'text', kind: 'name', label: { vi: 'Họ tên' }, required: true, prefill: { path: 'citizen.fullName', lock: 'locked' } },
        { id: 'agency', type: 'text', label: { vi: 'Cơ quan tiếp nhận' }, required: true },
        { id: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, required: true, prefill: { path: 'contact.phone', lock: 'editable' } },
        { id: 'email', type: 'email', label: { vi: 'Email' } },
        { id: 'hasNickname', type: 'checkbox', label: { vi: 'Có tên gọi khác' } },
        { id: 'nickname', type: 'text', label: { vi: 'Tên gọi khác' }, required: true, visibleWhen: { field: 'hasNickname', equals: true } },
      ],
    },
    {
      id: 'children',
      title: { vi: 'Con' },
      fields: [
        {
          id: 'people',
          type: 'group',
          label: { vi: 'Con' },
          itemLabel: { vi: 'Người' },
          fields: [
            { id: 'name', type: 'text', label: { vi: 'Tên con' }, required: true },
            { id: 'adopted', type: 'checkbox', label: { vi: 'Con nuôi' } },
            { id: 'decision', type: 'text', label: { vi: 'Số quyết định' }, required: true, visibleWhen: { field: 'adopted', equals: true } },
          ],
        },
      ],
    },
  ],
});

const at = '2026-11-20T03:00:00.000Z';
const draft: Draft = {
  owner: 'sub-1',
  procedureId: 'test',
  procedureName: 'Thủ tục thử',
  definitionVersion: 1,
  values: { fullName: 'Nguyễn Văn An', agency: '', phone: '0912345678', email: '', hasNickname: false, nickname: '', people: [{ name: '', adopted: false, decision: '' }] },
  provenance: {
    fullName: { source: 'population-db', retrievedAt: at, locked: true, path: 'citizen.fullName' },
    phone: { source: 'vneid-account', retrievedAt: at, locked: false, path: 'contact.phone' },
  },
  prefilledCount: 2,
  updatedAt: at,
};

const renderForm = () => {
  const onSaved = vi.fn();
  const onComplete = vi.fn();
  render(<EForm definition={definition} draft={draft} dataStore={undefined} onSaved={onSaved} onComplete={onComplete} />);
  return { onSaved, onComplete };
};

const box = (name: RegExp) => screen.getByRole('textbox', { name });
const count = (id: string) => renders.get(id) ?? 0;

describe('EForm', () => {
  it('redraws nothing as the citizen types, and after a failed submit only the field whose error changes', async () => {
    const user = userEvent.setup();
    const drawnBefore = count('f-agency');
    const { onSaved } = renderForm();
    // Drawn once: not again when the form's state settles after mounting.
    await waitFor(() => expect(box(/Cơ quan tiếp nhận/)).toBeInTheDocument());
    expect(count('f-agency') - drawnBefore).toBe(1);
    const others = ['f-phone', 'f-email', 'f-people-0-name'];
    const before = new Map(others.map((id) => [id, count(id)]));
    const agencyBefore = count('f-agency');
    await user.type(box(/Cơ quan tiếp nhận/), 'UBND');
    // The browser keeps what is typed; the form still has it (the draft saves it).
    expect(box(/Cơ quan tiếp nhận/)).toHaveValue('UBND');
    expect(count('f-agency')).toBe(agencyBefore);
    for (const id of others) expect(count(id), id).toBe(before.get(id));
    await waitFor(() => expect(onSaved).toHaveBeenLastCalledWith(expect.objectContaining({ values: expect.objectContaining({ agency: 'UBND' }) })));

    // Errors now show and are checked again as the citizen types: still one field at a time.
    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    await screen.findByRole('alert');
    const afterSubmit = new Map(others.map((id) => [id, count(id)]));
    await user.type(box(/Email/), 'an@');
    expect(count('f-phone')).toBe(afterSubmit.get('f-phone'));
    expect(count('f-people-0-name')).toBe(afterSubmit.get('f-people-0-name'));
  });

  it('shows locked values with their source, and pre-filled ones that can be changed', () => {
    renderForm();
    expect(screen.getByText('Nguyễn Văn An')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Họ tên/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Thông tin này sai\?/ })).toBeInTheDocument();
    expect(box(/Điện thoại/)).toHaveValue('0912345678');
    // Each pre-filled field carries a small mark naming its source (a button, not a colour).
    expect(screen.getByRole('button', { name: 'CSDL dân cư, chính thức' })).toBeInTheDocument();
    expect(box(/Điện thoại/)).toHaveAccessibleDescription(/Tài khoản VNeID, sửa được/);
    // The group counts as one; the hidden field does not count.
    expect(screen.getByText(/Đã điền sẵn 2 trên 6 mục/)).toBeInTheDocument();
  });

  it('says where values came from once per source for the section, and the details on tapping a field’s mark', async () => {
    const user = userEvent.setup();
    renderForm();
    const section = screen.getByRole('region', { name: 'Người khai' });
    const lines = within(section).getAllByText(/^Điền sẵn từ /);
    expect(lines.map((l) => l.textContent)).toEqual([
      'Điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư ngày 20/11/2026. Mục đánh dấu “🔒 CSDL dân cư, chính thức” là thông tin chính thức nên không sửa ở đây; nếu sai, bấm “Thông tin này sai?”.',
      'Điền sẵn từ tài khoản VNeID của bạn ngày 20/11/2026. Mục đánh dấu “↺ Tài khoản VNeID, sửa được” bạn có thể sửa nếu đã thay đổi.',
    ]);
    // The full sentence is not repeated under each field: only on tapping its mark.
    expect(within(section).queryByText(/Đây là thông tin chính thức/)).not.toBeInTheDocument();
    const mark = within(section).getByRole('button', { name: /CSDL dân cư, chính thức/ });
    expect(mark).toHaveAttribute('aria-expanded', 'false');
    await user.click(mark);
    expect(mark).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getByText(/^Lấy từ Cơ sở dữ liệu quốc gia về dân cư ngày 20\/11\/2026\. Đây là thông tin chính thức/)).toBeVisible();
    await user.click(mark);
    expect(within(section).queryByText(/Đây là thông tin chính thức/)).not.toBeInTheDocument();
  });

  it('shows a pending correction request on the field it is about, with what was asked and when', () => {
    const corrections = [
      { id: 'YC-OLD', path: 'citizen.dateOfBirth', currentValue: '1995', proposedValue: '1996', status: 'received' as const, createdAt: at },
      { id: 'YC-1A2B', path: 'citizen.fullName', currentValue: 'Nguyễn Văn An', proposedValue: 'Nguyễn Văn Ân', status: 'received' as const, createdAt: at },
    ];
    render(<EForm definition={definition} draft={draft} dataStore={undefined} corrections={corrections} onSaved={vi.fn()} onComplete={vi.fn()} />);
    const pending = screen.getByText(/^ngày 20\/11\/2026 bạn đã đề nghị sửa thành “Nguyễn Văn Ân” \(mã YC-1A2B\)/);
    expect(pending.closest('p')).toHaveTextContent(/^Đang chờ điều chỉnh:/);
    expect(screen.getByText('Nguyễn Văn An')).toHaveAccessibleDescription(/Đang chờ điều chỉnh: .*“Nguyễn Văn Ân”/);
    // Only on the field it is about.
    expect(screen.getAllByText(/Đang chờ điều chỉnh/)).toHaveLength(1);
  });

  it('shows a conditional field while its condition holds, in the form and inside a group item', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.queryByRole('textbox', { name: /Tên gọi khác/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Có tên gọi khác' }));
    expect(box(/Tên gọi khác/)).toBeInTheDocument();
    expect(screen.getByText(/Đã điền sẵn 2 trên 7 mục/)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Có tên gọi khác' }));
    expect(screen.queryByRole('textbox', { name: /Tên gọi khác/ })).not.toBeInTheDocument();

    const item = screen.getByRole('group', { name: 'Người 1' });
    expect(within(item).queryByRole('textbox', { name: /Số quyết định/ })).not.toBeInTheDocument();
    await user.click(within(item).getByRole('checkbox', { name: 'Con nuôi' }));
    expect(within(item).getByRole('textbox', { name: /Số quyết định/ })).toBeInTheDocument();
  });

  it('on submit lists every error in a focused summary, shows each next to its field, and clears one as it is fixed', async () => {
    const user = userEvent.setup();
    const { onComplete } = renderForm();
    await user.clear(box(/Điện thoại/));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    // Each entry says where the field is: its section, or its item of a group.
    expect(within(summary).getByRole('link', { name: 'Người khai — Cơ quan tiếp nhận: Chưa nhập thông tin này' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Người khai — Điện thoại: Chưa nhập thông tin này' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Người 1 — Tên con: Chưa nhập thông tin này' })).toBeInTheDocument();
    expect(box(/Cơ quan tiếp nhận/)).toHaveAccessibleDescription(/Chưa nhập thông tin này/);
    expect(box(/Điện thoại/)).toHaveAccessibleDescription(/Chưa nhập thông tin này/);

    await user.click(within(summary).getByRole('link', { name: /Điện thoại/ }));
    expect(box(/Điện thoại/)).toHaveFocus();
    await user.type(box(/Điện thoại/), '0912345678');
    expect(box(/Điện thoại/)).not.toHaveAccessibleDescription(/Chưa nhập thông tin này/);
    expect(box(/Cơ quan tiếp nhận/)).toHaveAccessibleDescription(/Chưa nhập thông tin này/);
    expect(onComplete).not.toHaveBeenCalled();

    await user.type(box(/Cơ quan tiếp nhận/), 'UBND phường Kim Long');
    await user.type(box(/Tên con/), 'Nguyễn Minh Khang');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    await waitFor(() => expect(onComplete).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the answers the backend refused next to their fields and in the summary, until the form is checked again', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    const refused: Draft = {
      ...draft,
      values: { ...draft.values, agency: 'UBND phường Kim Long', people: [{ name: 'Nguyễn Minh Khang', adopted: false, decision: '' }] },
      serverErrors: [
        { path: 'phone', code: 'validation.phone.format' },
        { path: 'people.0.name', code: 'validation.name.oneWord' },
      ],
    };
    render(<EForm definition={definition} draft={refused} dataStore={undefined} onSaved={vi.fn()} onComplete={onComplete} />);
    expect(screen.getByText(/Cơ quan chưa chấp nhận một số câu trả lời/)).toBeInTheDocument();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: /Điện thoại: Số điện thoại chưa đúng/ })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: /Người 1 — Tên con: Nhập đầy đủ họ, chữ đệm và tên/ })).toBeInTheDocument();
    await waitFor(() => expect(box(/Điện thoại/)).toHaveAccessibleDescription(/Số điện thoại chưa đúng/));
    expect(box(/Tên con/)).toHaveAccessibleDescription(/Nhập đầy đủ họ, chữ đệm và tên/);
    // What the citizen typed is all there.
    expect(box(/Cơ quan tiếp nhận/)).toHaveValue('UBND phường Kim Long');
    expect(box(/Tên con/)).toHaveValue('Nguyễn Minh Khang');

    // Checked again by the app (the values hold for it): the backend's refusals are gone, and so from the draft.
    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    await waitFor(() => expect(onComplete).toHaveBeenCalledOnce());
    expect(screen.queryByText(/Cơ quan chưa chấp nhận một số câu trả lời/)).not.toBeInTheDocument();
    await waitFor(async () => expect((await loadDraft('sub-1', 'test'))?.serverErrors).toBeUndefined());
  });

  it('saves the draft on the device shortly after the citizen stops typing', async () => {
    const user = userEvent.setup();
    const { onSaved } = renderForm();
    await user.type(box(/Cơ quan tiếp nhận/), 'UBND');
    expect(onSaved).not.toHaveBeenCalled();
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 3_000 });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect((await loadDraft('sub-1', 'test'))?.values).toMatchObject({ agency: 'UBND', fullName: 'Nguyễn Văn An' });
  });

  it('tells apart two errors on fields of the same name in different sections', async () => {
    const user = userEvent.setup();
    const twoDates = FormDefinition.parse({
      procedureId: 'dates',
      version: 1,
      title: { vi: 'Hai ngày sinh' },
      sections: [
        { id: 'child', title: { vi: 'Người được khai sinh' }, fields: [{ id: 'childDateOfBirth', type: 'date', label: { vi: 'Ngày sinh' }, required: true }] },
        { id: 'parent', title: { vi: 'Người cha hoặc mẹ còn lại' }, fields: [{ id: 'parentDateOfBirth', type: 'date', label: { vi: 'Ngày sinh' }, required: true }] },
      ],
    });
    render(
      <EForm
        definition={twoDates}
        draft={{ ...draft, procedureId: 'dates', values: { childDateOfBirth: '', parentDateOfBirth: '' }, provenance: {}, prefilledCount: 0 }}
        dataStore={undefined}
        onSaved={vi.fn()}
        onComplete={vi.fn()}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    const links = within(await screen.findByRole('alert')).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Người được khai sinh — Ngày sinh: Chưa nhập thông tin này',
      'Người cha hoặc mẹ còn lại — Ngày sinh: Chưa nhập thông tin này',
    ]);
  });

  it('says beside a date of birth more than 60 days ago that it is a late registration, and the form can still be sent', async () => {
    const user = userEvent.setup();
    const birth = FormDefinition.parse({
      procedureId: 'late',
      version: 1,
      title: { vi: 'Khai sinh' },
      sections: [
        { id: 'child', title: { vi: 'Người được khai sinh' }, fields: [{ id: 'childDateOfBirth', type: 'date', label: { vi: 'Ngày sinh' }, required: true, notFuture: true, lateAfterDays: 60 }] },
      ],
    });
    const onComplete = vi.fn();
    render(
      <EForm
        definition={birth}
        draft={{ ...draft, procedureId: 'late', values: { childDateOfBirth: '' }, provenance: {}, prefilledCount: 0 }}
        dataStore={undefined}
        onSaved={vi.fn()}
        onComplete={onComplete}
      />,
    );
    const daysAgo = (days: number) => formatVietnameseDate(todayInVietnam(new Date(Date.now() - days * 86_400_000)));
    const born = box(/Ngày sinh/);
    // Typing a date within the limit redraws nothing: the field follows the notice, not the value.
    const drawn = count('f-childDateOfBirth');
    await user.type(born, daysAgo(10));
    expect(born).not.toHaveAccessibleDescription(/quá hạn/);
    expect(count('f-childDateOfBirth')).toBe(drawn);

    await user.clear(born);
    await user.type(born, daysAgo(75));
    expect(await screen.findByText(/Đã 75 ngày kể từ ngày này, quá thời hạn 60 ngày/)).toHaveClass('field-info');
    expect(born).toHaveAccessibleDescription(/Đăng ký quá hạn\. Đã 75 ngày kể từ ngày này.*bạn không phải làm thêm gì\.$/);
    expect(born).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Tiếp tục: xem lại câu trả lời' }));
    await waitFor(() => expect(onComplete).toHaveBeenCalled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
