/** Picks which student a page shows. With one student it just names them. */
import type { Student } from '../lib/model';
import { SelectField } from './fields';

export interface StudentPickerProps {
  students: Student[];
  value: string | null;
  onChange: (studentId: string) => void;
}

export function StudentPicker(props: StudentPickerProps) {
  if (props.students.length === 0) return null;
  if (props.students.length === 1) {
    return (
      <p class="student-name" data-testid="student-name">
        <span class="muted">Student: </span>
        <strong>{props.students[0]!.name}</strong>
      </p>
    );
  }
  return (
    <SelectField
      class="student-picker"
      label="Student"
      value={props.value ?? ''}
      onValue={props.onChange}
      options={props.students.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
