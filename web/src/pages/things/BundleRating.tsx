/**
 * 好差评 of a 一件事 as a whole (GB/T 39735; src/feedback/bundleRating.ts): once every item has
 * its result, the applicant rates the whole thing once, on the progress view itself (no pop-up,
 * so 长辈版 needs no other way). A rating given shows its grade instead.
 */
import { useState } from 'react';
import { Card, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RatingForm, type RatingValue } from '../feedback/RatingForm';
import type { ScoreKey } from '../feedback/api';

interface BundleRatingView {
  rateable: boolean;
  scoreKeys: ScoreKey[];
  rating: { grade: number; gradeLabel: string; comment: string } | null;
}

export function BundleRating({ bundleId }: { bundleId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const key = ['bundle', bundleId, 'rating'];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<BundleRatingView>(`/api/bundles/${encodeURIComponent(bundleId)}/rating`, undefined, signal) });
  if (!q.data || (!q.data.rateable && !q.data.rating)) return null;
  const submit = async (v: RatingValue) => {
    setBusy(true);
    try {
      await api.post(`/api/bundles/${encodeURIComponent(bundleId)}/rating`, v);
      showSuccess(t('感谢您的评价！'));
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const r = q.data.rating;
  return (
    <Card title={t('评价这件事')} className="bs-section" data-testid="bundle-rating">
      {r ? (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('您的评价')}{' '}
          <Tag color={r.grade >= 4 ? 'green' : r.grade === 3 ? 'gold' : 'red'} data-testid="bundle-rated">{t(r.gradeLabel)}</Tag>
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('各事项都已办结：请对这件事的整体办理评价一次，评价由牵头部门负责答复。')}</Typography.Paragraph>
          <RatingForm scoreKeys={q.data.scoreKeys} onSubmit={submit} busy={busy} />
        </>
      )}
    </Card>
  );
}
