/** One material's upload control: POST /api/files (PDF/JPG/PNG ≤ 10 MB), shows the file or the server's reason. */
import { useState } from 'react';
import { Button, Space, Typography, Upload } from 'antd';
import { CheckCircleFilled, DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { fileUrl, MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, uploadMaterial, type UploadedFile } from '../api/cases';
import { errorText } from '../lib/feedback';
import { useT } from '../lib/i18n';

export function MaterialUpload({
  testId,
  value,
  onChange,
  disabled,
}: {
  testId: string;
  value: UploadedFile | null | undefined;
  onChange: (file: UploadedFile | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(t('文件不能超过 10MB'));
      return;
    }
    setBusy(true);
    try {
      onChange(await uploadMaterial(file));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={testId} data-uploaded={value ? 'true' : 'false'} className="bs-upload">
      <Space size={8} wrap>
        <Upload
          accept={UPLOAD_ACCEPT}
          showUploadList={false}
          disabled={disabled || busy}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy} disabled={disabled} data-testid={`${testId}-button`}>
            {value ? t('重新上传') : t('上传')}
          </Button>
        </Upload>
        {value && (
          <span data-testid={`${testId}-file`}>
            <CheckCircleFilled style={{ color: '#52c41a', marginInlineEnd: 4 }} />
            <Typography.Link href={fileUrl(value.id)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {value.name}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {formatSize(value.size)}
            </Typography.Text>
            {!disabled && (
              <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onChange(null)} aria-label={t('移除')} data-testid={`${testId}-remove`} />
            )}
          </span>
        )}
      </Space>
      {error && (
        <div className="bs-upload-error" data-testid={`${testId}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
