/** "Today" for a page: lib/clock's injectable date, kept current when a test or demo moves it. */
import { useEffect, useState } from 'preact/hooks';
import { getToday, onTodayOverrideChange } from '../clock';
import type { IsoDate } from '../dates';

/** Today's calendar date, or null for the moment it takes to read the override. */
export function useToday(): IsoDate | null {
  const [today, setToday] = useState<IsoDate | null>(null);
  useEffect(() => {
    let live = true;
    void getToday().then((date) => live && setToday(date));
    const stop = onTodayOverrideChange((date) => setToday(date));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return today;
}
