/** The center's four-eyes setting for its catalog (双人审核), switched by a center admin. */
import { Space, Switch, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { showError, showSuccess } from '../../lib/feedback';
import { useT } from '../../lib/i18n';

interface CatalogSettings { secondReviewer: boolean }

export function CatalogSettingsSwitch() {
  const t = useT();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const settings = useQuery({ queryKey: ['catalog-settings'], queryFn: ({ signal }) => api.get<CatalogSettings>('/api/catalog/settings', undefined, signal) });

  const change = async (secondReviewer: boolean) => {
    setSaving(true);
    try {
      const next = await api.put<CatalogSettings>('/api/catalog/settings', { secondReviewer });
      queryClient.setQueryData(['catalog-settings'], next);
      // Which buttons an item offers follows the setting.
      await queryClient.invalidateQueries({ queryKey: ['catalog-item'] });
      showSuccess(next.secondReviewer ? t('已开启双人审核') : t('已关闭双人审核'));
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Tooltip title={t('开启后，事项由编辑人、提交人以外的管理人员审核、发布')}>
      <Space size={6}>
        <Switch
          size="small"
          checked={settings.data?.secondReviewer ?? true}
          loading={settings.isLoading || saving}
          onChange={(v) => void change(v)}
          data-testid="catalog-second-reviewer"
        />
        <Typography.Text>{t('双人审核')}</Typography.Text>
      </Space>
    </Tooltip>
  );
}
