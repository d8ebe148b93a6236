/**
 * The header menu of visitors and applicants: a handful of links. Not antd's Menu, which folds
 * entries that do not fit into an unlabelled "···" and weighs 20 KB on the portal home. On a
 * desktop the links sit in the header; on a phone a button that says "菜单" opens them as a
 * list under the header (a disclosure: the button tells screen readers whether it is open).
 * The same happens on a wide screen whenever the links do not fit on one line — a signed-in
 * applicant in English at 1440 px once saw them wrap out of the header, white on white.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { MenuOutlined } from '@ant-design/icons';
import { useT } from '../lib/i18n';

export interface NavItem { key: string; icon: ReactNode; label: ReactNode }

/** Whether the links fit on one line of the nav; measured while shown, remembered while folded. */
function useFolded(nav: React.RefObject<HTMLElement | null>, items: NavItem[]): boolean {
  const [folded, setFolded] = useState(false);
  const need = useRef(0);
  const keys = items.map((i) => i.key).join();
  useLayoutEffect(() => setFolded(false), [keys]);
  useLayoutEffect(() => {
    const el = nav.current;
    if (!el) return;
    const measure = () => {
      const list = el.querySelector<HTMLElement>('.bs-nav-list');
      if (!list) return;
      if (!el.classList.contains('bs-nav-folded') && getComputedStyle(list).position !== 'absolute') {
        const lis = [...list.children] as HTMLElement[];
        need.current = lis.reduce((w, li) => w + li.offsetWidth + 4, 0);
      }
      setFolded(need.current > el.clientWidth + 1);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [nav, keys, folded]);
  return folded;
}

export function PublicNav({ items, selected }: { items: NavItem[]; selected: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  const folded = useFolded(ref, items);
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <nav ref={ref} className={`bs-nav${open ? ' bs-nav-open' : ''}${folded ? ' bs-nav-folded' : ''}`} aria-label={t('主菜单')} data-testid="main-menu">
      <button type="button" className="bs-nav-toggle" aria-expanded={open} aria-controls="bs-nav-list" onClick={() => setOpen(!open)} data-testid="menu-toggle">
        <MenuOutlined aria-hidden /> <span>{t('菜单')}</span>
      </button>
      <ul id="bs-nav-list" className="bs-nav-list">
        {items.map((i) => (
          <li key={i.key} className={i.key === selected ? 'bs-nav-on' : undefined} aria-current={i.key === selected ? 'page' : undefined}>
            <span className="bs-nav-icon" aria-hidden>{i.icon}</span>
            {i.label}
          </li>
        ))}
      </ul>
    </nav>
  );
}
