/**
 * The tracker tab's shell: header with the student picker, the nav built from ./routes.tsx, the
 * current route's page, and the footer note. Routes are hash paths (tracker.html#/log).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { BackupReminderNotice } from '../../components/backup/BackupReminderNotice';
import { ErrorBoundary } from '../../components/ui/ErrorBoundary';
import { HelpNote } from '../../components/ui/HelpNote';
import { CurrentStudentPicker } from '../../components/students/StudentPicker';
import type { AdvocateDatabase } from '../../lib/db';
import { useStudentChoice } from '../../lib/ui/students';
import { useToday } from '../../lib/ui/today';
import { DEFAULT_ROUTE_PATH, findRoute, routes } from './routes';

const APP_NAME = 'Montana IEP Advocate';

/** The path part of the hash: "#/log?x=1" → "/log". */
function currentPath(): string {
  return location.hash.replace(/^#/, '').split('?')[0] ?? '';
}

function useHashPath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return path;
}

export function navigate(path: string): void {
  location.hash = path;
}

export function TrackerApp(props: { db: AdvocateDatabase }) {
  const { db } = props;
  const today = useToday();
  const choice = useStudentChoice(db);
  const path = useHashPath();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // An empty or unknown hash goes to the setup on a fresh install, to the gaps otherwise.
  useEffect(() => {
    if (!choice || findRoute(path)) return;
    location.replace(`#${choice.students.length === 0 ? '/setup' : DEFAULT_ROUTE_PATH}`);
  }, [choice, path]);

  const route = findRoute(path);
  useEffect(() => {
    document.title = route ? `${route.title} · ${APP_NAME}` : APP_NAME;
    // Moving between routes puts keyboard and screen-reader focus on the new page's heading.
    if (firstRender.current) firstRender.current = false;
    else headingRef.current?.focus();
  }, [route]);

  const Page = route?.component;

  return (
    <div class="tracker">
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), headingRef.current?.focus())}
      >
        Skip to the page
      </a>
      <header class="tracker-header">
        <div class="tracker-brand">
          <p class="app-name">{APP_NAME}</p>
          <CurrentStudentPicker db={db} choice={choice} />
        </div>
        <nav aria-label="Tracker sections">
          <ul>
            {routes
              .filter((r) => !r.hidden)
              .map((r) => (
                <li key={r.path}>
                  <a href={`#${r.path}`} aria-current={r.path === path ? 'page' : undefined}>
                    {r.title}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <h1 tabIndex={-1} ref={headingRef}>
          {route?.title ?? APP_NAME}
        </h1>
        {/* Suggests a backup file after 30 days of unsaved entries (lib/backup/reminder.ts).
            Mounted with the page, not before it: its count waits for the page's reads
            (afterPageReads), and while the shell still waits for today or the student choice
            there are none yet, so it would start first and the page's reads queue behind it. */}
        {Page && choice && today && route.path !== '/setup' ? (
          <BackupReminderNotice db={db} />
        ) : null}
        {Page && choice && today ? (
          <ErrorBoundary key={route.path}>
            <Page db={db} today={today} studentId={choice.currentId} navigate={navigate} />
          </ErrorBoundary>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </main>
      <footer class="tracker-footer">
        <HelpNote />
        <p class="small muted">Your records are kept only in this browser.</p>
      </footer>
    </div>
  );
}
