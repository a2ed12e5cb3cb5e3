import { render } from 'preact';
import '../../components/styles.css';
import './tracker.css';
import { ErrorBoundary } from '../../components/ui/ErrorBoundary';
import { getDatabase } from '../../lib/ui/database';
import { TrackerApp } from './TrackerApp';

render(
  <ErrorBoundary>
    <TrackerApp db={getDatabase()} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
