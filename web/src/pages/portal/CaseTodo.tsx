/**
 * What the applicant must do on their case, each with its action right there (issue 22): hand
 * in missing materials (uploads on the page), pay a fee (the notice and the account), collect
 * the result (where, when, what to bring), rate the service (the form inline — no pop-up, as
 * 适老化 asks).
 */
import { LicenceChoice, useUsableLicences } from '../../components/LicenceMaterial';
import { useState, type ReactNode } from 'react';
import { Alert, Button, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { documentUrl, type CaseView, type UploadedFile } from '../../api/cases';
import type { PublicGuide } from '../../api/types';
import { MaterialUpload } from '../../components/MaterialUpload';
import { errorText, showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import { RatingForm } from '../feedback/RatingForm';
import { SCORE_KEYS } from '../feedback/api';
import { yuan, type CaseFees } from '../fees/api';
import type { SupplyTodo, Todo } from './caseStory';

export interface TodoProps {
  c: CaseView;
  fees: CaseFees | undefined;
  guide: PublicGuide | undefined;
  plainDate: (d: string) => string;
  onChanged: (next?: CaseView) => void;
}

export function CaseTodo({ todo, ...p }: TodoProps & { todo: Todo }) {
  switch (todo.kind) {
    case 'supply':
      return <SupplyPanel todo={todo} {...p} />;
    case 'pay':
      return <PayPanel amountFen={todo.amountFen} {...p} />;
    case 'collect':
      return <CollectPanel {...p} />;
    case 'rate':
      return <RatePanel {...p} />;
  }
}

function TodoBox({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <section className="bs-todo" data-testid={testId}>
      <Typography.Title level={4} className="bs-todo-title">{title}</Typography.Title>
      {children}
    </section>
  );
}

function SupplyPanel({ todo, c, plainDate, onChanged }: TodoProps & { todo: SupplyTodo }) {
  const t = useT();
  const [files, setFiles] = useState<Record<string, UploadedFile | null>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // 免证办 in a 补正 too: a valid licence of the applicant, with consent, instead of the upload.
  const usable = useUsableLicences(c.item.code);
  const [consents, setConsents] = useState<Record<string, boolean>>({});
  const byLicence = todo.materials.filter((m) => usable[m.materialId] && consents[m.materialId]).map((m) => ({ materialId: m.materialId, licenceId: usable[m.materialId]!.id, consent: true as const }));
  const chosen = Object.entries(files).filter((e): e is [string, UploadedFile] => !!e[1] && !consents[e[0]]);
  const count = chosen.length + byLicence.length;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<CaseView>(`/api/cases/${c.id}/actions/supply`, {
        version: c.version, materials: chosen.map(([materialId, f]) => ({ materialId, fileId: f.id })), ...(byLicence.length ? { licences: byLicence } : {}),
      });
      showSuccess(t('材料已交上，工作人员会尽快查看。'));
      onChanged(next);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <TodoBox testId="todo-supply" title={t('补交材料')}>
      <Typography.Paragraph>
        {todo.by ? t('请在 {date} 前拍照或扫描上传下面的材料（PDF、JPG、PNG，每份不超过 10MB）：', { date: plainDate(todo.by) }) : t('请拍照或扫描上传下面的材料（PDF、JPG、PNG，每份不超过 10MB）：')}
      </Typography.Paragraph>
      {todo.note && <Alert type="info" showIcon title={<span>{t('工作人员说明：')}<span translate="no">{todo.note}</span></span>} style={{ marginBottom: 12 }} />}
      <div className="bs-todo-list">
        {todo.materials.map((m) => (
          <div key={m.materialId} className="bs-todo-row" data-testid={`todo-material-${m.materialId}`}>
            <span>
              <span translate="no">{m.name}</span>{' '}
              {m.why === 'owed' && <Tag color="gold">{t('受理时允许后补')}</Tag>}
            </span>
            {usable[m.materialId] && (
              <LicenceChoice testId={`todo-licence-${m.materialId}`} licence={usable[m.materialId]!} consent={!!consents[m.materialId]} onChange={(v) => setConsents((x) => ({ ...x, [m.materialId]: v }))} />
            )}
            {!consents[m.materialId] && <MaterialUpload testId={`todo-upload-${m.materialId}`} value={files[m.materialId]} onChange={(f) => setFiles((s) => ({ ...s, [m.materialId]: f }))} />}
          </div>
        ))}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="todo-supply-error" />}
      <Button type="primary" size="large" style={{ marginTop: 12 }} disabled={count === 0} loading={busy} onClick={() => void send()} data-testid="todo-supply-submit">
        {count === 0 ? t('先上传材料，再点这里交上') : t('交上这 {n} 份材料', { n: count })}
      </Button>
    </TodoBox>
  );
}

function PayPanel({ amountFen, c, fees }: TodoProps & { amountFen: number }) {
  const t = useT();
  const notice = fees?.notice;
  return (
    <TodoBox testId="todo-pay" title={t('缴费')}>
      <Typography.Paragraph>
        {t('需要缴费 {amount} 元。', { amount: yuan(amountFen) })}{' '}
        {fees?.payBeforeDelivery ? t('缴清后才能领取结果。') : ''}
      </Typography.Paragraph>
      {notice && (
        <ul className="bs-todo-facts">
          <li>{t('到政务服务大厅的银行收费窗口缴，或用网上银行转账到下面的财政专户；各部门窗口不收现金。')}</li>
          <li>
            {t('收款账户：')}
            <span translate="no" data-testid="todo-pay-account">{notice.treasury.name}，{notice.treasury.bank} {notice.treasury.accountNo}</span>
          </li>
        </ul>
      )}
      {notice && (
        <Button size="large" icon={<FilePdfOutlined />} href={documentUrl(c.id, notice.documentId)} target="_blank" rel="noreferrer" data-testid="todo-pay-notice">
          {t('打开缴款通知书')}
        </Button>
      )}
    </TodoBox>
  );
}

function CollectPanel({ guide, c }: TodoProps) {
  const t = useT();
  const contact = guide?.contact;
  return (
    <TodoBox testId="todo-collect" title={t('领取结果')}>
      <ul className="bs-todo-facts">
        <li>{t('带上本人身份证件（代领的，带上委托书和代领人身份证件）。')}</li>
        {contact?.address && <li>{t('地点：')}<span translate="no" data-testid="todo-collect-address">{contact.address}</span></li>}
        {!!guide?.windowNames?.length && <li>{t('窗口：')}<span translate="no">{guide.windowNames.join('、')}</span></li>}
        {contact?.hours && <li>{t('时间：')}<span translate="no">{contact.hours}</span></li>}
        {contact?.phone && <li>{t('电话：')}<a href={`tel:${contact.phone}`} translate="no">{contact.phone}</a></li>}
        <li>{t('办件编号：')}<span translate="no">{c.caseNo}</span>{t('（告诉窗口工作人员）')}</li>
      </ul>
    </TodoBox>
  );
}

function RatePanel({ c }: TodoProps) {
  const t = useT();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <TodoBox testId="todo-rate" title={t('评价服务')}>
      <div id="rate" />
      <RatingForm
        scoreKeys={SCORE_KEYS[c.channel === 'online' ? 'online' : 'window']}
        busy={busy}
        onSubmit={async (v) => {
          setBusy(true);
          try {
            await api.post('/api/feedback/evaluations', { caseId: c.id, stage: 'completion', ...v });
            showSuccess(t('感谢您的评价！'));
            await qc.invalidateQueries({ queryKey: ['feedback', 'mine'] });
          } catch (e) {
            showError(e);
          } finally {
            setBusy(false);
          }
        }}
      />
    </TodoBox>
  );
}
