/**
 * 适老化 (elderly-friendly) display mode: larger type (≥ 18 px body), high contrast, larger
 * click targets and a simpler layout. A class on <html> switches the CSS (styles.css,
 * `.bs-elderly`), and main.tsx gives antd larger font and control sizes; the choice is
 * remembered in localStorage like the language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const STORE_KEY = 'banshi.elderly';
export const ELDERLY_CLASS = 'bs-elderly';

type Ctx = { elderly: boolean; setElderly: (on: boolean) => void };
const DisplayContext = createContext<Ctx>({ elderly: false, setElderly: () => {} });

function stored(): boolean {
  try {
    return localStorage.getItem(STORE_KEY) === '1';
  } catch {
    return false;
  }
}

export function DisplayProvider({ children }: { children: ReactNode }) {
  const [elderly, setState] = useState<boolean>(stored);
  useEffect(() => {
    document.documentElement.classList.toggle(ELDERLY_CLASS, elderly);
  }, [elderly]);
  const setElderly = useCallback((on: boolean) => {
    try {
      localStorage.setItem(STORE_KEY, on ? '1' : '0');
    } catch {
      /* private mode: lasts for this page only */
    }
    setState(on);
  }, []);
  const value = useMemo(() => ({ elderly, setElderly }), [elderly, setElderly]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export const useDisplay = (): Ctx => useContext(DisplayContext);
