/**
 * The header menu of visitors and applicants: a handful of links. Not antd's Menu, which folds
 * entries that do not fit into an unlabelled "···" and weighs 20 KB on the portal home. On a
 * desktop the links sit in the header; on a phone a button that says "菜单" opens them as a
 * list under the header (a disclosure: the button tells screen readers whether it is open).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { MenuOutlined } from '@ant-design/icons';
import { useT } from '../lib/i18n';

export interface NavItem { key: string; icon: ReactNode; label: ReactNode }

export function PublicNav({ items, selected }: { items: NavItem[]; selected: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <nav className={`bs-nav${open ? ' bs-nav-open' : ''}`} aria-label={t('主菜单')} data-testid="main-menu">
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
