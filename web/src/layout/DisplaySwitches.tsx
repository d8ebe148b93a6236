/** 中文/EN and 长辈版 (适老化) switches: on every page, remembered in localStorage. */
import { Button } from 'antd';
import { useLang, useT } from '../lib/i18n';
import { useDisplay } from '../lib/display';

export function DisplaySwitches() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { elderly, setElderly } = useDisplay();
  return (
    <span className="bs-switches">
      <Button
        size="small"
        className={`bs-switch${elderly ? ' bs-switch-on' : ''}`}
        aria-pressed={elderly}
        onClick={() => setElderly(!elderly)}
        data-testid="elderly-switch"
        title={t('适老化模式：大字体、高对比度')}
      >
        {elderly ? t('标准版') : t('长辈版')}
      </Button>
      {/* Its label is in the language it switches to: 中文 stays Chinese in English. */}
      <Button
        size="small"
        className="bs-switch"
        onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}
        data-testid="lang-switch"
        lang={lang === 'en' ? 'zh-CN' : 'en'}
        title={lang === 'en' ? '切换到中文' : 'Switch to English'}
      >
        {lang === 'en' ? '中文' : 'EN'}
      </Button>
    </span>
  );
}
