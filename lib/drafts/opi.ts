/** OPI's Dispute Resolution office, from the reference's "Montana facts". */
export const OPI_ADDRESS_LINES = [
  'Office of Public Instruction',
  'Dispute Resolution',
  'P.O. Box 202501',
  'Helena, MT 59620-2501',
] as const;

export const OPI_PHONE = '(406) 444-2046';
