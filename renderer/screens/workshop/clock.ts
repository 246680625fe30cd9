// The presenter's and the audience's ticking clock: every timer on screen reads the store's one clock function.
import { createContext, useContext, useEffect, useState } from 'react';
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { useWorkshop } from '../../stores/workshop.ts';

/** The store's clock, re-read every `ms` so timers move on screen. */
export function useNow(ms = 250): number {
  const [now, setNow] = useState(() => useWorkshop.getState().now());
  useEffect(() => {
    const timer = setInterval(() => setNow(useWorkshop.getState().now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export const isoDay = (ms: number): string => format(new Date(ms), 'yyyy-MM-dd');
export const daysUntil = (date: string, now: number): number => differenceInCalendarDays(parseISO(date), new Date(now));

/** Keys the current item handles itself (1–5, ↑/↓, Enter): the presenter's keyboard routes them here. */
export interface ItemKeys {
  digit?(n: number): void;
  move?(delta: number): void;
  enter?(): void;
}
export const ItemKeysContext = createContext<{ current: ItemKeys }>({ current: {} });
export const useItemKeys = () => useContext(ItemKeysContext);
