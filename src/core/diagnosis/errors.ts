// What the redeem dialog's refusal means. refusals.json holds the wording TikTok is known to use; real
// wording drifts between releases and languages, so keywords per cause back it up.
import type { ReasonId } from '../schemas.ts';
import { refusalSaid, type RefusalKey } from './refusals.ts';

/** The reasons a refusal message can name. */
export type RefusalCause = Extract<
  ReasonId,
  | 'code-typo'
  | 'code-expired'
  | 'already-redeemed'
  | 'usage-limit'
  | 'not-eligible-new-advertiser'
  | 'not-eligible-region'
  | 'not-eligible-account-type'
  | 'not-recipient'
  | 'payment-setup'
>;

const CAUSE_OF: Record<RefusalKey, RefusalCause> = {
  invalidCode: 'code-typo',
  expiredCode: 'code-expired',
  alreadyRedeemed: 'already-redeemed',
  usageLimit: 'usage-limit',
  newAdvertisersOnly: 'not-eligible-new-advertiser',
  regionUnavailable: 'not-eligible-region',
  accountTypeNotEligible: 'not-eligible-account-type',
  notIssuedToAccount: 'not-recipient',
  paymentMethodRequired: 'payment-setup',
};

/**
 * Keywords in folded form (lower case, no accents, "đ" → "d"), every language together: a page's
 * language attribute is not always the language of its messages. The most specific causes come first,
 * because general words ("invalid", "not available") appear inside specific messages too.
 */
// prettier-ignore
const KEYWORDS: ReadonlyArray<[RefusalCause, string[]]> = [
  ['payment-setup', [
    'payment method', 'payment details', 'billing information', 'add a payment', 'metodo de pago',
    'forma de pago', 'forma de pagamento', 'metodo de pagamento', 'mode de paiement',
    'moyen de paiement', 'zahlungsmethode', 'zahlungsart', 'zahlungsmittel', 'metode pembayaran',
    'cara pembayaran', '支払い方法', '支払方法', 'phuong thuc thanh toan',
    'payment info', 'zahlungsinformationen', 'informasi pembayaran', 'お支払い情報',
    'credit card', 'tarjeta de credito', 'cartao de credito', 'carte bancaire', 'carte de credit', 'kreditkarte', 'kartu kredit', 'クレジットカード', 'the tin dung',
  ]],
  ['not-eligible-new-advertiser', [
    'new advertiser', 'new user', 'new account', 'first-time', 'first time advertiser',
    'anunciantes nuevos', 'nuevos anunciantes', 'nuevo anunciante', 'nuevos usuarios',
    'novos anunciantes', 'novo anunciante', 'anunciantes novos', 'novos usuarios',
    'nouveaux annonceurs', 'nouvel annonceur', 'nouveaux utilisateurs', 'neue werbetreibende',
    'neuen werbetreibenden', 'neukunden', 'neue kunden', 'pengiklan baru', 'pengguna baru', '新規',
    'nha quang cao moi', 'nguoi dung moi',
    'never advertised', 'not advertised before', 'nunca han anunciado', 'nunca ha anunciado', 'nunca anunciaram', 'nunca anunciou', "n'ont jamais", 'jamais annonce', 'noch nie', 'noch keine anzeigen', 'belum pernah', 'chua tung', 'tai khoan quang cao moi', 'tai khoan moi', '初めて', '初回',
  ]],
  ['not-eligible-account-type', [
    'account type', 'agency', 'business center', 'type of account', 'tipo de cuenta', 'agencia',
    'tipo de conta', 'type de compte', 'agence', 'kontotyp', 'kontoart', 'agentur', 'jenis akun',
    'tipe akun', 'agensi', 'アカウントタイプ', 'アカウントの種類', '代理店', 'ビジネスセンター', 'loai tai khoan', 'dai ly',
    'managed by an agency', 'geree par une agence', 'geres par une agence', 'verwaltet von einer agentur', 'tai khoan doanh nghiep',
  ]],
  ['not-eligible-region', [
    'region', 'country', 'countries', 'location', 'pais', 'paises', 'regiao', 'pays', 'deinem land',
    'ihrem land', 'diesem land', 'land oder', 'landern', 'negara', 'wilayah', '地域', 'お住まいの国',
    'quoc gia', 'khu vuc',
    'where your account is billed', 'billed in', 'billing country', 'your location', 'ubicacion', 'localizacao', 'localisation', 'emplacement', 'standort', 'lokasi', 'vi tri', '所在地', '国または地域', '居住',
  ]],
  ['not-recipient', [
    'not issued', 'another advertiser', 'another account', 'different account', 'belongs to',
    'not assigned to this', 'not for this account', 'no se emitio', 'no fue emitido', 'otra cuenta',
    'otro anunciante', 'nao foi emitido', 'outra conta', 'outro anunciante', 'pas ete emis',
    'autre compte', 'autre annonceur', 'nicht fur dieses', 'nicht ausgestellt', 'anderes konto',
    'anderen werbetreibenden', 'tidak diterbitkan', 'akun lain', 'pengiklan lain', '発行されたものではありません',
    '発行されていません', '別のアカウント', '他の広告主', 'khong duoc cap', 'tai khoan khac', 'nha quang cao khac',
    'anderen konto', 'einem anderen', 'not your account', 'otra cuenta publicitaria', 'akun iklan lain', '別の広告アカウント', 'khong phai cua ban',
  ]],
  ['usage-limit', [
    'limit', 'nutzungslimit', 'einlosungslimit', 'maximum number', 'fully redeemed', 'quota',
    'run out', 'no more redemptions', 'limite',
    'maximo', 'nombre maximum', 'hochstzahl', 'maximale anzahl', 'kontingent', 'batas', 'kuota', '上限',
    'gioi han', 'toi da',
    'maximum', 'maximal', 'maxima', 'hochstanzahl', 'batas penggunaan', '回数', 'so lan', 'het luot', 'sold out', 'agotado', 'esgotado', 'epuise', 'vergriffen',
    "nombre d'utilisations", 'utilisations autorisees', 'anzahl der einlosungen', 'jumlah penggunaan', '利用回数', 'so lan su dung',
  ]],
  ['code-expired', [
    'expired', 'expire', 'no longer valid', 'has ended', 'caducado', 'caduco', 'vencido', 'expirado',
    'expiro', 'expirou', 'venceu', 'perime', 'abgelaufen', 'verfallen', 'nicht mehr gultig',
    'kedaluwarsa', 'kadaluarsa', 'kadaluwarsa', 'sudah berakhir', '期限切れ', '有効期限', '期限が切れ', 'het han',
    'ended', 'is over', 'no longer available', 'ha terminado', 'ha finalizado', 'termino', 'terminou', 'encerrad', 'est termine', 'est terminee', 'beendet', 'abgelaufen', 'telah habis', 'sudah habis', 'masa berlaku', 'berakhir', '終了', 'ket thuc', 'het hieu luc',
    'nicht mehr verfugbar', 'ya no es valido', 'ya no esta disponible', 'nao e mais valido', 'nao esta mais disponivel', "n'est plus valide", "n'est plus disponible", 'tidak berlaku lagi', 'sudah tidak berlaku', 'khong con hieu luc', 'khong con kha dung',
  ]],
  ['already-redeemed', [
    'already', 'previously redeemed', 'been used', 'ya se ha', 'ya ha sido', 'ya fue', 'ya se canjeo',
    'ya canjeado', 'ya utilizado', 'ja foi', 'ja resgat', 'ja utilizado', 'deja', 'bereits', 'schon',
    'sudah ditukarkan', 'telah ditukarkan', 'sudah digunakan', 'telah digunakan', 'sudah dipakai',
    'すでに', '既に', '使用済み', 'da duoc doi', 'da duoc su dung', 'da su dung', 'da doi',
  ]],
  ['code-typo', [
    'invalid', 'not valid', "doesn't exist", 'does not exist', 'not recognized', 'not recognised',
    'incorrect', 'not found', 'check the code', 'no es valido', 'invalido', 'no existe', 'incorrecto',
    'nao e valido', 'nao existe', 'incorreto', "n'est pas valide", 'pas valide', 'invalide',
      "n'existe pas", 'ungultig', 'existiert nicht', 'falsch', 'nicht gefunden', 'tidak valid',
    'tidak sah', 'tidak ditemukan', 'salah', '無効', '存在しません', '正しくありません', 'khong hop le',
    'khong ton tai', 'khong dung', 'khong tim thay', 'wrong code', 'no valido', 'nao valido',
    "couldn't find", 'could not find', "can't find", 'cannot find', 'no es correcto', 'no se encontro', 'nao esta correto', 'nao encontrado', 'introuvable', "n'est pas correct", 'nicht korrekt', 'ungueltig', 'tidak dapat ditemukan', 'tidak benar', '見つかりません', '見つかりませんでした', 'khong chinh xac',
  ]],
];

/** Lower case, no accents, typographic apostrophes straightened, "đ" as "d". */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Latin keywords must start a word ("land" is not in "island"); they may end inside one, so stems
// such as "expir" or "abgelaufen" still match inflected forms. Japanese has no word breaks.
const PATTERNS: ReadonlyArray<[RefusalCause, RegExp]> = KEYWORDS.map(([id, words]) => [
  id,
  new RegExp(
    words
      .map(fold)
      .map((w) => (/^[a-z]/.test(w) ? `(?<![\\p{L}])${escapeRe(w)}` : escapeRe(w)))
      .join('|'),
    'u',
  ),
]);

export interface ErrorReading {
  cause: RefusalCause;
  /** True when the message is one of the glossary's wordings, false when only keywords matched. */
  exact: boolean;
}

/** The cause a refusal message names, or null when it names none we know. */
export function readRefusal(message: string, lang: string | null | undefined): ErrorReading | null {
  const said = refusalSaid(message, lang);
  if (said) return { cause: CAUSE_OF[said], exact: true };
  const folded = fold(message);
  for (const [cause, pattern] of PATTERNS) {
    if (pattern.test(folded)) return { cause, exact: false };
  }
  return null;
}
