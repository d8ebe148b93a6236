/**
 * The guide's search box: suggestions appear as people type (debounced, from
 * `/api/public/suggest`, the same ranking as the full search); choosing one opens the item,
 * Enter or the button searches the whole guide.
 */
import { useEffect, useState } from 'react';
import { AutoComplete, Button, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useT } from '../lib/i18n';

interface Suggest { items: { code: string; name: string; aliases: string[]; match: string }[]; total: number; suggestions: string[] }

/** Milliseconds of quiet typing before asking: one request per pause, not per key. */
export const SUGGEST_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

const ITEM = 'item:';

export function GuideSearchBox({ text, setText, onSearch, submitted }: { text: string; setText: (s: string) => void; onSearch: (s: string) => void; submitted: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const typed = useDebounced(text.trim(), SUGGEST_DEBOUNCE_MS);
  const suggest = useQuery({
    queryKey: ['public-suggest', typed],
    queryFn: ({ signal }) => api.get<Suggest>('/api/public/suggest', { q: typed, limit: 6 }, signal),
    enabled: typed.length > 0 && typed !== submitted,
    staleTime: 60_000,
  });
  const data = typed && typed === text.trim() ? suggest.data : undefined;
  const options = (data?.items ?? []).map((i) => ({
    value: `${ITEM}${i.code}`,
    label: (
      <div data-testid="suggest-option" className="bs-suggest-option">
        <span>{i.name}</span>
        {!!i.aliases.length && <span className="bs-alias">{t('也称：')}{i.aliases.join('、')}</span>}
      </div>
    ),
  }));
  const didYouMean = !data?.items.length && data?.suggestions.length ? data.suggestions : [];
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 680 }}>
      <AutoComplete
        style={{ width: '100%' }}
        value={text}
        open={open && (options.length > 0 || didYouMean.length > 0)}
        onOpenChange={setOpen}
        options={options.length ? options : didYouMean.map((name) => ({ value: `q:${name}`, label: <span data-testid="suggest-option">{t('您是不是要找：')}{name}</span> }))}
        onChange={(v: string) => { if (!v.startsWith(ITEM) && !v.startsWith('q:')) { setText(v); setOpen(true); } }}
        onSelect={(v: string) => {
          setOpen(false);
          if (v.startsWith(ITEM)) navigate(`/guide/${encodeURIComponent(v.slice(ITEM.length))}`);
          else { setText(v.slice(2)); onSearch(v.slice(2)); }
        }}
        popupMatchSelectWidth
      >
        <Input
          size="large"
          allowClear
          prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
          placeholder={t('输入事项名称、俗称或拼音，如“低保”“营业执照”“dibao”')}
          onPressEnter={() => { setOpen(false); onSearch(text.trim()); }}
          data-testid="guide-search"
          aria-label={t('搜索事项')}
        />
      </AutoComplete>
      <Button size="large" type="primary" onClick={() => { setOpen(false); onSearch(text.trim()); }} data-testid="guide-search-button" style={{ background: '#d4380d' }}>
        {t('搜索')}
      </Button>
    </Space.Compact>
  );
}
