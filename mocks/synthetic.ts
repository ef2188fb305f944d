import type { ProcedureInput } from '../src/api/procedures/schema.ts';
import { agencies, fields } from './fixtures/catalogue-refs.ts';

/**
 * Deterministic synthetic procedures for performance tests only: realistic Vietnamese words so
 * that search and rendering cost what they would with a province's full catalogue.
 */
const verbs = ['Đăng ký', 'Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Xác nhận', 'Thu hồi', 'Chấm dứt', 'Hỗ trợ', 'Công nhận', 'Thẩm định'];
const objects = ['giấy phép', 'chứng chỉ hành nghề', 'giấy chứng nhận', 'thông tin', 'hồ sơ', 'trợ cấp', 'đăng ký', 'quyết định', 'thẻ', 'bản sao'];
const topics = ['khai sinh', 'kết hôn', 'thường trú', 'tạm trú', 'hộ kinh doanh', 'quyền sử dụng đất', 'xây dựng nhà ở', 'lái xe', 'bảo hiểm y tế', 'thất nghiệp', 'người cao tuổi', 'người khuyết tật', 'hoạt động dược', 'khám bệnh, chữa bệnh', 'văn bằng', 'môi trường', 'thủy sản', 'lâm nghiệp', 'đường thủy nội địa', 'di sản văn hóa'];
const qualifiers = ['', ' có yếu tố nước ngoài', ' cho trẻ em dưới 6 tuổi', ' trong trường hợp bị mất', ' lần đầu', ' đối với hộ gia đình', ' cho tổ chức', ' tại cấp xã'];

export const syntheticProcedures = (count: number): ProcedureInput[] =>
  Array.from({ length: count }, (_, i) => {
    const pick = <T,>(list: readonly T[], salt: number): T => list[(i * salt + salt) % list.length] as T;
    const name = `${pick(verbs, 7)} ${pick(objects, 3)} ${pick(topics, 11)}${pick(qualifiers, 5)}`;
    const field = pick(fields, 13);
    const agency = pick(agencies, 17);
    return {
      id: `syn-${String(i + 1).padStart(5, '0')}`,
      code: null,
      name: `${name} (${i + 1})`,
      nameEn: `Synthetic procedure ${i + 1}`,
      level: i % 3 === 0 ? 'partial' : 'full',
      field,
      agency,
      tiers: [agency.tier],
      keywords: [pick(topics, 19)],
      summary: `Thủ tục tổng hợp số ${i + 1}, chỉ dùng để đo hiệu năng.`,
      steps: ['Nộp hồ sơ trực tuyến', 'Cơ quan tiếp nhận và giải quyết', 'Nhận kết quả'],
      documents: [{ id: 'to-khai', name: 'Tờ khai theo mẫu', originals: 1, copies: 0, providedBy: 'eform' }],
      processingTime: { workingDays: (i % 20) + 1, text: `${(i % 20) + 1} ngày làm việc` },
      fees: i % 4 === 0 ? [] : [{ kind: 'fee', amount: ((i % 9) + 1) * 10000, description: 'Lệ phí' }],
      result: 'Văn bản giải quyết',
      legalBasis: [{ number: '00/2025/TT-SYN', title: 'Văn bản giả lập' }],
      faq: [],
      updatedAt: '2025-07-01',
    };
  });
