/**
 * 我的办件 → 评价: a completed case not yet rated gets a 评价 button; a rated one shows its grade.
 * The form opens in a dialog, except in 长辈版: 适老化 asks for no pop-ups, so there the button
 * goes to the case's own page, where the form is part of the page (MyCasePage, #rate).
 */
import { useState } from 'react';
import { Button, Modal, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useDisplay } from '../../lib/display';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RatingForm } from './RatingForm';
import { SCORE_KEYS } from './api';

interface Mine { items: { caseId: string; stage: string; grade: number; gradeLabel: string; state: string }[] }

export function useMyRatings() {
  return useQuery({ queryKey: ['feedback', 'mine'], queryFn: ({ signal }) => api.get<Mine>('/api/feedback/evaluations/mine', undefined, signal) });
}

export function RateCell({ row, ratings }: { row: { id: string; caseNo: string; state: string; channel: string; itemName: string }; ratings: Mine | undefined }) {
  const t = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const { elderly } = useDisplay();
  const navigate = useNavigate();
  const rated = ratings?.items.find((r) => r.caseId === row.id && r.stage === 'completion');
  if (rated) return <Tag color={rated.grade >= 4 ? 'green' : rated.grade === 3 ? 'gold' : 'red'} data-testid={`rated-${row.caseNo}`}>{t(rated.gradeLabel)}</Tag>;
  if (row.state !== 'completed' && row.state !== 'archived') return <span style={{ color: '#595959' }}>—</span>;
  return (
    <>
      <Button size="small" type="primary" ghost data-testid={`rate-${row.caseNo}`} onClick={() => (elderly ? navigate(`/my/cases/${row.id}#rate`) : setOpen(true))}>{t('评价')}</Button>
      <Modal open={open && !elderly} title={`${t('评价')} · ${row.itemName}`} footer={null} onCancel={() => setOpen(false)} destroyOnHidden width={640}>
        <RatingForm
          scoreKeys={SCORE_KEYS[row.channel === 'online' ? 'online' : 'window']}
          busy={busy}
          onSubmit={async (v) => {
            setBusy(true);
            try {
              await api.post('/api/feedback/evaluations', { caseId: row.id, stage: 'completion', ...v });
              showSuccess(t('感谢您的评价！'));
              setOpen(false);
              await qc.invalidateQueries({ queryKey: ['feedback', 'mine'] });
            } catch (e) {
              showError(e);
            } finally {
              setBusy(false);
            }
          }}
        />
      </Modal>
    </>
  );
}
