// The time zones every date-dependent test runs in: both ends of the day line, half- and quarter-hour
// offsets, half-hour daylight saving (Lord Howe), southern-hemisphere and northern clock changes.
export const TEST_ZONES = [
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Europe/London',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Asia/Tokyo',
  'America/Sao_Paulo',
  'Europe/Berlin',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];
