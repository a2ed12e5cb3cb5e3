// @vitest-environment happy-dom
/**
 * useLiveQuery: follows writes, and never shows the previous query's result after its
 * dependencies change (the popup must not show one student's services under another's name).
 */
// Dexie's liveQuery needs IndexedDB as a global, not only passed to the database.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, saveService, type AdvocateDatabase } from '../../../lib/db';
import type { Service } from '../../../lib/model';
import { useLiveQuery } from '../../../lib/ui/live-query';
import { eventually } from '../../support/eventually';

function service(id: string, studentId: string): Service {
  return {
    id,
    studentId,
    kind: 'speech-language',
    label: '',
    minutes: 60,
    period: 'week',
    sessionsPerPeriod: null,
    provider: '',
    location: '',
    delivery: 'direct',
    startDate: '2025-09-02',
    endDate: '2026-06-04',
    prorate: false,
  };
}

/** Renders what each render saw: "<studentId>:<service ids>" or "<studentId>:loading". */
function ServiceIds(props: { db: AdvocateDatabase; studentId: string; seen: string[] }) {
  const services = useLiveQuery(
    () => props.db.services.where('studentId').equals(props.studentId).toArray(),
    [props.db, props.studentId],
  );
  const shown = services ? services.map((s) => s.id).join(',') : 'loading';
  props.seen.push(`${props.studentId}:${shown}`);
  return <p>{shown}</p>;
}

/** Lets Preact and Dexie work (10 ms at a time, inside act) until `check` holds. */
async function until(check: () => boolean) {
  await eventually(
    async () => {
      if (check()) return true;
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
      return check();
    },
    'the rendered state',
    { timeout: 1_000, interval: 0 },
  );
}

describe('useLiveQuery', () => {
  let db: AdvocateDatabase;
  const root = () => document.body;
  afterEach(() => {
    render(null, root());
    db?.close();
  });

  it('updates after a write and never mixes two students', async () => {
    db = openDatabase(`live-query-${Math.random()}`);
    await saveService(db, service('a1', 'ann'));
    await saveService(db, service('b1', 'ben'));
    const seen: string[] = [];

    await act(() => render(<ServiceIds db={db} studentId="ann" seen={seen} />, root()));
    await until(() => root().textContent === 'a1');

    await act(() => saveService(db, service('a2', 'ann')).then(() => undefined));
    await until(() => root().textContent === 'a1,a2');

    await act(() => render(<ServiceIds db={db} studentId="ben" seen={seen} />, root()));
    await until(() => root().textContent === 'b1');
    // Every render under "ben" showed loading or ben's own services.
    expect(
      seen.filter((s) => s.startsWith('ben:')).every((s) => s === 'ben:loading' || s === 'ben:b1'),
    ).toBe(true);
    expect(seen).toContain('ben:loading');
  });

  it('starts an afterPageReads query only once the page has read, in two steps too', async () => {
    db = openDatabase(`live-query-${Math.random()}`);
    await saveService(db, service('a1', 'ann'));
    const events: string[] = [];
    const gates = { student: deferred<string>(), chunk: deferred<string>() };
    /** A page query: reads the database, then waits for its gate (a slow read). */
    const read = (name: 'student' | 'chunk') => async () => {
      events.push(`${name} read`);
      await db.services.toArray();
      const value = await gates[name].promise;
      events.push(`${name} answered`);
      return value;
    };
    function Chunk() {
      return <p>{useLiveQuery(read('chunk'), []) ?? 'loading chunk'}</p>;
    }
    function Page() {
      const student = useLiveQuery(read('student'), []);
      const count = useLiveQuery(
        async () => {
          events.push('count read');
          return (await db.services.count()).toString();
        },
        [],
        { afterPageReads: true },
      );
      return (
        <div>
          <p>{count ?? 'no count'}</p>
          {student ? <Chunk /> : null}
        </div>
      );
    }

    await act(() => render(<Page />, root()));
    await until(() => events.includes('student read'));
    gates.student.resolve('ann');
    // The chunk's query starts only in the render the student's answer causes.
    await until(() => events.includes('chunk read'));
    gates.chunk.resolve('rows');
    await until(() => root().textContent === '1rows');
    expect(events).toEqual([
      'student read',
      'student answered',
      'chunk read',
      'chunk answered',
      'count read',
    ]);
  });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
