// Draws a 12-lead ECG as a clinician reads it on paper: 25 mm/s, 10 mm/mV, 1 mm and 5 mm grid,
// a 1 mV calibration pulse at each row's start, the standard 3×4 layout (each column 2.5 s of
// the same 10 s) and a 10 s lead II rhythm strip below.
const layout = [["I", "aVR", "V1", "V4"], ["II", "aVL", "V2", "V5"], ["III", "aVF", "V3", "V6"]];
const mmPerSecond = 25;
const mmPerMillivolt = 10;
const calibrationMm = 10;
const paperMm = { width: calibrationMm + 10 * mmPerSecond + 2, height: 4 * 30 + 4 };
const rowMm = 30;

function drawGrid(g, px) {
  g.fillStyle = "#fff";
  g.fillRect(0, 0, paperMm.width * px, paperMm.height * px);
  for (let mm = 0; mm <= Math.max(paperMm.width, paperMm.height); mm++) {
    g.strokeStyle = mm % 5 === 0 ? "#f0a0a8" : "#fbe0e3";
    g.lineWidth = mm % 5 === 0 ? 1 : 0.5;
    g.beginPath();
    if (mm <= paperMm.width) { g.moveTo(mm * px, 0); g.lineTo(mm * px, paperMm.height * px); }
    if (mm <= paperMm.height) { g.moveTo(0, mm * px); g.lineTo(paperMm.width * px, mm * px); }
    g.stroke();
  }
}

function drawCalibration(g, px, baselineMm) {
  const y0 = baselineMm * px;
  const top = (baselineMm - mmPerMillivolt) * px;
  g.beginPath();
  g.moveTo(1 * px, y0); g.lineTo(3 * px, y0); g.lineTo(3 * px, top); g.lineTo(8 * px, top); g.lineTo(8 * px, y0); g.lineTo(calibrationMm * px, y0);
  g.stroke();
}

function drawTrace(g, px, samples, sampleRate, fromSample, seconds, xMm, baselineMm) {
  const count = Math.min(Math.round(seconds * sampleRate), samples.length - fromSample);
  if (count <= 0) return;
  g.beginPath();
  for (let i = 0; i < count; i++) {
    const x = (xMm + (i / sampleRate) * mmPerSecond) * px;
    const y = (baselineMm - samples[fromSample + i] * mmPerMillivolt) * px;
    if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
  }
  g.stroke();
}

// Draws the last complete 10 s (or all there is) and says on the canvas which leads it drew.
export function drawEcg(canvas, { sampleRate, leads }) {
  const width = canvas.clientWidth || 1000;
  const px = width / paperMm.width;
  canvas.width = Math.round(paperMm.width * px * devicePixelRatio);
  canvas.height = Math.round(paperMm.height * px * devicePixelRatio);
  canvas.style.height = `${paperMm.height * px}px`;
  const g = canvas.getContext("2d");
  g.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  drawGrid(g, px);
  const length = Math.min(...[...leads.values()].map((s) => s.length));
  const tenSeconds = 10 * sampleRate;
  const start = Number.isFinite(length) ? Math.max(0, length - tenSeconds) : 0;
  const drawn = [];
  g.lineJoin = "round";
  g.font = `${Math.max(10, 3.5 * px)}px system-ui, sans-serif`;
  layout.forEach((row, r) => {
    const baseline = rowMm * r + rowMm / 2 + 2;
    g.strokeStyle = "#000"; g.lineWidth = 1.2;
    drawCalibration(g, px, baseline);
    row.forEach((label, c) => {
      const x = calibrationMm + c * 2.5 * mmPerSecond;
      const samples = leads.get(label);
      g.fillStyle = "#000";
      g.fillText(label, (x + 1) * px, (baseline - 9) * px);
      if (!samples) return;
      drawTrace(g, px, samples, sampleRate, start + c * 2.5 * sampleRate, 2.5, x, baseline);
      drawn.push(label);
      if (c > 0) { g.beginPath(); g.moveTo(x * px, (baseline - 3) * px); g.lineTo(x * px, (baseline + 3) * px); g.stroke(); }
    });
  });
  const rhythmBaseline = rowMm * 3 + rowMm / 2 + 2;
  drawCalibration(g, px, rhythmBaseline);
  g.fillText("II", (calibrationMm + 1) * px, (rhythmBaseline - 9) * px);
  const rhythm = leads.get("II");
  if (rhythm) drawTrace(g, px, rhythm, sampleRate, start, 10, calibrationMm, rhythmBaseline);
  g.fillStyle = "#333";
  g.fillText("25 mm/s   10 mm/mV", (paperMm.width - 45) * px, (paperMm.height - 1.5) * px);
  canvas.dataset.leads = drawn.join(",");
  canvas.dataset.seconds = (Math.min(length, tenSeconds) / sampleRate).toFixed(1);
  canvas.setAttribute("aria-label", `12-lead ECG, ${canvas.dataset.seconds} s: ${drawn.join(", ")} and a lead II rhythm strip`);
}
