import { render } from 'preact';
import '../../components/styles.css';
import './popup.css';
import { getDatabase } from '../../lib/ui/database';
import { ErrorBoundary } from '../../components/ui/ErrorBoundary';
import { Popup } from '../../components/popup/Popup';

render(
  <ErrorBoundary>
    <Popup db={getDatabase()} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
