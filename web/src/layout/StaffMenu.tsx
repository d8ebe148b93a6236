/** The staff side menu (antd Menu), its own chunk: visitors of the portal never load it. */
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import type { NavItem } from './PublicNav';

export function StaffMenu({ items, selected }: { items: NavItem[]; selected: string[] }) {
  return <Menu mode="inline" selectedKeys={selected} items={items as MenuProps['items']} data-testid="main-menu" />;
}
