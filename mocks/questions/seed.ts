import { z } from 'zod/mini';
import { PublicQuestion } from '../../src/api/questions/schema.ts';

/**
 * Answered questions the simulated office has published for popular procedures: the questions
 * people really ask at the one-stop counter about birth registration, criminal record
 * certificates and residence registration. Answers follow the rules the catalogue cites (Law on
 * Civil Status 2014, Decree 123/2015, Law on Judicial Records 2009, Law on Residence 2020); they
 * say where to read more instead of inventing figures. Parsed with the contract's schema.
 */
const seed = (q: Omit<PublicQuestion, 'lang' | 'answeredBy'> & { answeredBy?: string }): PublicQuestion => ({ lang: 'vi', answeredBy: 'Bộ phận một cửa', ...q });

export const seededQuestions: PublicQuestion[] = z.array(PublicQuestion).parse([
  // ---- Đăng ký khai sinh (1.001193) --------------------------------------------------------------
  seed({
    id: 'hd-ks-001',
    procedureId: '1.001193',
    question: 'Con tôi sinh ở bệnh viện tỉnh khác, tôi có thể đăng ký khai sinh ở phường nơi tôi thường trú không?',
    answer:
      'Được. Ông/bà đăng ký khai sinh cho cháu tại UBND cấp xã nơi cư trú của cha hoặc mẹ, không phụ thuộc nơi sinh. Khi nộp hồ sơ, mang theo Giấy chứng sinh do bệnh viện cấp.',
    answeredBy: 'UBND phường Thuận Hóa, thành phố Huế',
    askedAt: '2026-09-03T02:15:00.000Z',
    answeredAt: '2026-09-04T08:30:00.000Z',
    en: {
      question: 'My child was born in a hospital in another province. Can I register the birth in the ward where I live?',
      answer:
        'Yes. You register the birth at the commune-level People’s Committee where the father or the mother lives, wherever the child was born. Bring the birth certificate issued by the hospital.',
    },
  }),
  seed({
    id: 'hd-ks-002',
    procedureId: '1.001193',
    question: 'Quá 60 ngày mới đi đăng ký khai sinh cho con thì có bị phạt không?',
    answer:
      'Việc đăng ký khai sinh quá hạn vẫn được giải quyết như đăng ký đúng hạn. Cha, mẹ có thể bị nhắc nhở hoặc xử phạt hành chính theo quy định; ông/bà nên đăng ký ngay để cháu có số định danh cá nhân.',
    askedAt: '2026-09-18T01:40:00.000Z',
    answeredAt: '2026-09-19T03:05:00.000Z',
    en: {
      question: 'Is there a fine for registering my child’s birth after the 60 days?',
      answer:
        'A late registration is still handled like one made on time. Parents may be reminded or fined under the rules; register now so the child gets a personal identification number.',
    },
  }),
  seed({
    id: 'hd-ks-003',
    procedureId: '1.001193',
    question: 'Bố mẹ chưa đăng ký kết hôn thì giấy khai sinh của con ghi tên bố thế nào?',
    answer:
      'Nếu cha, mẹ chưa đăng ký kết hôn, phần thông tin về người cha để trống, trừ khi đăng ký khai sinh kết hợp nhận cha con (thủ tục 1.000689). Khi đó cần có văn bản hoặc giấy tờ chứng minh quan hệ cha con.',
    askedAt: '2026-10-02T07:20:00.000Z',
    answeredAt: '2026-10-03T02:00:00.000Z',
  }),
  // ---- Phiếu lý lịch tư pháp (3.000333) ------------------------------------------------------------
  seed({
    id: 'hd-lltp-001',
    procedureId: '3.000333',
    question: 'Phiếu lý lịch tư pháp số 1 và số 2 khác nhau thế nào? Xin việc thì cần loại nào?',
    answer:
      'Phiếu số 1 cấp cho cá nhân, cơ quan, tổ chức và chỉ ghi án tích chưa được xoá; phiếu số 2 chỉ cấp cho chính người đó hoặc cơ quan tiến hành tố tụng và ghi đầy đủ án tích. Khi xin việc, thông thường nhà tuyển dụng yêu cầu phiếu số 1; ông/bà hỏi lại nơi tuyển dụng nếu họ ghi rõ loại khác.',
    answeredBy: 'Sở Tư pháp',
    askedAt: '2026-08-11T03:00:00.000Z',
    answeredAt: '2026-08-12T09:10:00.000Z',
    en: {
      question: 'What is the difference between criminal record certificates no. 1 and no. 2? Which one do I need for a job?',
      answer:
        'Certificate no. 1 is issued to individuals and organisations and lists only convictions not yet expunged; no. 2 is issued only to the person themselves or to judicial bodies and lists every conviction. Employers usually ask for no. 1; ask the employer if they name the other.',
    },
  }),
  seed({
    id: 'hd-lltp-002',
    procedureId: '3.000333',
    question: 'Tôi đang làm việc ở nước ngoài, có thể ủy quyền cho người nhà xin phiếu lý lịch tư pháp không?',
    answer:
      'Đối với Phiếu số 1, ông/bà có thể ủy quyền bằng văn bản cho người khác làm thủ tục. Phiếu số 2 không được ủy quyền. Ông/bà cũng có thể nộp trực tuyến trên Cổng Dịch vụ công hoặc VNeID và nhận kết quả điện tử.',
    answeredBy: 'Sở Tư pháp',
    askedAt: '2026-10-20T14:35:00.000Z',
    answeredAt: '2026-10-21T02:45:00.000Z',
  }),
  // ---- Đăng ký thường trú (1.004222) ---------------------------------------------------------------
  seed({
    id: 'hd-tt-001',
    procedureId: '1.004222',
    question: 'Tôi thuê nhà thì có đăng ký thường trú được không? Cần giấy tờ gì của chủ nhà?',
    answer:
      'Được, nếu chỗ thuê đáp ứng điều kiện về diện tích tối thiểu theo quy định của tỉnh. Ông/bà cần hợp đồng thuê nhà và văn bản đồng ý cho đăng ký thường trú của chủ nhà (có thể ghi ngay trên tờ khai thay đổi thông tin cư trú).',
    answeredBy: 'Công an phường',
    askedAt: '2026-07-29T04:10:00.000Z',
    answeredAt: '2026-07-30T01:30:00.000Z',
    en: {
      question: 'I rent my home. Can I register permanent residence there, and what do I need from the landlord?',
      answer:
        'Yes, if the rented place meets the province’s minimum floor area. You need the lease and the landlord’s written consent to the registration (it can be given on the residence information form itself).',
    },
  }),
  seed({
    id: 'hd-tt-002',
    procedureId: '1.004222',
    question: 'Sau khi đăng ký thường trú xong tôi có được cấp sổ hộ khẩu không?',
    answer:
      'Không. Từ ngày 01/01/2023 sổ hộ khẩu không còn được cấp hay sử dụng; thông tin cư trú của ông/bà nằm trong Cơ sở dữ liệu về cư trú. Khi cần chứng minh, ông/bà dùng thẻ căn cước, VNeID hoặc xin Giấy xác nhận thông tin về cư trú.',
    answeredBy: 'Công an phường',
    askedAt: '2026-10-08T09:50:00.000Z',
    answeredAt: '2026-10-09T02:20:00.000Z',
  }),
]);
