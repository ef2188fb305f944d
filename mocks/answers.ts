import { prefillValue, selectOne, type FormDefinition, type LeafField } from '../src/api/forms/schema.ts';
import { isGroup, matches, type Values } from '../src/api/forms/conditions.ts';
import { todayInVietnam } from '../src/lib/vn/dates.ts';
import { demoCitizens } from './fixtures/citizens.ts';
import { db } from './db.ts';
import { officesFor } from './dossiers/offices.ts';
import { refusedValues, definitionFor } from './handlers/forms.ts';

/**
 * Test support: complete, valid answers to a procedure's e-form for a demo citizen, as the app
 * sends them — what the data store holds where the form pre-fills it, a plain answer to every
 * other required field shown. The backend validates answers like the app does, so tests that
 * submit dossiers send these; a result the backend would refuse throws here, naming the fields.
 */
const plainAnswer = (field: LeafField, scope: Values, store: unknown): unknown => {
  switch (field.type) {
    case 'text':
      return field.kind === 'name' ? 'Nguyễn Văn Thử' : 'Thông tin thử';
    case 'number':
      return field.min ?? 1;
    case 'date':
      // A date the law counts from (a birth) is recent: a timely application, not a late one.
      return field.lateAfterDays === undefined ? '2020-01-02' : todayInVietnam(new Date(Date.now() - 10 * 86_400_000));
    case 'select':
    case 'radio':
      return field.options[0]?.value;
    case 'checkbox':
      return field.required;
    case 'address':
      return selectOne(store, 'citizen.permanentAddress');
    case 'office': {
      // The office serving where the citizen lives, as the app preselects it.
      const procedure = db.procedures.get(currentProcedure);
      const communeCode = String(selectOne(store, 'citizen.currentAddress.communeCode') ?? '');
      const provinceCode = String(selectOne(store, 'citizen.currentAddress.provinceCode') ?? '');
      if (!procedure) return '';
      const offices = officesFor(procedure, [provinceCode]);
      return (offices.find((o) => o.communeCodes?.includes(communeCode)) ?? offices[0])?.id ?? '';
    }
    case 'phone':
      return '0912345678';
    case 'email':
      return 'thu@example.vn';
    case 'idNumber': {
      // Agrees with the date of birth and sex beside it: PPP, G (century and sex), YY, 6 digits.
      const born = String(scope[field.dateOfBirthField ?? ''] ?? '1990-01-01');
      const female = field.sexField ? scope[field.sexField] === 'female' : false;
      const century = Math.floor(Number(born.slice(0, 4)) / 100) - 19;
      return `046${century * 2 + (female ? 1 : 0)}${born.slice(2, 4)}000001`;
    }
    default:
      return '';
  }
};

/** What the app sends for a field left empty. */
const emptyAnswer = (field: LeafField): unknown =>
  field.type === 'number' ? null : field.type === 'address' ? { provinceCode: '', provinceName: '', communeCode: '', communeName: '', line: '' } : '';

let everyField = false;
let currentProcedure = '';
const answer = (field: LeafField, scope: Values, store: unknown): unknown =>
  everyField || field.required || field.type === 'checkbox' || field.type === 'radio' ? plainAnswer(field, scope, store) : emptyAnswer(field);

const fromStore = (field: LeafField, store: unknown): unknown => {
  if (!field.prefill) return undefined;
  const value = prefillValue(store, field.prefill);
  if (field.type === 'document') return value && typeof value === 'object' && 'id' in value ? (value as { id: string }).id : undefined;
  return value;
};

/** `every`: answer the optional fields too (the most work for a validator), not only the required ones. */
export const validAnswers = (procedureId: string, citizenId: string, overrides: Values = {}, { every = false } = {}): Values => {
  everyField = every;
  currentProcedure = procedureId;
  try {
    return answers(procedureId, citizenId, overrides);
  } finally {
    everyField = false;
  }
};

const answers = (procedureId: string, citizenId: string, overrides: Values): Values => {
  const definition: FormDefinition | undefined = definitionFor(procedureId);
  if (!definition) return {};
  const store = demoCitizens.find((c) => c.id === citizenId)?.store;
  if (!store) throw new Error(`no demo citizen ${citizenId}`);
  const values: Values = {};
  for (const section of definition.sections) {
    if (!matches(section.visibleWhen, values)) continue;
    for (const field of section.fields) {
      if (!matches(field.visibleWhen, values)) continue;
      if (isGroup(field)) {
        values[field.id] = Array.from({ length: field.min }, () => {
          const item: Values = {};
          for (const sub of field.fields) if (matches(sub.visibleWhen, item)) item[sub.id] = answer(sub, item, store);
          return item;
        });
        continue;
      }
      const known = fromStore(field, store);
      values[field.id] = known ?? answer(field, values, store);
    }
  }
  Object.assign(values, overrides);
  const refused = refusedValues(procedureId, values);
  if (refused.length > 0) throw new Error(`validAnswers(${procedureId}, ${citizenId}) would be refused: ${JSON.stringify(refused)}`);
  return values;
};
