import { FieldFrame } from '../../../components/forms/FieldFrame.tsx';
import type { AddressValue } from '../definition.ts';
import { AddressInput } from './AddressInput.tsx';
import type { FieldProps } from './field-types.ts';

/** An address in three parts, framed as one group. */
export const AddressField = ({ rhf, frame }: FieldProps<'address'>) => (
  <FieldFrame {...frame} asGroup>
    {(describedBy, invalid) => (
      <AddressInput id={frame.id} value={rhf.value as AddressValue} onChange={rhf.onChange} onBlur={rhf.onBlur} describedBy={describedBy} invalid={invalid} />
    )}
  </FieldFrame>
);
