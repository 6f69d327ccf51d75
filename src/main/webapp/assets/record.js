// The patient record and its risk score, explained in a clerk's words from the server's scoreDetails.

import {definitions, fill, h} from './dom.js';
import {FIELDS} from './fields.js';

const AGE_BANDS = 'under 50: 0, 50-59: 1, 60-69: 2, 70-79: 3, 80 or older: 4';
const points = n => `${n} ${n === 1 ? 'point' : 'points'}`;

export function percent(score) {
  return `${(score * 100).toFixed(1)} %`;
}

function conditionItems(conditions) {
  if (!conditions.length) return h('p', {}, 'No entered condition is one the index counts.');
  return h('ul', {class: 'conditions'}, conditions.map(c => h('li', {},
    '“', c.term, '” was recognised as ', h('strong', {}, c.condition), `: ${points(c.points)}`,
    c.note ? ` (${c.note})` : '')));
}

function explanation(d) {
  return h('div', {class: 'explanation'},
    h('h3', {}, 'How this score was worked out'),
    h('p', {}, `Risk index ${d.index} = ${points(d.conditionPoints)} for conditions + ${points(d.agePoints)} for age.`),
    h('h4', {}, 'Conditions'),
    conditionItems(d.conditions),
    d.unmatched.length ? h('p', {}, 'Not recognised, so not counted: ', d.unmatched.join('; '), '.') : null,
    d.excluded.length ? h('p', {}, 'Deliberately not counted: ', d.excluded.join('; '), '.') : null,
    h('h4', {}, 'Age'),
    h('p', {}, `${d.ageAtAdmission} years old when admitted: ${points(d.agePoints)} (age points: ${AGE_BANDS}).`),
    h('p', {class: 'hint'}, 'Method: ', d.method, '.'));
}

export function renderRecord(container, patient) {
  const fields = definitions([['Patient id', patient.id], ...FIELDS.map(f => [f.label, patient[f.key] || '—'])],
    {class: 'record-fields', id: 'record-fields'});
  const score = h('section', {class: 'score', 'aria-labelledby': 'score-title'},
    h('h3', {id: 'score-title'}, 'Risk score'),
    h('p', {class: 'score-value'}, h('span', {id: 'score-percent'}, percent(patient.score)),
      ' estimated risk of death within 10 years'),
    explanation(patient.scoreDetails));
  fill(container, fields, score);
}
