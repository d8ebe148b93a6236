/** The rating form shared by the portal, the SMS link page and the window device: five big grades, sub-scores, a comment. */
import { useState } from 'react';
import { Button, Input, Rate, Space, Typography } from 'antd';
import { useT } from '../../lib/i18n';
import { GRADES, type ScoreKey } from './api';

export interface RatingValue { grade: number; scores: Record<string, number>; comment: string }

export function RatingForm({ scoreKeys, onSubmit, big, busy }: { scoreKeys: ScoreKey[]; onSubmit: (v: RatingValue) => void; big?: boolean; busy?: boolean }) {
  const t = useT();
  const [grade, setGrade] = useState<number | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const bad = grade !== null && grade <= 2;
  return (
    <div data-testid="rating-form">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: big ? 16 : 8, marginBottom: 16 }}>
        {GRADES.map(([g, label, color]) => (
          <Button
            key={g}
            data-testid={`grade-${g}`}
            type={grade === g ? 'primary' : 'default'}
            style={{ height: big ? 120 : 56, fontSize: big ? 24 : 15, ...(grade === g ? { background: color, borderColor: color } : { color }) }}
            onClick={() => setGrade(g)}
          >
            {t(label)}
          </Button>
        ))}
      </div>
      {scoreKeys.map((k) => (
        <div key={k.key} style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }}>
          <Typography.Text style={{ width: big ? 200 : 140, fontSize: big ? 20 : 14 }}>{t(k.label)}</Typography.Text>
          <Rate value={scores[k.key] ?? 0} onChange={(v) => setScores((s) => ({ ...s, [k.key]: v }))} style={{ fontSize: big ? 36 : 20 }} data-testid={`score-${k.key}`} />
        </div>
      ))}
      <Input.TextArea
        data-testid="rating-comment"
        rows={big ? 3 : 2}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={bad ? t('请告诉我们哪里做得不好（必填）') : t('意见或建议（选填）')}
        style={{ fontSize: big ? 20 : 14, marginTop: 8 }}
        status={bad && !comment.trim() ? 'warning' : undefined}
      />
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          size="large"
          data-testid="rating-submit"
          disabled={grade === null || (bad && !comment.trim())}
          loading={busy}
          style={big ? { height: 72, fontSize: 24, padding: '0 48px' } : undefined}
          onClick={() => grade !== null && onSubmit({ grade, scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v > 0)), comment: comment.trim() })}
        >
          {t('提交评价')}
        </Button>
      </Space>
    </div>
  );
}
