/** The header of a table's last column, which holds each row's buttons: named for screen readers. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span class="visually-hidden">Actions</span>
    </th>
  );
}
