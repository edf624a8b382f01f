// The timed part of bench/kopdes_stages.mjs, free of Node modules so that it runs in a page too:
// the synthetic inputs (the same as benches/kopdes_stages.rs and benches/kopdes.rs) and `run`.
const RUNS = 7;

/** The 600-row synthetic register repeated `copies` times (benches/kopdes_stages.rs). */
export function nationalStagesCsv(synth, copies = 150) {
  const lines = synth.split('\n').filter((l) => l !== '');
  const body = lines.slice(1).join('\n');
  return `${lines[0]}\n${Array(copies).fill(body).join('\n')}\n`;
}

/** xorshift64* of benches/kopdes.rs. */
function rng(seed) {
  let s = seed;
  const M = (1n << 64n) - 1n;
  return (n) => {
    s ^= s >> 12n;
    s ^= (s << 25n) & M;
    s ^= s >> 27n;
    return Number(((s * 0x2545f4914f6cdd1dn) & M) % BigInt(n));
  };
}

/** 90,000 KDMP rows on the desa table, as benches/kopdes.rs places them, as a register CSV. */
export function nationalCoverageCsv(kecCsv, desaCsv, n = 90000) {
  const names = new Map();
  for (const line of kecCsv.split('\n').slice(1)) {
    const [kode, nama] = line.split(',');
    if (kode) names.set(kode, nama);
  }
  const desa = desaCsv.split('\n').slice(1).filter((l) => l !== '').map((l) => l.split(','));
  const below = rng(0x9e3779b97f4a7c15n);
  const q = (s) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const out = ['nama,provinsi,kab_kota,kecamatan,desa'];
  for (let i = 0; i < n; i++) {
    const [code, name] = desa[i < Math.floor((desa.length * 92) / 100) ? i : below(desa.length)];
    let d = name.toUpperCase();
    if (below(100) === 0) d += 'X';
    const kab = (names.get(code.slice(0, 5)) ?? '').replace('Kabupaten ', 'KAB. ').toUpperCase();
    out.push([`KOPERASI DESA MERAH PUTIH ${d}`, (names.get(code.slice(0, 2)) ?? '').toUpperCase(), kab, names.get(code.slice(0, 8)) ?? '', d].map(q).join(','));
  }
  return `${out.join('\n')}\n`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(f, runs = RUNS) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  return { ms: Math.round(median(ms)), min: Math.round(Math.min(...ms)), out };
}

/** Time everything with the koperasi module `k`, the texts given (no I/O here: runs in a page too). */
export async function run(k, { synth, kec, desaCsv }) {
  const desa = new TextEncoder().encode(desaCsv);
  const stagesCsv = nationalStagesCsv(synth);
  const read = time(() => k.readRegister(stagesCsv), 1);
  const reg = read.out.register;
  const stages = time(() => k.kopdesStages(reg, '2026-01-31', { by: 'kab_kota' }));
  const ready = time(() => k.kopdesReadiness(reg, { by: 'kab_kota' }));
  const stagesAll = time(() => k.kopdesStages(reg, '2026-01-31', { by: 'kab_kota', perCoop: true }));
  const readyAll = time(() => k.kopdesReadiness(reg, { by: 'kab_kota', perCoop: true }));
  reg.free();
  const covCsv = nationalCoverageCsv(kec, desaCsv);
  const covRead = time(() => k.readRegister(covCsv), 1);
  const creg = covRead.out.register;
  const first = time(() => k.kopdesCoverage(creg, { level: 'kabupaten_kota', desa }), 1);
  const cov = time(() => k.kopdesCoverage(creg, { level: 'kabupaten_kota', desa }), 5);
  creg.free();
  return {
    coops: stages.out.coops,
    sk_ahu_reached: stages.out.funnel.find((c) => c.stage === 'sk_ahu').reached,
    ready: ready.out.overall.ready,
    read_stages_csv_ms: read.ms,
    stages_ms: stages.ms,
    readiness_ms: ready.ms,
    stalled: stagesAll.out.stalled.length,
    stages_per_coop_ms: stagesAll.ms,
    readiness_per_coop_ms: readyAll.ms,
    coverage_rows: cov.out.matching.rows,
    coverage_pct: cov.out.total.coverage_pct,
    read_coverage_csv_ms: covRead.ms,
    coverage_first_call_with_table_parse_ms: first.ms,
    coverage_ms: cov.ms,
  };
}

