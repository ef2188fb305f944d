import type { LocalisedText } from '../../src/api/dossiers/schema.ts';

/**
 * The nine indicators of the official citizen evaluation (docs/domain/quality-index.md), each
 * scored 2 / 1 / 0, with the ids ratings carry them under. A rating may carry an id not listed
 * here (a province's own criteria set): the statistics count it under its id.
 */
export const OFFICIAL_INDICATORS: readonly { id: string; label: LocalisedText }[] = [
  { id: 'total-time', label: { vi: 'Tổng thời gian giải quyết so với quy định', en: 'Total handling time against the legal limit' } },
  { id: 'agency-time', label: { vi: 'Thời gian giải quyết của từng cơ quan', en: 'Each agency’s handling time' } },
  { id: 'contacts', label: { vi: 'Số lần phải liên hệ', en: 'Number of contacts needed' } },
  { id: 'agencies-contacted', label: { vi: 'Số cơ quan phải liên hệ', en: 'Number of agencies contacted' } },
  { id: 'one-stop-desk', label: { vi: 'Tiếp nhận tại Bộ phận Một cửa', en: 'Receipt at the one-stop desk' } },
  { id: 'publicity', label: { vi: 'Công khai thủ tục hành chính', en: 'Publicity of the procedure' } },
  { id: 'staff-attitude', label: { vi: 'Thái độ của cán bộ', en: 'Staff attitude' } },
  { id: 'feedback-handling', label: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback' } },
  { id: 'online-service', label: { vi: 'Chất lượng dịch vụ công trực tuyến', en: 'Quality of the online service' } },
];

export const labelOfIndicator = (id: string): LocalisedText => OFFICIAL_INDICATORS.find((i) => i.id === id)?.label ?? { vi: id, en: id };
