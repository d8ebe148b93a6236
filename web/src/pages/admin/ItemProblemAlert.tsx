/** What went wrong with the last save or action: validation problems by field, a conflict with a reload. */
import { Alert, Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { detailLines, errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';

export function ItemProblemAlert({ problem, onClose, onReload }: { problem: ApiError | Error | null; onClose: () => void; onReload: () => void }) {
  const t = useT();
  if (!problem) return null;
  const api = problem instanceof ApiError ? problem : null;
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      data-testid={api?.code === 'item_invalid' ? 'item-invalid-alert' : 'item-error-alert'}
      title={
        api?.code === 'item_invalid'
          ? t('事项内容未通过校验：{display}', { display: api.display })
          : api?.code === 'version_conflict'
            ? t('该事项已被他人修改，请重新加载后再编辑')
            : errorText(problem)
      }
      description={
        api?.details.length ? (
          <ul className="bs-problem-list" data-testid="problem-details">
            {detailLines(api).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        api?.code === 'version_conflict' ? (
          <Button size="small" onClick={onReload} data-testid="reload-item">
            {t('重新加载')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The item cannot be shown (not found, not yours, failed) or created (role): say so, with the way back. */
export function ItemUnavailable({ error }: { error?: unknown }) {
  const t = useT();
  const navigate = useNavigate();
  const back = <Button onClick={() => navigate('/admin/catalog')}>{t('返回事项列表')}</Button>;
  if (error === undefined) return <Result status="403" title={t('无权新建事项')} extra={back} />;
  const nf = error instanceof ApiError && error.status === 404;
  const fb = error instanceof ApiError && error.status === 403;
  return (
    <Result status={nf ? '404' : fb ? '403' : 'error'} title={nf ? t('事项不存在') : fb ? t('无权查看此事项') : t('加载失败')} subTitle={errorText(error)} extra={back} />
  );
}
