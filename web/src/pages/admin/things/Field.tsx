/** One labelled input of the editor with the server's problems under it. */
import type { ReactNode } from 'react';
import { Problems } from './Problems';

export function Field({ label, id, at, children, wide }: { label: ReactNode; id?: string; at?: string | string[]; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`bs-thing-field${wide ? ' bs-thing-field-wide' : ''}`}>
      {id ? <label htmlFor={id} className="bs-thing-label">{label}</label> : <div className="bs-thing-label">{label}</div>}
      {children}
      {at && <Problems at={at} />}
    </div>
  );
}
