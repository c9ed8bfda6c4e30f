// The accounts and promotions the pages show, written by hand per language. Amounts scale with the currency
// (50 USD is about 5,000 JPY, 500,000 IDR, 1,250,000 VND) so every page shows figures its advertisers would see.
import type { Account, Promo } from './builders';
import { money } from './locale';
import type { Lang } from './locale';

export const accounts = {
  en: {
    name: 'Fernhill Outdoor Supply',
    id: '7301110002223334445',
    money: money.USD!,
    timezone: '(UTC-05:00) New York',
  },
  enGb: {
    name: 'Kestrel & Hart Ltd',
    id: '7302220003334445556',
    money: money.GBP!,
    timezone: '(UTC+00:00) London',
  },
  enCode: {
    name: 'Prairie Lane Bakery',
    id: '7303330004445556667',
    money: money.USD_CODE!,
    timezone: '(UTC-06:00) Chicago',
  },
  es: {
    name: 'Cerámicas del Sur S.L.',
    id: '7311110002223334445',
    money: money.EUR_ES!,
    timezone: '(UTC+01:00) Madrid',
  },
  esMx: {
    name: 'Tacos El Güero',
    id: '7312220003334445556',
    money: money.MXN!,
    timezone: '(UTC-06:00) Ciudad de México',
  },
  pt: {
    name: 'Café Serra Azul Ltda',
    id: '7321110002223334445',
    money: money.BRL!,
    timezone: '(UTC-03:00) São Paulo',
  },
  fr: {
    name: 'Maison Colibri SAS',
    id: '7331110002223334445',
    money: money.EUR_FR!,
    timezone: '(UTC+01:00) Paris',
  },
  de: {
    name: 'Fahrradwerk Lindner GmbH',
    id: '7341110002223334445',
    money: money.EUR_DE!,
    timezone: '(UTC+01:00) Berlin',
  },
  id: {
    name: 'PT Kopi Nusantara Jaya',
    id: '7351110002223334445',
    money: money.IDR!,
    timezone: '(UTC+07:00) Jakarta',
  },
  ja: {
    name: '株式会社さくら雑貨店',
    id: '7361110002223334445',
    money: money.JPY!,
    timezone: '(UTC+09:00) 東京',
  },
  jaYen: {
    name: '有限会社みどり製麺',
    id: '7362220003334445556',
    money: money.JPY_SUFFIX!,
    timezone: '(UTC+09:00) 東京',
  },
  vi: {
    name: 'Công ty TNHH Gốm Bát Tràng',
    id: '7371110002223334445',
    money: money.VND!,
    timezone: '(UTC+07:00) Hà Nội',
  },
} satisfies Record<string, Account>;

/** How much one "unit" (about 1 USD) is in each account currency. */
export const unit: Record<string, number> = {
  USD: 1,
  GBP: 1,
  EUR: 1,
  MXN: 20,
  BRL: 5,
  IDR: 10000,
  JPY: 100,
  VND: 25000,
};

const NAMES: Record<Lang, string[]> = {
  en: [
    'Welcome credit',
    'Q4 campaign coupon',
    'Agency bonus November',
    'Spend 50 Get 50 - New advertiser',
    'Holiday spend bonus',
    'Black Friday boost',
    'Spring boost credit',
    'Back to school coupon',
    'New advertiser offer',
    'Creator launch credit',
  ],
  es: [
    'Crédito de bienvenida',
    'Cupón de campaña T4',
    'Bono de agencia noviembre',
    'Gasta 50 y recibe 50',
    'Bono de gasto navideño',
    'Impulso Black Friday',
    'Crédito de primavera',
    'Cupón vuelta al cole',
    'Oferta para anunciantes nuevos',
    'Crédito de lanzamiento',
  ],
  pt: [
    'Crédito de boas-vindas',
    'Cupom de campanha T4',
    'Bônus de agência novembro',
    'Gaste 50 e ganhe 50',
    'Bônus de fim de ano',
    'Impulso Black Friday',
    'Crédito de primavera',
    'Cupom de volta às aulas',
    'Oferta para novos anunciantes',
    'Crédito de lançamento',
  ],
  fr: [
    'Crédit de bienvenue',
    'Coupon campagne T4',
    'Bonus agence novembre',
    'Dépensez 50, recevez 50',
    'Bonus des fêtes',
    'Coup de pouce Black Friday',
    'Crédit printemps',
    'Coupon rentrée',
    'Offre nouveaux annonceurs',
    'Crédit de lancement',
  ],
  de: [
    'Willkommensguthaben',
    'Q4-Gutschein für Kampagnen',
    'Agenturbonus November',
    '50 ausgeben, 50 erhalten',
    'Weihnachtsbonus',
    'Black-Friday-Boost',
    'Frühlingsguthaben',
    'Schulstart-Gutschein',
    'Angebot für Neukunden',
    'Launch-Guthaben',
  ],
  id: [
    'Kredit selamat datang',
    'Kupon kampanye Q4',
    'Bonus agensi November',
    'Belanja 50 dapat 50',
    'Bonus belanja akhir tahun',
    'Dorongan Harbolnas',
    'Kredit musim semi',
    'Kupon kembali ke sekolah',
    'Penawaran pengiklan baru',
    'Kredit peluncuran',
  ],
  ja: [
    'ウェルカムクレジット',
    'Q4キャンペーンクーポン',
    '代理店ボーナス11月',
    '5,000円消化で5,000円付与',
    '年末消化ボーナス',
    'ブラックフライデー応援',
    '春のクレジット',
    '新学期クーポン',
    '新規広告主オファー',
    'ローンチクレジット',
  ],
  vi: [
    'Tín dụng chào mừng',
    'Phiếu chiến dịch Q4',
    'Thưởng đại lý tháng 11',
    'Chi 50 nhận 50',
    'Thưởng chi tiêu cuối năm',
    'Ưu đãi Black Friday',
    'Tín dụng mùa xuân',
    'Phiếu tựu trường',
    'Ưu đãi nhà quảng cáo mới',
    'Tín dụng ra mắt',
  ],
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The three tabs' promotions of an account in `lang`, amounts in `u` units of its currency. */
export function promotionsOf(lang: Lang, u: number, idBase: number) {
  const n = NAMES[lang];
  const a = (x: number) => round2(x * u);
  const id = (k: number) => `PRM-${idBase + k}`;
  const available: Promo[] = [
    {
      id: id(1),
      name: n[0]!,
      type: 'free',
      status: 'available',
      amount: a(50),
      unused: a(50),
      redeemedOn: '2026-11-02',
      validFrom: '2026-11-02',
      validUntil: '2027-01-31',
    },
    {
      id: id(2),
      name: n[1]!,
      type: 'assignable',
      status: 'available',
      amount: a(1000),
      unused: a(1000),
      campaigns: 0,
      redeemedOn: '2026-11-06',
      validFrom: '2026-11-06',
      validUntil: '2027-02-04',
    },
    {
      id: id(3),
      name: n[2]!,
      type: 'assignable',
      status: 'available',
      amount: a(250),
      unused: a(87.45),
      campaigns: 3,
      redeemedOn: '2026-10-28',
      validFrom: '2026-10-28',
      validUntil: '2027-01-26',
    },
    {
      id: id(4),
      name: n[9]!,
      type: 'conditional',
      status: 'available',
      amount: a(100),
      minSpend: a(100),
      days: 30,
      unused: a(12.5),
      redeemedOn: '2026-10-01',
      validFrom: '2026-10-01',
      validUntil: '2026-12-30',
    },
  ];
  const earning: Promo[] = [
    {
      id: id(5),
      name: n[3]!,
      type: 'conditional',
      status: 'earning',
      amount: a(50),
      minSpend: a(50),
      days: 30,
      spent: a(20),
      redeemedOn: '2026-11-10',
      validFrom: '2026-11-10',
      validUntil: '2026-12-10',
    },
    {
      id: id(6),
      name: n[4]!,
      type: 'conditional',
      status: 'processing',
      amount: a(200),
      minSpend: a(500),
      days: 31,
      spent: a(500),
      redeemedOn: '2026-11-18',
      validFrom: '2026-11-18',
      validUntil: '2026-12-19',
    },
    {
      id: id(7),
      name: n[5]!,
      type: 'conditional',
      status: 'earning',
      amount: a(100),
      minSpend: a(150),
      days: 14,
      spent: a(37.8),
      redeemedOn: '2026-11-27',
      validFrom: '2026-11-27',
      validUntil: '2026-12-11',
    },
  ];
  const notAvailable: Promo[] = [
    {
      id: id(8),
      name: n[6]!,
      type: 'free',
      status: 'used',
      amount: a(100),
      unused: 0,
      redeemedOn: '2026-03-02',
      validFrom: '2026-03-02',
      validUntil: '2026-05-31',
    },
    {
      id: id(9),
      name: n[7]!,
      type: 'assignable',
      status: 'expired',
      amount: a(75),
      unused: a(30),
      campaigns: 2,
      redeemedOn: '2026-08-01',
      validFrom: '2026-08-01',
      validUntil: '2026-10-30',
    },
    {
      id: id(10),
      name: n[8]!,
      type: 'conditional',
      status: 'invalid',
      amount: a(50),
      minSpend: a(50),
      days: 30,
      redeemedOn: '2026-06-10',
      validFrom: '2026-06-10',
      validUntil: '2026-07-10',
    },
  ];
  return { available, earning, notAvailable };
}

/** A long list for one tab: `count` promotions, varied by a small fixed sequence (no randomness to re-seed). */
export function manyPromotions(
  lang: Lang,
  u: number,
  tab: 'available' | 'earning' | 'notAvailable',
  count: number,
  idBase: number,
): Promo[] {
  const n = NAMES[lang];
  const out: Promo[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (i % 10);
    const from = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const until = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const amount = round2((25 + (i % 7) * 25) * u);
    const base = {
      id: `PRM-${idBase + i}`,
      name: `${n[i % n.length]} #${i + 1}`,
      amount,
      redeemedOn: from,
      validFrom: from,
      validUntil: until,
    };
    if (tab === 'earning') {
      const minSpend = round2(amount * (1 + (i % 3)));
      const spent = i % 5 === 0 ? minSpend : round2((minSpend * (i % 5)) / 5);
      out.push({
        ...base,
        type: 'conditional',
        status: spent >= minSpend ? 'processing' : 'earning',
        minSpend,
        days: 14 + (i % 3) * 8,
        spent,
      });
    } else if (tab === 'available') {
      const type = (['free', 'assignable', 'conditional'] as const)[i % 3]!;
      const unused = round2(amount * ((i % 4) / 4 || 1));
      out.push({
        ...base,
        type,
        status: 'available',
        unused,
        ...(type === 'assignable' ? { campaigns: i % 2 ? i % 5 : 0 } : {}),
        ...(type === 'conditional' ? { minSpend: amount, days: 30 } : {}),
      });
    } else {
      const status = (['used', 'expired', 'invalid'] as const)[i % 3]!;
      out.push({
        ...base,
        type: i % 2 ? 'free' : 'assignable',
        status,
        unused: status === 'used' ? 0 : round2(amount / 2),
        ...(i % 2 ? {} : { campaigns: 1 }),
      });
    }
  }
  return out;
}
