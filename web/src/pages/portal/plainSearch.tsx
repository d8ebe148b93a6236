/**
 * The home's search box before its suggestions load (GuideListExtras): an input that takes the
 * text and searches on Enter, looking like the full box. Remembers focus and caret so the full
 * box can take them over.
 */
import { Button, Space } from 'antd';
// The bare Input, not antd's `Input` with Search, TextArea, Password and OTP attached (~19 KB of
// code the home's first download does not need; docs/performance.md).
import Input from 'antd/es/input/Input';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../lib/i18n';

let focus: number | null = null;
/** The caret of the plain box if it had the focus when the full one replaced it, else null. */
export const plainSearchFocus = () => focus;

export function PlainSearch({ text, setText, onSearch }: { text: string; setText: (s: string) => void; onSearch: (s: string) => void }) {
  const t = useT();
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 680 }}>
      <Input
        size="large"
        allowClear
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
        placeholder={t('输入事项名称、俗称或拼音，如“低保”“营业执照”“dibao”')}
        value={text}
        onChange={(e) => { setText(e.target.value); focus = e.target.selectionStart; }}
        onFocus={(e) => { focus = e.target.selectionStart ?? e.target.value.length; }}
        onBlur={() => { focus = null; }}
        onPressEnter={() => onSearch(text.trim())}
        data-testid="guide-search"
        aria-label={t('搜索事项')}
      />
      <Button size="large" type="primary" onClick={() => onSearch(text.trim())} data-testid="guide-search-button" style={{ background: '#d4380d' }}>
        {t('搜索')}
      </Button>
    </Space.Compact>
  );
}
