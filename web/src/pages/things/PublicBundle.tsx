/** 进度查询 for a 一件事 number (YJS…) and its query code: the bundle's progress view, applicant masked. */
import { Alert, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { errorText } from '../../lib/feedback';
import { useT } from '../../lib/i18n';
import type { BundleView } from './api';
import { BundleProgress } from './BundlePage';

export function PublicBundle({ bundleNo, queryCode }: { bundleNo: string; queryCode: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['public-bundle', bundleNo, queryCode],
    queryFn: ({ signal }) => api.get<BundleView>(`/api/public/bundles/${encodeURIComponent(bundleNo)}`, { queryCode }, signal),
    retry: false,
    staleTime: 0,
  });
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (q.isError) {
    const gone = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type={gone ? 'warning' : 'error'} showIcon data-testid="progress-error" title={errorText(q.error)} description={gone ? t('请核对一件事编号和查询码。') : undefined} />;
  }
  return <div data-testid="progress-bundle"><BundleProgress b={q.data!} /></div>;
}
