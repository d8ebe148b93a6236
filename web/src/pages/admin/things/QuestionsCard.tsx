/** 问卷: the short questionnaire whose answers choose the items (yes/no, or a choice with options). */
import { Button, Input, Radio } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../lib/i18n';
import { Field } from './Field';
import { ListCard } from './ListCard';
import { useFieldStatus } from './Problems';
import { emptyQuestion, type Question } from './model';

interface Props { questions: Question[]; onChange: (qs: Question[]) => void; readOnly: boolean }

export function QuestionsCard({ questions, onChange, readOnly }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<Question>) => onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <ListCard title={t('问卷（回答决定办理哪些事项）')} testId="thing-questions" addLabel={t('添加问题')} addTestId="question-add" onAdd={() => onChange([...questions, emptyQuestion()])}
      empty={questions.length === 0 ? t('无问题：所有事项都要办理') : null} readOnly={readOnly}>
      {questions.map((q, i) => (
        <QuestionRow key={i} q={q} i={i} set={(p) => set(i, p)} remove={() => onChange(questions.filter((_, j) => j !== i))} readOnly={readOnly} />
      ))}
    </ListCard>
  );
}

function QuestionRow({ q, i, set, remove, readOnly }: { q: Question; i: number; set: (p: Partial<Question>) => void; remove: () => void; readOnly: boolean }) {
  const t = useT();
  const status = useFieldStatus();
  const at = `questions.${i}`;
  const options = q.options ?? [];
  const setOption = (j: number, patch: Partial<{ value: string; label: string }>) => set({ options: options.map((o, k) => (k === j ? { ...o, ...patch } : o)) });
  return (
    <div className="bs-thing-row" data-testid={`question-${i}`}>
      <div className="bs-thing-grid">
        <Field label={t('标识')} id={`${at}.key`} at={`${at}.key`}>
          <Input id={`${at}.key`} value={q.key} onChange={(e) => set({ key: e.target.value.trim() })} placeholder="fund" status={status(`${at}.key`)} disabled={readOnly} data-testid={`question-${i}-key`} />
        </Field>
        <Field label={t('问题内容')} id={`${at}.text`} at={`${at}.text`}>
          <Input id={`${at}.text`} value={q.text} onChange={(e) => set({ text: e.target.value })} placeholder={t('如：是否需要刻制公章？')} status={status(`${at}.text`)} disabled={readOnly} data-testid={`question-${i}-text`} />
        </Field>
        <Field label={t('题型')} at={`${at}.kind`}>
          <Radio.Group
            value={q.kind}
            onChange={(e) => set(e.target.value === 'choice' ? { kind: 'choice', options: options.length ? options : [{ value: '', label: '' }, { value: '', label: '' }] } : { kind: 'yesNo' })}
            disabled={readOnly}
            data-testid={`question-${i}-kind`}
          >
            <Radio value="yesNo">{t('是/否')}</Radio>
            <Radio value="choice">{t('单选')}</Radio>
          </Radio.Group>
        </Field>
        <Field label={t('提示（可选）')} id={`${at}.help`} at={`${at}.help`}>
          <Input id={`${at}.help`} value={q.help ?? ''} onChange={(e) => set({ help: e.target.value })} disabled={readOnly} data-testid={`question-${i}-help`} />
        </Field>
        {q.kind === 'choice' && (
          <Field label={t('选项（值 / 显示文字）')} at={`${at}.options`} wide>
            {options.map((o, j) => (
              <div key={j} className="bs-thing-inline">
                <Input aria-label={t('选项值')} value={o.value} onChange={(e) => setOption(j, { value: e.target.value.trim() })} placeholder="company" disabled={readOnly} style={{ maxWidth: 180 }} data-testid={`question-${i}-option-${j}-value`} />
                <Input aria-label={t('选项文字')} value={o.label} onChange={(e) => setOption(j, { label: e.target.value })} placeholder={t('如：企业（公司）')} disabled={readOnly} data-testid={`question-${i}-option-${j}-label`} />
                {!readOnly && <Button aria-label={t('删除选项')} icon={<DeleteOutlined />} onClick={() => set({ options: options.filter((_, k) => k !== j) })} />}
              </div>
            ))}
            {!readOnly && <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => set({ options: [...options, { value: '', label: '' }] })} data-testid={`question-${i}-option-add`}>{t('添加选项')}</Button>}
          </Field>
        )}
      </div>
      {!readOnly && (
        <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={remove} data-testid={`question-${i}-remove`}>{t('删除问题')}</Button>
      )}
    </div>
  );
}
