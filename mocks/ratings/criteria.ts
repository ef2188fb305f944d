import { RatingCriteria } from '../../src/api/ratings/schema.ts';

/**
 * The criteria set the simulated backend serves (GET /api/ratings/criteria): the citizen's
 * evaluation of Decision 766/QĐ-TTg — nine indicators scored 2 / 1 / 0 — and the two overall
 * questions on three levels (docs/domain/quality-index.md). The wording of each score is ours:
 * a province serving its own set changes this data, not the app.
 */
const text = (vi: string, en: string) => ({ vi, en });
const scores = (two: [string, string], one: [string, string], zero: [string, string]) => [
  { score: 2 as const, label: text(...two) },
  { score: 1 as const, label: text(...one) },
  { score: 0 as const, label: text(...zero) },
];

export const DEFAULT_CRITERIA: RatingCriteria = RatingCriteria.parse({
  version: '766-2022.1',
  overall: { label: text('Nhìn chung, bạn có hài lòng với việc giải quyết hồ sơ này không?', 'Overall, how satisfied are you with how this dossier was handled?') },
  convenience: { label: text('Việc thực hiện thủ tục này có thuận tiện không?', 'How convenient was it to go through this procedure?') },
  levels: [
    { level: 'very-satisfied', label: text('Rất hài lòng', 'Very satisfied') },
    { level: 'satisfied', label: text('Hài lòng', 'Satisfied') },
    { level: 'dissatisfied', label: text('Không hài lòng', 'Dissatisfied') },
  ],
  indicators: [
    {
      id: 'total-time',
      label: text('Thời gian giải quyết hồ sơ so với thời hạn theo quy định', 'Total handling time against the legal limit'),
      scores: scores(['Sớm hơn hoặc đúng hẹn', 'Early or on time'], ['Trễ hẹn, có thư xin lỗi và hẹn lại', 'Late, with an apology and a new date'], ['Trễ hẹn, không có thư xin lỗi', 'Late, with no apology']),
    },
    {
      id: 'agency-time',
      label: text('Thời gian xử lý ở từng cơ quan', 'Handling time at each agency'),
      scores: scores(['Đúng hạn ở mọi cơ quan', 'On time at every agency'], ['Trễ hạn ở một cơ quan', 'Late at one agency'], ['Trễ hạn ở nhiều cơ quan', 'Late at more than one agency']),
    },
    {
      id: 'contacts',
      label: text('Số lần bạn phải liên hệ để hoàn thiện hồ sơ', 'How many times you had to get in touch to complete the dossier'),
      scores: scores(['Không lần nào hoặc một lần', 'None or once'], ['Hai lần', 'Twice'], ['Ba lần trở lên', 'Three times or more']),
    },
    {
      id: 'agencies',
      label: text('Số cơ quan bạn phải liên hệ', 'How many agencies you had to deal with'),
      scores: scores(['Một cơ quan', 'One'], ['Hai cơ quan', 'Two'], ['Ba cơ quan trở lên', 'Three or more']),
    },
    {
      id: 'receipt',
      label: text('Việc tiếp nhận hồ sơ tại Bộ phận Một cửa', 'Receipt of the dossier at the one-stop desk'),
      scores: scores(['Nhanh, đúng quy định', 'Quick and by the rules'], ['Phải chờ lâu', 'A long wait'], ['Không đúng quy định', 'Not by the rules']),
    },
    {
      id: 'publicity',
      label: text('Công khai thủ tục hành chính', 'How well the procedure is published'),
      scores: scores(['Đầy đủ, dễ hiểu', 'Complete and clear'], ['Có nhưng thiếu hoặc khó hiểu', 'Published, but incomplete or unclear'], ['Không công khai', 'Not published']),
    },
    {
      id: 'attitude',
      label: text('Thái độ của cán bộ, công chức', 'Staff attitude'),
      scores: scores(['Lịch sự, tận tình', 'Polite and helpful'], ['Bình thường', 'Neither good nor bad'], ['Gây khó khăn, phiền hà', 'Obstructive or troublesome']),
    },
    {
      id: 'feedback',
      label: text('Việc tiếp nhận, xử lý phản ánh, kiến nghị', 'Handling of feedback and complaints'),
      scores: scores(['Được trả lời đúng hạn', 'Answered on time'], ['Được trả lời nhưng trễ', 'Answered late'], ['Không được trả lời', 'Not answered']),
    },
    {
      id: 'online',
      label: text('Chất lượng dịch vụ công trực tuyến', 'Quality of the online public service'),
      scores: scores(['Dễ dùng, ổn định', 'Easy to use and reliable'], ['Dùng được nhưng còn vướng', 'Usable, with some trouble'], ['Khó dùng hoặc hay lỗi', 'Hard to use or often broken']),
    },
  ],
  replies: false,
});

/** Versions a rating may still be given against (a province keeps old ones while apps update). */
export const criteriaByVersion = (version: string): RatingCriteria | undefined => (version === DEFAULT_CRITERIA.version ? DEFAULT_CRITERIA : undefined);
