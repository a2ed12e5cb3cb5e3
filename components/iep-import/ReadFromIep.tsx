/**
 * The "Read from the IEP" button and the panel it opens (./IepImport.tsx), for the Services page
 * and the setup's services step. The panel (the reader and its grammar) loads on the first click,
 * so the tracker's first load does not carry it. The button gets focus back when the panel closes.
 */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/dates';
import type { AdvocateDatabase } from '../../lib/db';
import type { SchoolCalendar, Student } from '../../lib/model';
import { useFocusAfterRender } from '../../lib/ui/focus';

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
  const [panel, setPanel] = useState<typeof import('./IepImport') | null>(null);
  const [loadProblem, setLoadProblem] = useState(false);
  const focusAfterRender = useFocusAfterRender();
  const close = () => {
    setOpen(false);
    focusAfterRender('[data-opens="read-iep"]');
  };
  if (!open || !panel) {
    return (
      <>
        <button
          type="button"
          class="secondary"
          data-opens="read-iep"
          aria-busy={open ? 'true' : undefined}
          onClick={() => {
            setOpen(true);
            setLoadProblem(false);
            import('./IepImport').then(setPanel, () => {
              setOpen(false);
              setLoadProblem(true);
            });
          }}
        >
          Read from the IEP
        </button>
        {loadProblem ? (
          <p class="field-error" role="alert">
            The IEP reader could not open. Reload the page and try again.
          </p>
        ) : null}
      </>
    );
  }
  const { IepImport } = panel;
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
