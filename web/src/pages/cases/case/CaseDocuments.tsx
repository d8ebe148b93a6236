/** 文书: the notices issued on the case (named by kind; the documents themselves are Chinese), and the applicant's description. */
import { Card, Empty, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { documentUrl, type CaseView } from '../../../api/cases';
import { DOCUMENT_TITLES, formatDateTime } from '../../../lib/labels';
import { Data, getLang, useT } from '../../../lib/i18n';

/**
 * A document's title: as issued in Chinese (the decision's title follows the item's legal
 * nature: 准予登记通知书, 给付决定书 …); in English by its kind.
 */
export function documentTitle(d: { kind: string; title: string }): string {
  return getLang() === 'en' && d.kind in DOCUMENT_TITLES ? DOCUMENT_TITLES[d.kind as keyof typeof DOCUMENT_TITLES] : d.title;
}

export function CaseDocuments({ c }: { c: CaseView }) {
  const t = useT();
  return (
    <Card
      title={
        <Space>
          <PrinterOutlined />
          {t('文书')}
        </Space>
      }
      size="small"
      className="bs-section"
      data-testid="case-documents"
    >
      {c.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('尚未出具文书')} />
      ) : (
        <div className="bs-doc-list">
          {c.documents.map((d) => (
            <div key={d.id} className="bs-doc-row">
              <a href={documentUrl(c.id, d.id)} target="_blank" rel="noreferrer" data-testid={`doc-link-${d.kind}`} data-doc-id={d.id}>
                <FilePdfOutlined /> {documentTitle(d)}
              </a>
              <div className="bs-sub">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Data>{d.docNo}</Data> · {formatDateTime(d.issuedAt)}
                </Typography.Text>
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** 申请事项说明: what the applicant wrote (data). */
export function CaseDescription({ text }: { text: string }) {
  const t = useT();
  return (
    <Card title={t('申请事项说明')} size="small" className="bs-section">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="case-description" translate="no">
        {text}
      </Typography.Paragraph>
    </Card>
  );
}
