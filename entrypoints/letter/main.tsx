import { render } from 'preact';
import '../../components/styles.css';
import './letter.css';
import { getDatabase } from '../../lib/ui/database';
import { useToday } from '../../lib/ui/today';
import { LetterPage } from '../../components/letter/LetterApp';

function Letter() {
  return <LetterPage db={getDatabase()} today={useToday()} />;
}

render(<Letter />, document.getElementById('app')!);
