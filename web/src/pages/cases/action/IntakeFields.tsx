/**
 * The intake actions' fields — 受理, 一次性告知补正, 容缺受理, 补正材料: each is about the
 * application's materials (which are in hand, which are missing, which are owed).
 */
import { useMemo } from 'react';
import { Alert, Checkbox, Form, Input, Tag, Typography } from 'antd';
import type { CaseView, UploadedFile } from '../../../api/cases';
import { MaterialUpload } from '../../../components/MaterialUpload';
import { Data, fillNodes, useT } from '../../../lib/i18n';
import { MaterialChecks, MaterialOption, submittable } from './materials';

export const INTAKE_ACTIONS = new Set(['accept', 'notifySupplement', 'acceptConditional', 'supply']);

const names = (ms: { name: string }[]) => <Data>{ms.map((m) => m.name).join('、')}</Data>;

export interface IntakeProps {
  action: string;
  view: CaseView;
  /** Materials in hand (the intake checklist plus what the server has). */
  have: string[];
  /** The accept form's current ticks. */
  ticked: string[];
  uploads: boolean;
  files: Record<string, UploadedFile | null>;
  setFiles: (f: (s: Record<string, UploadedFile | null>) => Record<string, UploadedFile | null>) => void;
}

export function IntakeFields(p: IntakeProps) {
  switch (p.action) {
    case 'accept': return <AcceptFields {...p} />;
    case 'notifySupplement': return <SupplementNoticeFields {...p} />;
    case 'acceptConditional': return <ConditionalFields {...p} />;
    default: return <SupplyFields {...p} />;
  }
}

function AcceptFields({ view, ticked }: IntakeProps) {
  const t = useT();
  const missingRequired = submittable(view).filter((m) => m.required === 'required' && !ticked.includes(m.materialId));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('确认申请材料齐全，予以受理并出具受理通知书。')}{t('请勾选已收到（或已在线上传）的材料：')}</Typography.Paragraph>
      <MaterialChecks name="provided" materials={submittable(view)} testId="action-field-provided" />
      {missingRequired.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 10 }}
          title={fillNodes(t('必要材料尚未勾选：{v0}'), { v0: names(missingRequired) })}
          description={t('材料不齐全的，请改用“一次性告知补正”或“容缺受理”。')}
        />
      )}
    </>
  );
}

function SupplementNoticeFields({ view, have }: IntakeProps) {
  const t = useT();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('一次性告知申请人需补正的全部材料（同一申请再次告知将记为异常）：')}</Typography.Paragraph>
      <Form.Item name="missing" rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一项需补正的材料') }]} style={{ marginBottom: 12 }}>
        <Checkbox.Group style={{ width: '100%' }} data-testid="action-field-missing">
          <div className="bs-checklist">
            {submittable(view).map((m) => (
              <div key={m.materialId} className="bs-check-row">
                <Checkbox value={m.materialId} data-testid={`action-field-missing-${m.materialId}`}>
                  <MaterialOption m={m} />
                </Checkbox>
                {have.includes(m.materialId) && <Tag color="green">{t('已收到')}</Tag>}
              </div>
            ))}
          </div>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="note" label={t('补正说明')}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('如：请补交原件核对；声明表须全体成年家庭成员签字')} data-testid="action-field-note" />
      </Form.Item>
    </>
  );
}

function ConditionalFields({ view, have }: IntakeProps) {
  const t = useT();
  const minor = submittable(view).filter((m) => !m.major);
  const majorMissing = submittable(view).filter((m) => m.major && m.required === 'required' && !have.includes(m.materialId));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('主件齐全、仅欠缺副件时可容缺受理：申请人签署容缺受理承诺书，在约定时间内补齐所缺材料后方可送达结果。')}</Typography.Paragraph>
      {majorMissing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={fillNodes(t('以下主件尚未收到，不能容缺：{v0}'), { v0: names(majorMissing) })}
          description={t('请先补齐主件，或改用“一次性告知补正”。')}
        />
      )}
      {minor.length === 0 ? (
        <Alert type="info" showIcon title={t('该事项没有可容缺的副件材料。')} />
      ) : (
        <Form.Item name="owed" label={t('容缺（后补）的材料')} rules={[{ required: true, type: 'array', min: 1, message: t('请至少选择一项容缺材料') }]}>
          <Checkbox.Group style={{ width: '100%' }} data-testid="action-field-owed">
            <div className="bs-checklist">
              {minor.map((m) => (
                <div key={m.materialId} className="bs-check-row">
                  <Checkbox value={m.materialId} data-testid={`action-field-owed-${m.materialId}`}>
                    <MaterialOption m={m} />
                  </Checkbox>
                </div>
              ))}
            </div>
          </Checkbox.Group>
        </Form.Item>
      )}
    </>
  );
}

function SupplyFields({ view, uploads, files, setFiles }: IntakeProps) {
  const t = useT();
  // What to (re)upload: not yet provided, owed, or named by the last supplement notice (an upload found unusable).
  const lastMissing = useMemo(() => {
    const e = [...view.events].reverse().find((ev) => ev.action === 'notifySupplement');
    return new Set((e?.data?.missing as string[] | undefined) ?? []);
  }, [view.events]);
  const toSupply = submittable(view).filter((m) => !m.provided || m.owed || lastMissing.has(m.materialId));
  if (!uploads) {
    return (
      <>
        <Typography.Paragraph type="secondary">{t('勾选申请人本次补交（窗口已收到）的材料：')}</Typography.Paragraph>
        <MaterialChecks name="provided" materials={toSupply} testId="action-field-provided" />
      </>
    );
  }
  return (
    <>
      <Typography.Paragraph type="secondary">{t('请按一次性告知书上传需补正的材料（PDF、JPG、PNG，单个不超过 10MB）：')}</Typography.Paragraph>
      <div className="bs-checklist" data-testid="action-field-files">
        {toSupply.length === 0 && <Typography.Text type="secondary">{t('没有需补正的材料。')}</Typography.Text>}
        {toSupply.map((m) => (
          <div key={m.materialId} className="bs-check-row bs-supply-row">
            <span>
              <MaterialOption m={m} />
              {lastMissing.has(m.materialId) && <Tag color="orange">{t('需补正')}</Tag>}
              {m.owed && <Tag color="gold">{t('容缺待补')}</Tag>}
            </span>
            <MaterialUpload testId={`action-field-file-${m.materialId}`} value={files[m.materialId]} onChange={(f) => setFiles((s) => ({ ...s, [m.materialId]: f }))} />
          </div>
        ))}
      </div>
    </>
  );
}
