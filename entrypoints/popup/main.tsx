import { render } from 'preact';
import '../../components/styles.css';
import './popup.css';
import { getDatabase } from '../../lib/ui/database';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { Popup } from './Popup';

render(
  <ErrorBoundary>
    <Popup db={getDatabase()} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
