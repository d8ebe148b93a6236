/** Saving one catalog item (create or edit) and showing what the server refused, field by field. */
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { ItemDetail } from '../../api/types';
import { applyFieldErrors, showError, showSuccess } from '../../lib/feedback';
import { fromFormValues, type ItemFormValues } from './itemFormValues';
import { useT } from '../../lib/i18n';

export function useItemSave(form: FormInstance<ItemFormValues>, isNew: boolean, detail: ItemDetail | undefined) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<ApiError | Error | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [tab, setTab] = useState('edit');
  /** Bumped to re-read the form from the stored version after a save or reload. */
  const [epoch, setEpoch] = useState(0);

  const showProblem = (e: unknown) => {
    if (e instanceof ApiError) {
      setProblem(e);
      const leftover = applyFieldErrors(form, e);
      if (e.details.length && leftover.length === e.details.length) {
        /* no field matched; the alert lists them */
      }
      if (e.code === 'item_invalid' || e.code === 'validation_failed') setTab('edit');
      if (!e.details.length && e.code !== 'version_conflict') showError(e);
    } else {
      setProblem(e as Error);
      showError(e);
    }
  };

  const afterChange = async (d: ItemDetail) => {
    queryClient.setQueryData(['catalog-item', d.id], d);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['catalog-items'] }),
      queryClient.invalidateQueries({ queryKey: ['public-items'] }),
      queryClient.invalidateQueries({ queryKey: ['guide'] }),
      queryClient.invalidateQueries({ queryKey: ['catalog-version', d.id] }),
    ]);
  };

  const save = async () => {
    setProblem(null);
    try {
      await form.validateFields();
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center' });
      showError(new Error(t('请检查表单中标红的字段')));
      return;
    }
    const values = form.getFieldsValue(true) as ItemFormValues;
    const { data, code } = fromFormValues(values, isNew ? undefined : detail?.latest?.data);
    setSaving(true);
    try {
      if (isNew) {
        const created = await api.post<ItemDetail>('/api/catalog/items', code ? { data, code } : { data });
        await afterChange(created);
        setDirty(false);
        showSuccess(t('事项已创建（草稿）'));
        navigate(`/admin/catalog/${created.id}`, { replace: true });
      } else if (detail) {
        const updated = await api.put<ItemDetail>(`/api/catalog/items/${detail.id}`, { data, baseVersion: detail.latestVersion });
        await afterChange(updated);
        setDirty(false);
        setEpoch((n) => n + 1);
        showSuccess(updated.latestVersion !== detail.latestVersion ? t('已保存为新草稿版本 v{latestVersion}', { latestVersion: updated.latestVersion }) : t('已保存'));
      }
    } catch (e) {
      showProblem(e);
    } finally {
      setSaving(false);
    }
  };

  return { problem, setProblem, dirty, setDirty, saving, tab, setTab, epoch, setEpoch, afterChange, showProblem, save };
}
