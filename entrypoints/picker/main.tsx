/**
 * The picker: an extension page shown in an iframe beside the compose editor (see
 * lib/compose/picker-frame.ts). Its address carries the nonce that pairs it with the page.
 */
import { render } from 'preact';
import '../../components/styles.css';
import './picker.css';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { getDatabase } from '../../lib/ui/database';
import { Picker } from './Picker';

render(
  <ErrorBoundary>
    <Picker db={getDatabase()} nonce={location.hash.slice(1)} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
