/**
 * The "Read from the IEP" button and the panel it opens (./IepImport.tsx), for the Services page
 * and the setup's services step. The button gets focus back when the panel closes.
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import type { SchoolCalendar, Student } from '../../lib/model';
import { useFocusAfterRender } from '../../lib/ui/focus';
import { IepImport } from './IepImport';

export interface ReadFromIepProps {
  db: AdvocateDatabase;
  student: Student;
  calendar: SchoolCalendar | null;
  today: IsoDate;
  /** Announces what was added ("Added 3 services from the IEP."). */
  announce: (message: string) => void;
  /** The parent chose to type the services in: open the page's own service form. */
  onManual: () => void;
}

export function ReadFromIep(props: ReadFromIepProps) {
  const [open, setOpen] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const close = () => {
    setOpen(false);
    focusAfterRender('[data-opens="read-iep"]');
  };
  if (!open) {
    return (
      <button type="button" class="secondary" data-opens="read-iep" onClick={() => setOpen(true)}>
        Read from the IEP
      </button>
    );
  }
  return (
    <IepImport
      db={props.db}
      student={props.student}
      calendar={props.calendar}
      today={props.today}
      onAdded={(count) => {
        close();
        props.announce(`Added ${count} ${count === 1 ? 'service' : 'services'} from the IEP.`);
      }}
      onClose={(manual) => {
        setOpen(false);
        if (manual) props.onManual();
        else focusAfterRender('[data-opens="read-iep"]');
      }}
    />
  );
}
