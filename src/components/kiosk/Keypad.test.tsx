import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Keypad, keypadModeFor, typeInto, type KeypadMode } from './Keypad.tsx';

const labels = { keypad: 'Keypad', backspace: 'Delete', clear: 'Clear', done: 'Done' };

/** A controlled field, as the app's forms have, typed into only through the keypad. */
const Harness = ({ mode, maxLength }: { mode: KeypadMode; maxLength?: number }) => {
  const [value, setValue] = useState('');
  const [done, setDone] = useState(false);
  const field = () => document.getElementById('f') as HTMLInputElement;
  return (
    <>
      <label htmlFor="f">Code</label>
      <input id="f" value={value} onChange={(e) => setValue(e.target.value)} maxLength={maxLength} />
      <Keypad
        mode={mode}
        labels={labels}
        onKey={(key) => typeInto(field(), field().value + key)}
        onBackspace={() => typeInto(field(), field().value.slice(0, -1))}
        onClear={() => typeInto(field(), '')}
        onDone={() => setDone(true)}
      />
      <p>{done ? 'finished' : 'typing'}</p>
    </>
  );
};

describe('Keypad', () => {
  it('types digits into a controlled field, deletes and clears, and keeps the focus on the field', async () => {
    const user = userEvent.setup();
    render(<Harness mode="numeric" />);
    const field = screen.getByLabelText('Code');
    field.focus();
    for (const key of ['0', '9', '1', '2']) await user.click(screen.getByRole('button', { name: key }));
    expect(field).toHaveValue('0912');
    expect(field).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(field).toHaveValue('091');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(field).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByText('finished')).toBeInTheDocument();
  });

  it('offers only digits in numeric mode, letters and code punctuation in alphanumeric mode', () => {
    const { unmount } = render(<Harness mode="numeric" />);
    expect(screen.queryByRole('button', { name: 'A' })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(13);
    unmount();
    render(<Harness mode="alphanumeric" />);
    for (const key of ['A', 'Z', '-', '.', '0']) expect(screen.getByRole('button', { name: key })).toBeInTheDocument();
  });

  it('never types past the field’s maxlength', async () => {
    const user = userEvent.setup();
    render(<Harness mode="numeric" maxLength={4} />);
    screen.getByLabelText('Code').focus();
    for (const key of ['1', '2', '3', '4', '5']) await user.click(screen.getByRole('button', { name: key }));
    expect(screen.getByLabelText('Code')).toHaveValue('1234');
  });

  it('is wanted by numeric, phone and code fields, not by free text', () => {
    const make = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(keypadModeFor(make('<input inputmode="numeric">'))).toBe('numeric');
    expect(keypadModeFor(make('<input type="tel">'))).toBe('numeric');
    expect(keypadModeFor(make('<input class="input--code">'))).toBe('alphanumeric');
    expect(keypadModeFor(make('<input data-keypad="alphanumeric">'))).toBe('alphanumeric');
    expect(keypadModeFor(make('<input type="text">'))).toBeNull();
    expect(keypadModeFor(make('<textarea></textarea>'))).toBeNull();
  });
});
