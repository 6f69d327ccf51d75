// The intake rules, mirroring the server's patients.control.PatientValidator and PatientField exactly
// (same limits in Unicode code points, same patterns, same date rules and the same wording), so a clerk
// sees a problem before sending and the server's per-field errors read the same way.

const SPACE = ' \\t\\n\\x0B\\f\\r'; // Java's \s
export const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const ID_RULE = 'must be 1-64 characters of A-Z, a-z, 0-9, \'_\', \'.\' and \'-\', not only dots';

export const FIELDS = [
  {key: 'fname', label: 'First name', required: true, max: 100},
  {key: 'lname', label: 'Last name', required: true, max: 100},
  {key: 'address', label: 'Street address', required: true, max: 200, wide: true},
  {key: 'city', label: 'City', required: true, max: 100},
  {key: 'state', label: 'State', required: true, max: 100},
  {key: 'ssn', label: 'Social security number', required: true, max: 32, hint: 'e.g. 123-45-6789',
    pattern: /^[A-Za-z0-9][A-Za-z0-9 -]{2,30}[A-Za-z0-9]$/u, rule: 'must be 4-32 letters, digits, spaces or hyphens'},
  {key: 'email', label: 'E-mail', required: true, max: 254, type: 'email', hint: 'name@example.org',
    pattern: new RegExp(`^[^@${SPACE}]{1,64}@[^@${SPACE}.]+(\\.[^@${SPACE}.]+)+$`, 'u'),
    rule: 'must be an e-mail address such as name@example.org'},
  {key: 'dob', label: 'Date of birth', required: true, max: 10, date: true, type: 'date'},
  {key: 'contactphone', label: 'Contact phone', required: true, max: 32, type: 'tel', hint: 'e.g. +1 206 555 0100', pattern: /^\+?[0-9 ().\-/]{7,31}$/u,
    rule: 'must be a phone number: 7 or more digits, optionally with + ( ) . - / and spaces'},
  {key: 'drugallergies', label: 'Drug allergies', required: false, max: 1000, wide: true, hint: 'Separate with commas'},
  {key: 'preexistingconditions', label: 'Pre-existing conditions', required: false, max: 1000, wide: true,
    hint: 'Separate with commas, e.g. diabetes, heart failure. These determine the risk score.'},
  {key: 'dateadmitted', label: 'Date admitted', required: true, max: 10, date: true, type: 'date'},
  {key: 'insurancedetails', label: 'Insurance details', required: false, max: 200, wide: true},
];

const MAX_AGE_YEARS = 130;
const ADMISSION_SLACK_DAYS = 1;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Cn}]/u;

export function idViolation(id) {
  return ID_PATTERN.test(id) && !/^\.+$/.test(id) ? null : ID_RULE;
}

/** MM/DD/YYYY or YYYY-MM-DD, strictly (real calendar dates only), as a UTC date; null otherwise. */
export function parseDate(text) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text) || /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = text.includes('/') ? [+m[3], +m[1], +m[2]] : [+m[1], +m[2], +m[3]];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function shifted(date, {years = 0, days = 0}) {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  result.setUTCDate(result.getUTCDate() + days);
  return result;
}

function fieldViolation(field, value) {
  if (value === '') return field.required ? 'is required' : null;
  if ([...value].length > field.max) return `must be at most ${field.max} characters`;
  if (INVISIBLE.test(value)) return 'must not contain control or formatting characters';
  if (field.pattern && !field.pattern.test(value)) return field.rule;
  if (field.date && !parseDate(value)) return 'must be a date as MM/DD/YYYY or YYYY-MM-DD';
  return null;
}

function dateViolations(values, today, errors) {
  const dob = errors.dob ? null : parseDate(values.dob);
  const admitted = errors.dateadmitted ? null : parseDate(values.dateadmitted);
  if (dob && dob > today) errors.dob = 'must not be in the future';
  else if (dob && dob < shifted(today, {years: -MAX_AGE_YEARS})) errors.dob = `must be within the last ${MAX_AGE_YEARS} years`;
  if (admitted && admitted > shifted(today, {days: ADMISSION_SLACK_DAYS})) errors.dateadmitted = 'must not be in the future';
  else if (dob && admitted && admitted < dob) errors.dateadmitted = 'must not be before the date of birth';
}

/** Field key -> reason, for every broken rule; empty when the intake may be sent. Values are stripped first. */
export function validateIntake(values, today = todayUtc()) {
  const stripped = Object.fromEntries(FIELDS.map(f => [f.key, (values[f.key] ?? '').trim()]));
  const errors = {};
  for (const field of FIELDS) {
    const reason = fieldViolation(field, stripped[field.key]);
    if (reason) errors[field.key] = reason;
  }
  dateViolations(stripped, today, errors);
  return errors;
}
