/** The server's problems shown next to the fields they name (field paths as the API gives them). */
import { createContext, useContext } from 'react';
import { Typography } from 'antd';
import { useT } from '../../../lib/i18n';
import { problemText, type ProblemMap } from './model';

export const ProblemsContext = createContext<ProblemMap>(new Map());

/** 'error' for an input whose path has a problem (antd's `status`). */
export function useFieldStatus() {
  const map = useContext(ProblemsContext);
  return (...paths: string[]): 'error' | undefined => (paths.some((p) => map.has(p)) ? 'error' : undefined);
}

/** The messages for one or more paths, under the field. */
export function Problems({ at }: { at: string | string[] }) {
  const t = useT();
  const map = useContext(ProblemsContext);
  const paths = Array.isArray(at) ? at : [at];
  const list = paths.flatMap((p) => map.get(p) ?? []);
  if (list.length === 0) return null;
  return (
    <div className="bs-thing-problem" role="alert" data-testid={`problem-${paths[0]}`}>
      {list.map((p, i) => (
        <Typography.Text key={i} type="danger" style={{ display: 'block', fontSize: 13 }}>
          {problemText(p, t('格式不正确或未填写'))}
        </Typography.Text>
      ))}
    </div>
  );
}
