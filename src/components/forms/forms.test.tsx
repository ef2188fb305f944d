import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '../../i18n/i18n.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FieldFrame } from './FieldFrame.tsx';
import { CountedTextArea } from './CountedTextArea.tsx';
import { useState } from 'react';

beforeAll(async () => {
  await initI18n('vi');
});

describe('FieldFrame', () => {
  it('labels the input and has it read its hint, note and error', () => {
    render(
      <FieldFrame id="f-phone" label="Số điện thoại" hint="10 chữ số" note={<span>Từ CSDL dân cư</span>} error="Số điện thoại chưa đúng" optional>
        {(describedBy, invalid) => <input id="f-phone" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </FieldFrame>,
    );
    const input = screen.getByLabelText('Số điện thoại (không bắt buộc)');
    expect(input).toHaveAccessibleDescription(/^10 chữ số Từ CSDL dân cư Lỗi: ?Số điện thoại chưa đúng$/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('is a fieldset with a legend for a group, and says nothing extra when all is well', () => {
    render(
      <FieldFrame id="f-sex" label="Giới tính" asGroup>
        {(describedBy, invalid) => <input type="radio" id="f-sex" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </FieldFrame>,
    );
    expect(screen.getByRole('group', { name: 'Giới tính' })).toHaveAttribute('id', 'f-sex-group');
    expect(screen.getByRole('radio')).not.toHaveAttribute('aria-describedby');
    expect(screen.getByRole('radio')).not.toHaveAttribute('aria-invalid');
  });
});

describe('FieldFrame information', () => {
  const Dated = ({ info }: { info: string | null }) => (
    <FieldFrame id="f-born" label="Ngày sinh" hint="Ngày/tháng/năm" info={info}>
      {(describedBy, invalid) => <input id="f-born" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </FieldFrame>
  );

  it('reads information about the value with the input, announced as it appears, and never as an error', () => {
    const { rerender } = render(<Dated info={null} />);
    const input = screen.getByLabelText('Ngày sinh');
    expect(input).toHaveAccessibleDescription('Ngày/tháng/năm');
    const region = document.querySelector('[aria-live="polite"]');
    expect(region).toBeEmptyDOMElement();
    rerender(<Dated info="Đăng ký quá hạn" />);
    expect(input).toHaveAccessibleDescription('Ngày/tháng/năm Đăng ký quá hạn');
    expect(region).toHaveTextContent('Đăng ký quá hạn');
    expect(screen.getByText('Đăng ký quá hạn')).toHaveClass('field-info');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input.closest('.field')).not.toHaveClass('field--error');
  });
});

describe('CountedTextArea', () => {
  const Box = ({ error }: { error?: string }) => {
    const [value, setValue] = useState('');
    return <CountedTextArea id="t-q" label="Câu hỏi" hint="Không ghi số CCCD" error={error} value={value} onChange={setValue} max={10} />;
  };

  it('counts what was typed against the limit, in the box’s description', async () => {
    render(<Box />);
    const box = screen.getByRole('textbox', { name: 'Câu hỏi' });
    expect(box).toHaveAccessibleDescription('Không ghi số CCCD 0/10 ký tự');
    await userEvent.type(box, 'Xin chào');
    expect(box).toHaveAccessibleDescription('Không ghi số CCCD 8/10 ký tự');
    expect(screen.getByText('8/10 ký tự')).toHaveClass('hint');
  });

  it('past the limit says by how much in words, and keeps every character typed', async () => {
    render(<Box error="Quá dài" />);
    const box = screen.getByRole('textbox', { name: 'Câu hỏi' });
    await userEvent.type(box, 'Mười hai chữ');
    expect(box).toHaveValue('Mười hai chữ');
    expect(screen.getByText('12/10 ký tự: thừa 2 ký tự')).toHaveClass('field-error');
    expect(box).toHaveAccessibleDescription(/Quá dài 12\/10 ký tự: thừa 2 ký tự$/);
    expect(box).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('ErrorSummary', () => {
  it('is an alert titled by its heading whose links move focus to the field', async () => {
    render(
      <>
        <ErrorSummary
          title="Có 2 mục cần sửa"
          items={[
            { key: 'a', target: 'f-a', text: 'Họ và tên: bắt buộc' },
            { key: 'b', text: 'Giấy khai sinh' },
          ]}
        />
        <input id="f-a" aria-label="Họ và tên" />
      </>,
    );
    expect(screen.getByRole('alert', { name: 'Có 2 mục cần sửa' })).toBeInTheDocument();
    expect(screen.getByText('Giấy khai sinh').closest('a')).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: 'Họ và tên: bắt buộc' }));
    expect(screen.getByLabelText('Họ và tên')).toHaveFocus();
  });
});
