import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import type { Values } from '../definition.ts';
import type { FieldComponent, FieldProps, FieldSlotProps, FieldType } from './field-types.ts';

/**
 * A field type drawn from its value — choices, addresses, papers — bound through `useController`:
 * it reads its own value, so a change re-renders that field alone. Text boxes are not: they are
 * the browser's own (`InputField`, `register`), and typing re-renders nothing.
 */
export const controlled = <T extends FieldType>(Component: (props: FieldProps<T>) => ReactNode): FieldComponent<T> =>
  function Controlled(props: FieldSlotProps<T>) {
    const { field: rhf } = useController<Values>({ name: props.path });
    return <Component {...props} rhf={rhf} />;
  };
